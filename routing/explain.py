"""A route explained in plain Dutch, for `loket route --text` and for staff."""

from __future__ import annotations

from routing.engine import Router
from routing.models import Route


def explain(router: Router, route: Route) -> str:
    """Readable Dutch text: who leads, who helps, which instruments and why."""
    cat = router.catalogue
    if not route.in_scope:
        first = (
            route.reasons[0].reden if route.reasons else "Dit is geen vraag over een initiatief."
        )
        return f"{first}\nAlgemeen nummer van de gemeente: {route.general_contact}."
    lines: list[str] = []
    facts = []
    if route.wijk:
        facts.append(f"wijk {route.wijk}")
    if route.stage:
        facts.append(f"fase: {cat.stages[route.stage].lower()}")
    if route.organisation:
        facts.append(f"initiatiefnemer: {cat.organisations[route.organisation].lower()}")
    if facts:
        lines.append("Over uw initiatief: " + "; ".join(facts) + ".")
    if route.needs:
        needs = [n.id + (" (uit uw tekst)" if n.source == "derived" else "") for n in route.needs]
        lines.append("Waar u hulp bij zoekt: " + ", ".join(needs) + ".")
    if route.departments:
        lines.append(f"Dit team pakt uw vraag op: {cat.name_of(route.departments[0])}.")
    if len(route.departments) > 1:
        others = ", ".join(cat.name_of(d) for d in route.departments[1:])
        lines.append(f"Deze teams helpen mee: {others}.")
    if route.partners:
        lines.append(
            "Partners die kunnen helpen: " + ", ".join(cat.name_of(p) for p in route.partners) + "."
        )
    if route.instruments:
        lines.append(
            "Wat u kunt krijgen: " + ", ".join(cat.name_of(i) for i in route.instruments) + "."
        )
    if route.sdgs:
        goals = ", ".join(f"{n} {cat.sdgs[n]}" for n in route.sdgs)
        lines.append(f"Uw initiatief draagt bij aan de werelddoelen (SDG's): {goals}.")
    lines.append("")
    lines.append("Waarom?")
    for reason in route.reasons:
        found = f" (gevonden: {', '.join(reason.matched)})" if reason.matched else ""
        lines.append(f"- {reason.reden}{found} [regel {reason.rule}]")
    if route.left_out:
        lines.append("")
        lines.append("Niet betrokken:")
        lines.extend(f"- {item.reden}" for item in route.left_out)
    return "\n".join(lines)
