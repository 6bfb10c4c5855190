"""Dutch (B1) texts the actions show, built from slots, the catalogue and the route.

Pure functions: no Rasa, no I/O. Short sentences, one question at a time.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from actions.slots import WHOLE_CITY
from routing import Catalogue, Route

TEAM_ID = "publiek-ondernemen"
YES_NO_SUMMARY = [
    {"title": "Ja, dat klopt", "payload": "/affirm"},
    {"title": "Nee, ik wil iets aanpassen", "payload": "/deny"},
]
# "Wis", "verwijder"...: the inwoner wants something erased. The widget's "Wis gesprek" button
# erases the conversation and any case (privacy page); the bot's answers point to it.
ERASE_WORDS = re.compile(r"\b(wis\w*|gewist|verwijder\w*|delete|weg\s*halen)\b", re.IGNORECASE)

YES_NO_CONSENT = [
    {"title": "Ja, stuur het door", "payload": "/affirm"},
    {"title": "Nee, niet doorsturen", "payload": "/deny"},
]
HUMAN_BUTTONS = [
    {"title": "Bel mij terug", "payload": "/request_callback"},
]

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: date) -> str:
    """'maandag 30 november'."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def team_email(catalogue: Catalogue) -> str:
    team = catalogue.departments.get(TEAM_ID)
    return (team.email if team and team.email else None) or "publiekondernemen@gemeente.example"


def team_name(catalogue: Catalogue) -> str:
    team = catalogue.departments.get(TEAM_ID)
    return team.name if team else "Team Publiek Ondernemen"


def summary_text(slots: dict[str, Any], catalogue: Catalogue) -> str:
    """The intake as the inwoner gave it, ending with the question 'Klopt dit?'."""
    needs = slots.get("needs") or []
    stage = slots.get("stage")
    organisation = slots.get("organisation")
    wijk = slots.get("wijk")
    lines = ["Dit heb ik van u genoteerd:"]
    lines.append(f"- Wat u wilt: {slots.get('goal') or 'nog niet ingevuld'}")
    lines.append(f"- Hulp bij: {', '.join(needs) if needs else 'nog niet ingevuld'}")
    lines.append(f"- Hoe ver: {catalogue.stages.get(stage, 'nog niet ingevuld')}")
    lines.append(
        f"- Wie erachter zit: {catalogue.organisations.get(organisation, 'nog niet ingevuld')}"
    )
    if wijk == WHOLE_CITY:
        lines.append("- Wijk: de hele stad of nog niet bekend")
    else:
        lines.append(f"- Wijk: {wijk or 'nog niet ingevuld'}")
    contact = [
        str(slots[k]) for k in ("contact_name", "contact_email", "contact_phone") if slots.get(k)
    ]
    lines.append(f"- Contact: {', '.join(contact) if contact else 'geen contactgegevens'}")
    lines.append("")
    lines.append("Klopt dit?")
    return "\n".join(lines)


def lead_reason(route: Route) -> str | None:
    """The reden of the rule that brought in the lead team; else the first reden."""
    lead = route.lead
    for reason in route.reasons:
        # `adds` (what a rule added to the route) is optional in the Reason contract.
        if lead and lead in (getattr(reason, "adds", None) or []) and reason.reden:
            return reason.reden
    return next((r.reden for r in route.reasons if r.reden), None)


def route_text(route: Route, catalogue: Catalogue, reply_by: tuple[int, date] | None) -> str:
    """Who picks the question up and why, which partners and instruments fit, and when."""
    lead = route.lead or TEAM_ID
    lead_name = catalogue.name_of(lead)
    lines = [f"{lead_name} pakt uw vraag op."]
    reason = lead_reason(route)
    if reason:
        lines.append(f"Waarom: {reason}")
    others = [catalogue.name_of(d) for d in route.departments[1:]]
    if others:
        lines.append(f"Zij werken samen met: {', '.join(others)}.")
    if route.partners:
        lines.append("")
        lines.append("Partners die bij uw vraag passen:")
        for partner_id in route.partners:
            partner = catalogue.partners.get(partner_id)
            about = f": {partner.about}" if partner and partner.about else ""
            lines.append(f"- {catalogue.name_of(partner_id)}{about}")
    if route.instruments:
        lines.append("")
        lines.append("Hulp die kan passen:")
        for instrument_id in route.instruments:
            instrument = catalogue.instruments.get(instrument_id)
            if instrument is None:
                lines.append(f"- {instrument_id}")
                continue
            by = catalogue.name_of(instrument.by)
            about = f": {instrument.about}" if instrument.about else ""
            lines.append(f"- {instrument.name} ({by}){about}")
    lines.append("")
    if reply_by:
        days, day = reply_by
        lines.append(f"U krijgt binnen {days} werkdagen antwoord, uiterlijk op {dutch_date(day)}.")
    else:
        lines.append("Ik kan nu niet opzoeken wanneer u antwoord krijgt.")
        lines.append("Het team reageert zo snel mogelijk.")
    return "\n".join(lines)


