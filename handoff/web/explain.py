"""The "zo werkt het" page's content: how routing decides, built from the loaded catalogue
and rules (like an entry in an algorithm register)."""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff.web.content import catalogue
from handoff.web.settings import WebSettings


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    about: str = ""


@dataclass(frozen=True)
class RuleText:
    id: str
    reden: str
    when: str
    then: str


@dataclass(frozen=True)
class Explanation:
    municipality: str
    general_contact: str
    lead: Item
    departments: list[Item]
    partners: list[Item]
    instruments: list[Item]
    needs: list[Item]
    rules: list[RuleText] = field(default_factory=list)
    rules_version: str = ""


def routing_explanation(settings: WebSettings) -> Explanation:
    cat = catalogue(settings)
    departments = [Item(i, d.name, d.about) for i, d in cat.departments.items()]
    lead = next((d for d in departments if d.id == "publiek-ondernemen"), departments[0])
    return Explanation(
        municipality=cat.municipality.name,
        general_contact=cat.general_contact,
        lead=lead,
        departments=departments,
        partners=[Item(i, p.name, p.about) for i, p in cat.partners.items()],
        instruments=[
            Item(i, n.name, f"{n.about} (via {cat.name_of(n.by)})".strip())
            for i, n in cat.instruments.items()
        ],
        needs=[Item(i, about) for i, about in cat.needs.items()],
    )
