"""A deterministic stand-in for the routing engine, so API tests don't depend on the rules."""

from __future__ import annotations

from routing import Analysis, Catalogue, Intake, IntakeError, NeedHit, Reason, Route


class FixedRouter:
    """Routes by needs only, from the catalogue: tests don't change when the rules do."""

    pipeline = "none"

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.rules_version = "catalogue-only"

    def validate(self, intake: Intake) -> Intake:
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
        return intake

    def analyse(self, text: str) -> Analysis:
        return Analysis()

    def route(self, intake: Intake) -> Route:
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
        departments = [cat.loket_team] + [o for o in owners if o in cat.departments]
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
            municipality=cat.municipality.id,
        )
