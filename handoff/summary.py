"""The one-page intake summary a partner or team receives: JSON, Markdown and HTML, in Dutch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel

from handoff.models import Case
from routing import Catalogue, Route

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


class Named(BaseModel):
    id: str
    naam: str


class ContactSummary(BaseModel):
    naam: str | None = None
    email: str | None = None
    telefoon: str | None = None
    voorkeur: str | None = None


class IntakeSummary(BaseModel):
    """Field names in Dutch: partners read them."""

    referentie: str
    aangemaakt: date
    reageren_voor: date
    doel: str
    behoeften: list[Named]
    fase: Named | None
    organisatievorm: Named | None
    wijk: str | None
    contact: ContactSummary | None
    terugbellen: bool = False
    instrumenten: list[Named]
    partners: list[Named]
    teams: list[Named]
    sdgs: list[Named]
    redenen: list[str]
    algemeen_nummer: str


def _named(table: dict[str, str], item_id: str | None) -> Named | None:
    if item_id is None:
        return None
    return Named(id=item_id, naam=table.get(item_id, item_id))


def build_summary(case: Case, catalogue: Catalogue) -> IntakeSummary:
    route = Route.model_validate(case.route)
    parties = case.assignments
    departments = [a.party for a in parties if a.kind == "department"] or route.departments
    partners = [a.party for a in parties if a.kind == "partner"] or route.partners
    contact = None
    if any((case.contact_name, case.contact_email, case.contact_phone)):
        contact = ContactSummary(
            naam=case.contact_name,
            email=case.contact_email,
            telefoon=case.contact_phone,
            voorkeur=case.contact_time,
        )
    return IntakeSummary(
        referentie=case.reference,
        aangemaakt=case.created_at.date(),
        reageren_voor=date.fromisoformat(case.reply_by),
        doel=str(case.intake.get("text") or "").strip() or "(niet beschreven)",
        behoeften=[Named(id=n.id, naam=catalogue.needs.get(n.id, n.id)) for n in route.needs],
        fase=_named(catalogue.stages, route.stage),
        organisatievorm=_named(catalogue.organisations, route.organisation),
        wijk=route.wijk,
        contact=contact,
        terugbellen=case.callback_requested,
        instrumenten=[Named(id=i, naam=catalogue.name_of(i)) for i in route.instruments],
        partners=[Named(id=p, naam=catalogue.name_of(p)) for p in partners],
        teams=[Named(id=d, naam=catalogue.name_of(d)) for d in departments],
        sdgs=[Named(id=str(s), naam=catalogue.sdgs.get(s, str(s))) for s in route.sdgs],
        redenen=[r.reden for r in route.reasons],
        algemeen_nummer=catalogue.general_contact,
    )


def render_markdown(summary: IntakeSummary) -> str:
    return _TEMPLATES.get_template("summary.md").render(s=summary)


def render_html(summary: IntakeSummary) -> str:
    return _TEMPLATES.get_template("summary.html").render(s=summary)
