"""Access to the routing engine (in-process) for the actions: catalogue, text analysis, route,
each of the conversation's own municipality.

`where` is a tracker (its municipality: see `actions.municipality`), a municipality ID, or
None for the default municipality. Routers are loaded on first use, never at import; the one
registry (`routing.get_municipalities()`) serves every municipality. Tests replace it with
`use_router`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker

from routing import Analysis, Catalogue, Intake, IntakeError, Route, known_values_only

Where = Tracker | str | None

_routers: dict[str | None, Any] = {}


def use_router(router: Any, municipality: str | None = None) -> None:
    """Replace the router of `municipality` (tests); with None for every municipality that has
    no router of its own. `use_router(None)` goes back to the registry."""
    if router is None and municipality is None:
        _routers.clear()
    elif router is None:
        _routers.pop(municipality, None)
    else:
        _routers[municipality] = router


def known_municipalities() -> list[str]:
    """The IDs of the municipalities with a data folder, plus any a test set a router for."""
    import routing

    return sorted({*routing.get_municipalities().ids, *(m for m in _routers if m)})


def default_municipality() -> str:
    import routing

    return routing.default_municipality()


def municipality(where: Where) -> str:
    """The municipality ID for `where` (a known ID; the default for anything else)."""
    if isinstance(where, Tracker):
        from actions.municipality import municipality_of

        return municipality_of(where)
    if where and where in known_municipalities():
        return where
    return default_municipality()


def router(where: Where = None) -> Any:
    key = municipality(where)
    replaced = _routers.get(key, _routers.get(None))
    if replaced is not None:
        return replaced
    import routing

    return routing.get_municipalities().get(key)


def catalogue(where: Where = None) -> Catalogue:
    return router(where).catalogue  # type: ignore[no-any-return]


def analyser(where: Where = None) -> Callable[[str], Analysis]:
    """The text analysis of `where`'s municipality (its wijken and signal words)."""
    chosen = router(where)

    def analyse(text: str) -> Analysis:
        if not text or not text.strip():
            return Analysis()
        return chosen.analyse(text)  # type: ignore[no-any-return]

    return analyse


def analyse(text: str, where: Where = None) -> Analysis:
    return analyser(where)(text)


def route(intake: Intake, where: Where = None) -> Route:
    """The route of `intake`. A slot Rasa filled from a tagged word the catalogue does not know
    (a need "fonds" in a question) is left out, not refused: the form's validation judges the
    answer, and a question asked meanwhile is still answered."""
    chosen = router(where)
    try:
        return chosen.route(intake)  # type: ignore[no-any-return]
    except IntakeError:  # validated once in the common case, not before and again in route()
        return chosen.route(known_values_only(chosen.catalogue, intake))  # type: ignore[no-any-return]
