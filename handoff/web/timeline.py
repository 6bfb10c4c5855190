"""A case's timeline in Dutch words for the workspace: one line per audit event."""

from __future__ import annotations

from handoff.models import AuditEntry
from routing import Catalogue


def _names(parties: object, catalogue: Catalogue) -> str:
    if not isinstance(parties, list) or not parties:
        return "niemand"
    return ", ".join(catalogue.name_of(str(p)) for p in parties)


def describe(entry: AuditEntry, catalogue: Catalogue) -> str:
    d, action = entry.detail, entry.action
    if action == "aangemaakt":
        return "Aanvraag gemaakt en doorgestuurd."
    if action == "geregistreerd":
        return (
            f"Geregistreerd (binnengekomen via {d.get('kanaal')}); toestemming verkregen door "
            f"{d.get('toestemming_door')}: {d.get('toestemming')}."
        )
    if action == "status":
        note = f" Toelichting: {d['note']}" if d.get("note") else ""
        return f"{catalogue.name_of(entry.actor)} meldt: {d.get('status')}.{note}"
    if action == "status gewijzigd":
        return f"Status van de aanvraag: {d.get('voor')} → {d.get('na')}."
    if action == "teruggestuurd":
        return f"Teruggestuurd naar de eigenaar. Reden: {d.get('reden')}"
    if action == "eigenaar":
        after = d.get("na") or {}
        team = catalogue.name_of(str(after.get("team"))) if after.get("team") else ""
        return f"Eigenaar: {after.get('naam')} ({team})."
    if action == "gesloten":
        note = f" {d['note']}" if d.get("note") else ""
        return f"Gesloten: {d.get('uitkomst')}.{note}"
    if action == "notitie":
        return f"Notitie: {d.get('tekst')}"
    if action == "notitie partner":
        return f"Notitie van {catalogue.name_of(entry.actor)} voor de eigenaar: {d.get('tekst')}"
    if action in ("herrouterd", "toegewezen"):
        word = "Opnieuw gerouteerd" if action == "herrouterd" else "Met de hand toegewezen"
        return f"{word}: nu naar {_names(d.get('na'), catalogue)}."
    if action == "opnieuw verstuurd":
        return f"Samenvatting opnieuw verstuurd naar {_names(d.get('partijen'), catalogue)}."
    if action == "check-in beantwoord":
        extra = f" Nieuwe vraag: {d['vraag']}" if d.get("vraag") else ""
        return f"De inwoner antwoordt op 'Hoe gaat het?': {d.get('antwoord')}.{extra}"
    if action == "check-in verstuurd":
        return "E-mail 'Hoe gaat het met uw initiatief?' verstuurd."
    if action == "impactvraag verstuurd":
        return "E-mail 'Wat heeft de hulp opgeleverd?' verstuurd."
    if action == "impactvraag beantwoord":
        return f"De inwoner antwoordt op 'Wat heeft de hulp opgeleverd?': {d.get('antwoord')}."
    if action == "toestemming impactvraag":
        return "De inwoner wil later de vraag 'Wat heeft de hulp opgeleverd?' krijgen."
    if action == "toestemming impactvraag ingetrokken":
        return "De inwoner wil de vraag 'Wat heeft de hulp opgeleverd?' niet meer krijgen."
    if action == "afgemeld":
        return "De inwoner wil geen e-mails meer."
    if action == "aangemeld":
        return "De inwoner wil e-mail bij nieuws (aangezet op de statuspagina)."
    if action == "geëscaleerd":
        return "Te laat: gemeld bij de coördinator."
    return action
