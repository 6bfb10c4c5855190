"""The routing engine as the service sees it: a small protocol, and the routers of every
municipality (one per catalogue folder, `routing.Municipalities`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from routing import (
    Analysis,
    Catalogue,
    Intake,
    Municipalities,
    Route,
    UnknownMunicipality,
    default_municipality,
    get_municipalities,
    get_router,
    load_catalogue,
    municipalities_dir,
)
from routing.municipalities import discover


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


def municipalities(root: Path | None, default: str) -> Municipalities:
    """The registry of routers: the process-wide one when the settings name the defaults."""
    if root is None and default == default_municipality():
        return get_municipalities()
    return Municipalities(root or municipalities_dir(), default)


def load_catalogues(root: Path | None = None) -> dict[str, Catalogue]:
    """Every municipality's catalogue, without the language pipeline (the delivery worker
    needs names and mailboxes only)."""
    folder = root or municipalities_dir()
    return {m: load_catalogue(folder / m / "catalogue.yml") for m in discover(folder)}


def catalogue_of(catalogues: Mapping[str, Catalogue], municipality: str) -> Catalogue:
    """The catalogue of a case's municipality; `UnknownMunicipality` when its folder is gone."""
    try:
        return catalogues[municipality]
    except KeyError:
        raise UnknownMunicipality(municipality, sorted(catalogues)) from None


def as_catalogues(value: Catalogue | Mapping[str, Catalogue]) -> dict[str, Catalogue]:
    """One catalogue (its own municipality) or a mapping of them, as a mapping."""
    if isinstance(value, Catalogue):
        return {value.municipality.id: value}
    return dict(value)