def consent_question(route: Route, catalogue: Catalogue) -> str:
    parties = [catalogue.name_of(route.lead or TEAM_ID)]
    parties += [catalogue.name_of(p) for p in route.partners]
    who = parties[0] if len(parties) == 1 else ", ".join(parties[:-1]) + " en " + parties[-1]
    return f"Mag ik uw samenvatting delen met {who}? Alleen als u ja zegt, sturen we het door."


def out_of_scope_route_text(catalogue: Catalogue, website: str) -> str:
    return (
        "Uw vraag lijkt niet over een initiatief te gaan. Daar kan ik u niet mee helpen. "
        f"Belt u de gemeente op {catalogue.general_contact} of kijk op {website}."
    )


def case_created_text(
    reference: str, lead_name: str | None, day: date | None, status_url: str
) -> str:
    lines = [f"Dank u wel. Uw vraag is doorgestuurd. Uw kenmerk is {reference}."]
    if lead_name and day:
        lines.append(f"{lead_name} reageert uiterlijk op {dutch_date(day)}.")
    if status_url:
        lines.append(f"Hier kunt u zien hoe het ervoor staat: {status_url}")
        lines.append("Bewaar deze link goed. Wij kunnen hem niet nog een keer sturen.")
    return "\n".join(lines)


def handoff_down_text(catalogue: Catalogue) -> str:
    return (
        "Het lukt nu niet om uw vraag door te sturen. Dat ligt aan ons, niet aan u. "
        "Uw vraag is nog niet verstuurd. Uw antwoorden blijven in dit gesprek staan. "
        "U hoeft niets opnieuw in te vullen.\n"
        "Wat kunt u doen? Probeer het over een paar minuten opnieuw: kies dan "
        "'Ja, stuur het door'. Wilt u niet wachten? Mail naar "
        f"{team_email(catalogue)} of bel {catalogue.general_contact}."
    )


def handoff_rejected_text(catalogue: Catalogue) -> str:
    return (
        "Er ging iets mis bij het doorsturen. Uw vraag is niet verstuurd. "
        f"Mail uw vraag naar {team_email(catalogue)} of bel {catalogue.general_contact}."
    )


def consent_unclear_text(erase: bool) -> str:
    text = "Ik weet niet zeker of u ja bedoelt. Daarom stuur ik nog niets door."
    if erase:
        text += (
            " Wilt u alles wissen? Klik dan op de knop 'Wis gesprek'. Dan wis ik het gesprek,"
            " en ook uw aanvraag als u die al had gedaan."
        )
    return text + " Mag ik uw samenvatting doorsturen? Kies een van de knoppen."


def declined_text(catalogue: Catalogue) -> str:
    return (
        "Prima. Ik stuur niets door en uw vraag wordt niet opgeslagen als aanvraag. "
        f"Wilt u later toch hulp? Mail {team_name(catalogue)} via {team_email(catalogue)} "
        f"of bel {catalogue.general_contact}."
    )


def human_text(catalogue: Catalogue, hours: str, has_intake: bool) -> str:
    text = (
        f"U kunt {team_name(catalogue)} mailen via {team_email(catalogue)}. "
        f"Bellen kan ook: {catalogue.general_contact}, {hours}."
    )
    if has_intake:
        return text + (
            " Wilt u liever dat het team u terugbelt? Dan stuur ik mee wat u mij al vertelde."
        )
    return text + " Wilt u liever dat het team u terugbelt? Kies dan 'Bel mij terug'."


def faq_text(topic: str, catalogue: Catalogue) -> str:
    """What an instrument, partner or team is, from the catalogue's own descriptions."""
    if topic in catalogue.instruments:
        instrument = catalogue.instruments[topic]
        by = catalogue.name_of(instrument.by)
        by_item = catalogue.partners.get(instrument.by) or catalogue.departments.get(instrument.by)
        text = f"{instrument.name}: {instrument.about}." if instrument.about else instrument.name
        text = text if text.endswith(".") else text + "."
        text += f" Dit wordt aangeboden door {by}."
        if by_item is not None and by_item.about:
            text += f" {by}: {by_item.about}."
        return text
    item = catalogue.partners.get(topic) or catalogue.departments.get(topic)
    if item is None:
        return unknown_topic_text(catalogue)
    offers = [i.name for i in catalogue.instruments.values() if i.by == topic]
    text = f"{item.name}: {item.about}." if item.about else f"{item.name}."
    if offers:
        text += f" Zij bieden: {', '.join(offers)}."
    return text


def unknown_topic_text(catalogue: Catalogue) -> str:
    examples = [i.name for i in list(catalogue.instruments.values())[:4]]
    return (
        "Daar weet ik helaas niets over. Ik kan uitleggen wat regelingen en partners zijn, "
        f"zoals {', '.join(examples)}."
    )
