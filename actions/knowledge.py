"""Access to the routing engine (in-process) for the actions: catalogue, text analysis, route.

The router is loaded on first use, never at import. Tests replace it with `use_router`.
"""

from __future__ import annotations

from typing import Any

from routing import Analysis, Catalogue, Intake, Route

_router: Any = None


def use_router(router: Any) -> None:
    """Replace the router (tests); `None` goes back to `routing.get_router()`."""
    global _router
    _router = router


def router() -> Any:
    global _router
    if _router is None:
        import routing

        _router = routing.get_router()
    return _router


def catalogue() -> Catalogue:
    return router().catalogue  # type: ignore[no-any-return]


def analyse(text: str) -> Analysis:
    if not text or not text.strip():
        return Analysis()
    return router().analyse(text)  # type: ignore[no-any-return]


def route(intake: Intake) -> Route:
    return router().route(intake)  # type: ignore[no-any-return]
