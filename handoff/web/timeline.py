"""A case's timeline in Dutch words for the workspace: one line per audit event."""

from __future__ import annotations

from typing import Any

from handoff.models import AuditEntry
from routing import Catalogue

IMPACT_QUESTION = "'Wat heeft de hulp opgeleverd?'"
# The line of each action that needs only the entry's detail: {key} is the detail's value.
SENTENCES: dict[str, str] = {
    "aangemaakt": "Aanvraag gemaakt en doorgestuurd.",
    "geregistreerd": "Geregistreerd (binnengekomen via {kanaal}); toestemming verkregen door "
    "{toestemming_door}: {toestemming}.",
    "status gewijzigd": "Status van de aanvraag: {voor} → {na}.",
    "teruggestuurd": "Teruggestuurd naar de eigenaar. Reden: {reden}",
    "notitie": "Notitie: {tekst}",
    "check-in verstuurd": "E-mail 'Hoe gaat het met uw initiatief?' verstuurd.",
    "impactvraag verstuurd": f"E-mail {IMPACT_QUESTION} verstuurd.",
    "impactvraag beantwoord": f"De inwoner antwoordt op {IMPACT_QUESTION}: {{antwoord}}.",
    "toestemming impactvraag": f"De inwoner wil later de vraag {IMPACT_QUESTION} krijgen.",
    "toestemming impactvraag ingetrokken": (
        f"De inwoner wil de vraag {IMPACT_QUESTION} niet meer krijgen."
    ),
    "afgemeld": "De inwoner wil geen e-mails meer.",
    "aangemeld": "De inwoner wil e-mail bij nieuws (aangezet op de statuspagina).",
    "geëscaleerd": "Te laat: gemeld bij de coördinator.",
}


class _Detail(dict[str, Any]):
    """An entry's detail in which a missing key reads as None, as with `dict.get`."""

    def __missing__(self, key: str) -> None:
        return None


def _names(parties: object, catalogue: Catalogue) -> str:
    if not isinstance(parties, list) or not parties:
        return "niemand"
    return ", ".join(catalogue.name_of(str(p)) for p in parties)


def _optional(text: str, value: object) -> str:
    """`text` with `value` in it, or nothing when there is no value."""
    return text.format(value) if value else ""


def describe(entry: AuditEntry, catalogue: Catalogue) -> str:
    d, action = entry.detail, entry.action
    if action in SENTENCES:
        return SENTENCES[action].format_map(_Detail(d))
    if action == "status":
        note = _optional(" Toelichting: {}", d.get("note"))
        return f"{catalogue.name_of(entry.actor)} meldt: {d.get('status')}.{note}"
    if action == "eigenaar":
        after = d.get("na") or {}
        team = catalogue.name_of(str(after.get("team"))) if after.get("team") else ""
        return f"Eigenaar: {after.get('naam')} ({team})."
    if action == "gesloten":
        return f"Gesloten: {d.get('uitkomst')}.{_optional(' {}', d.get('note'))}"
    if action == "notitie partner":
        return f"Notitie van {catalogue.name_of(entry.actor)} voor de eigenaar: {d.get('tekst')}"
    if action in ("herrouterd", "toegewezen"):
        word = "Opnieuw gerouteerd" if action == "herrouterd" else "Met de hand toegewezen"
        return f"{word}: nu naar {_names(d.get('na'), catalogue)}."
    if action == "opnieuw verstuurd":
        return f"Samenvatting opnieuw verstuurd naar {_names(d.get('partijen'), catalogue)}."
    if action == "check-in beantwoord":
        extra = _optional(" Nieuwe vraag: {}", d.get("vraag"))
        return f"De inwoner antwoordt op 'Hoe gaat het?': {d.get('antwoord')}.{extra}"
    return action
