"""The routing engine as the service sees it: a small protocol, and how to get the default one."""

from __future__ import annotations

from typing import Protocol

from routing import Analysis, Catalogue, Intake, Route, get_router


class RouterLike(Protocol):
    """What handoff needs of `routing.Router` (see docs/architecture.md)."""

    @property
    def catalogue(self) -> Catalogue: ...

    @property
    def rules_version(self) -> str: ...

    @property
    def pipeline(self) -> str: ...

    def route(self, intake: Intake) -> Route: ...

    def validate(self, intake: Intake) -> Intake: ...

    def analyse(self, text: str) -> Analysis: ...


def default_router() -> RouterLike:
    """The routing engine's default router (`LOKET_ROUTING_DIR`), loaded once per process."""
    return get_router()
