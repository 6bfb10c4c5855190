"""The "zo werkt het" page's content: how routing decides, in plain Dutch, generated from the
loaded rules, signals and catalogue (like an entry in an algorithm register)."""

from __future__ import annotations

from dataclasses import dataclass, field

from routing import Router
from routing.rules import Conditions, Effects, Rule

MAX_WORDS_SHOWN = 6


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
    themes: list[Item] = field(default_factory=list)
    rules: list[RuleText] = field(default_factory=list)
    rules_version: str = ""


def _or(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " of " + values[-1]


def _and(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " en " + values[-1]


def describe_conditions(cond: Conditions, router: Router) -> str:
    cat, themes = router.catalogue, router.signals.themes
    parts: list[str] = []
    if cond.behoefte:
        parts.append("het initiatief zoekt " + _or(cond.behoefte))
    if cond.thema:
        parts.append("het gaat over " + _or([themes.get(t, t).lower() for t in cond.thema]))
    if cond.woorden:
        shown = [f"„{w.replace('*', '…')}”" for w in cond.woorden[:MAX_WORDS_SHOWN]]
        more = " (en meer)" if len(cond.woorden) > MAX_WORDS_SHOWN else ""
        parts.append("de tekst noemt " + _or(shown) + more)
    if cond.fase:
        parts.append("de fase is " + _or(cond.fase))
    if cond.organisatie:
        parts.append("de aanvrager is " + _or([o.replace("-", " ") for o in cond.organisatie]))
    if cond.wijk:
        parts.append("de wijk is " + _or([cat.wijk_name(w) or w for w in cond.wijk]))
    if cond.teams_minimaal:
        parts.append(f"er zijn {cond.teams_minimaal} of meer teams betrokken")
    if cond.anders:
        parts.append("geen andere regel heeft een trekkend team gekozen")
    text = _and(parts) if parts else "altijd"
    if cond.niet:
        text += ", maar niet als " + describe_conditions(cond.niet, router)
    return text


def describe_effects(dan: Effects, router: Router) -> str:
    name = router.catalogue.name_of
    parts: list[str] = []
    if dan.trekker:
        parts.append(f"{name(dan.trekker)} kan de vraag trekken (gewicht {dan.gewicht:g})")
    if dan.teams:
        parts.append("betrokken: " + _and([name(t) for t in dan.teams]))
    if dan.partners:
        parts.append("partner: " + _and([name(p) for p in dan.partners]))
    if dan.instrumenten:
        parts.append("aanbod: " + _and([name(i) for i in dan.instrumenten]))
    if dan.sdgs:
        sdgs = router.catalogue.sdgs
        parts.append("SDG: " + _and([f"{s} {sdgs.get(s, '')}".strip() for s in dan.sdgs]))
    return "; ".join(parts)


def describe_rule(rule: Rule, router: Router) -> RuleText:
    return RuleText(
        id=rule.id,
        reden=rule.reden,
        when=describe_conditions(rule.als, router),
        then=describe_effects(rule.dan, router),
    )


def routing_explanation(router: Router) -> Explanation:
    cat = router.catalogue
    departments = [Item(i, d.name, d.about) for i, d in cat.departments.items()]
    lead = next(d for d in departments if d.id == cat.loket_team)
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
        themes=[Item(i, name) for i, name in router.signals.themes.items()],
        rules=[describe_rule(rule, router) for rule in router.rules],
        rules_version=router.rules_version,
    )
