"""The one-page intake summary a partner or team receives: JSON, Markdown and HTML, in Dutch."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel

from handoff.models import Case
from routing import Catalogue, Route

_TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
_TEMPLATES = Environment(
    loader=FileSystemLoader(_TEMPLATE_DIR),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
# Characters that make Markdown emit raw HTML, entities, links, images or code.
_MARKDOWN_ACTIVE = re.compile(r"([\\`<>&\[\]])")


def escape_markdown(value: object) -> object:
    """Backslash-escape what Markdown would turn into HTML; the text stays readable as plain
    text (the e-mail's text part)."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", value) if isinstance(value, str) else value


# Every value the Markdown template prints is escaped, as autoescape does for HTML.
_MARKDOWN = _TEMPLATES.overlay(autoescape=False, finalize=escape_markdown)


def _style_hash() -> str:
    """CSP source for the HTML summary's one inline <style> (the page is self-contained, so
    it also reads well as an e-mail)."""
    html = (_TEMPLATE_DIR / "summary.html").read_text(encoding="utf-8")
    match = re.search(r"<style>(.*?)</style>", html, re.S)
    style = match.group(1) if match else ""
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


SUMMARY_STYLE_SOURCE = _style_hash()


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


TITLE_LENGTH = 120


def initiative_title(case: Case) -> str:
    """The initiative's goal in its own words: the first sentence of the intake text."""
    text = " ".join(str(case.intake.get("text") or "").split())
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return first if len(first) <= TITLE_LENGTH else first[: TITLE_LENGTH - 1].rstrip() + "…"


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
    return _MARKDOWN.get_template("summary.md").render(s=summary)


def render_html(summary: IntakeSummary) -> str:
    return _TEMPLATES.get_template("summary.html").render(s=summary)
