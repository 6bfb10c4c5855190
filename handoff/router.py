"""The routing engine as the service sees it: a small protocol, and how to get the default one."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol, cast

from routing import Analysis, Catalogue, Intake, IntakeError, Route, load_catalogue


class RouterLike(Protocol):
    """What handoff needs of `routing.Router` (see docs/architecture.md)."""

    @property
    def catalogue(self) -> Catalogue: ...

    @property
    def rules_version(self) -> str: ...

    @property
    def pipeline(self) -> str: ...

    def route(self, intake: Intake) -> Route: ...

    def validate(self, intake: Intake) -> None: ...

    def analyse(self, text: str) -> Analysis: ...


class CatalogueRouter:
    """Stand-in until `routing.get_router()` exists: validates IDs and routes by needs only."""

    pipeline = "none"

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.rules_version = "catalogue-only"

    def validate(self, intake: Intake) -> None:
        cat = self.catalogue
        for need in intake.needs:
            if need not in cat.needs:
                raise IntakeError("needs", need, sorted(cat.needs))
        if intake.stage is not None and intake.stage not in cat.stages:
            raise IntakeError("stage", intake.stage, sorted(cat.stages))
        if intake.organisation is not None and intake.organisation not in cat.organisations:
            raise IntakeError("organisation", intake.organisation, sorted(cat.organisations))
        if intake.wijk is not None and cat.wijk_name(intake.wijk) is None:
            raise IntakeError("wijk", intake.wijk, list(cat.wijken))

    def analyse(self, text: str) -> Analysis:
        return Analysis()

    def route(self, intake: Intake) -> Route:
        from routing import NeedHit, Reason

        self.validate(intake)
        cat = self.catalogue
        by_need = {
            "financiering": ["subsidiescan", "workshop-fondsenwerving", "workshop-crowdfunding"],
            "locatie": ["locatiescan"],
            "vergunning": ["vergunningcheck"],
            "netwerk": ["netwerkintroductie"],
            "impact": ["maex-profiel"],
            "personeel": ["leerwerkplekken"],
            "vrijwilligers": ["vrijwilligersmatch"],
            "inkoop": ["buy-social"],
            "kennis": ["routekaart"],
            "zichtbaarheid": ["maex-profiel"],
            "samenwerking": ["prestatieverklaring"],
        }
        instruments = [i for n in intake.needs for i in by_need.get(n, []) if i in cat.instruments]
        instruments = list(dict.fromkeys(instruments))
        owners = [cat.instruments[i].by for i in instruments]
        departments = ["publiek-ondernemen"] + [o for o in owners if o in cat.departments]
        partners = [o for o in owners if o in cat.partners]
        return Route(
            in_scope=True,
            departments=list(dict.fromkeys(departments)),
            partners=list(dict.fromkeys(partners)),
            instruments=instruments,
            needs=[NeedHit(id=n, source="given") for n in intake.needs],
            wijk=cat.wijk_name(intake.wijk) if intake.wijk else None,
            stage=intake.stage,
            organisation=intake.organisation,
            reasons=[
                Reason(rule="fallback", reden="Publiek Ondernemen is het vaste aanspreekpunt.")
            ],
            general_contact=cat.general_contact,
            rules_version=self.rules_version,
        )


def default_router(routing_dir: Path) -> RouterLike:
    """`routing.get_router()` when the engine provides it, else the catalogue-only stand-in."""
    routing = importlib.import_module("routing")
    get_router = getattr(routing, "get_router", None)
    if get_router is not None:
        return cast(RouterLike, get_router())
    return CatalogueRouter(load_catalogue(routing_dir / "catalogue.yml"))
