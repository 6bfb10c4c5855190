"""A route without parties that declined: what the engine proposes when a partner or team
says an initiative does not fit them ("niet passend")."""

from __future__ import annotations

from routing.catalogue import Catalogue
from routing.models import Reason, Route

EXCLUDED_RULE = "uitgesloten"


def without_parties(route: Route, declined: list[str], catalogue: Catalogue) -> Route:
    """`route` less the `declined` parties and their instruments, with a reason per party. The
    lead team stays (regie cannot decline a case); a route without declines comes back as is."""
    gone = [p for p in dict.fromkeys(declined) if p != route.lead]
    if not gone:
        return route
    instruments = [
        i
        for i in route.instruments
        if i not in catalogue.instruments or catalogue.instruments[i].by not in gone
    ]
    reasons = [
        Reason(
            rule=EXCLUDED_RULE,
            reden=f"{catalogue.name_of(p)} gaf aan dat dit initiatief niet bij hen past; "
            "zij krijgen het niet opnieuw.",
        )
        for p in gone
    ]
    return route.model_copy(
        update={
            "departments": [d for d in route.departments if d not in gone],
            "partners": [p for p in route.partners if p not in gone],
            "instruments": instruments,
            "reasons": [*route.reasons, *reasons],
        }
    )
