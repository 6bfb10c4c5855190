"""Dutch (B1) texts the actions show, built from slots, the catalogue and the route.

Pure functions: no Rasa, no I/O. Short sentences, one question at a time.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from actions.slots import UNKNOWN, WHOLE_CITY
from actions.wordpatterns import words
from routing import Catalogue, Route
from routing.dutch import dutch_date, need_label

YES_NO_SUMMARY = [
    {"title": "Ja, dat klopt", "payload": "/affirm"},
    {"title": "Nee, ik wil iets aanpassen", "payload": "/deny"},
]
# "Wis", "verwijder"...: the inwoner wants something erased. The widget's "Wis gesprek" button
# erases the conversation and any case (privacy page); the bot's answers point to it.
# Words that ask for a person ("ik wil een mens spreken", "een medewerker").
HUMAN_WORDS = words(
    r"mens|medewerker|persoon|iemand\s+spreken|spreken|bellen|bel|telefoon|terugbellen|"
    r"contact\s*persoon|echt\s+iemand|praten|iemand\s+aan\s+de\s+(lijn|telefoon)|overleggen\s+met"
)
# Words of erasing, bare alternatives (`ERASE_WORDS` and the erasure action's wider reading).
ERASING = r"wis\w*|gewist|verwijder\w*|delete|weg\s*halen"
ERASE_WORDS = words(ERASING)
# Words of erasing or of not keeping ("ik wil niet dat jullie dit bewaren").
ERASE_OR_KEEP_WORDS = words(ERASING + r"|bewa\w*|opsla\w*|opgeslagen|vergeten")
# A wish to keep the data no longer than needed ("bewaar het niet langer dan nodig"): a wish
# about keeping, not a request to erase now.
KEEP_NO_LONGER = words(
    r"(niet|nooit)\s+(\w+\s+)?(langer|te\s+lang)|langer\s+dan\s+nodig|zo\s+kort\s+mogelijk"
)

YES_NO_CONSENT = [
    {"title": "Ja, stuur het door", "payload": "/affirm"},
    {"title": "Nee, niet doorsturen", "payload": "/deny"},
]
# The consent question in short, asked again after a remark at it.
CONSENT_AGAIN = "Mag ik uw samenvatting doorsturen?"
HUMAN_BUTTONS = [
    {"title": "Bel mij terug", "payload": "/request_callback"},
]


def team_email(catalogue: Catalogue) -> str:
    """The mailbox of the municipality's loket team (its general number's team otherwise)."""
    team = catalogue.departments.get(catalogue.loket_team)
    return (team.email if team and team.email else None) or catalogue.municipality.privacy_contact


def team_name(catalogue: Catalogue) -> str:
    return catalogue.name_of(catalogue.loket_team)


def wijk_question(catalogue: Catalogue) -> tuple[str, list[dict[str, str]]]:
    """The wijk question with a button per wijk of this municipality, and one for all of it."""
    buttons = [
        {"title": wijk, "payload": "/inform_wijk" + json.dumps({"wijk": wijk}, ensure_ascii=False)}
        for wijk in catalogue.wijken
    ]
    buttons.append(
        {"title": "De hele stad", "payload": "/inform_wijk" + json.dumps({"wijk": WHOLE_CITY})}
    )
    return "In welke wijk speelt het? Typ de naam van de wijk, of kies hieronder.", buttons


def changed_text(lines: list[str]) -> str:
    """What the inwoner reads when answers change: the changed summary lines, said once."""
    return "Ik heb dit aangepast:\n" + "\n".join(lines)


def summary_lines(slots: dict[str, Any], catalogue: Catalogue) -> dict[str, str]:
    """One line per answer, in words (no codes): goal, needs, stage, organisation, wijk, contact."""
    unknown = "weet u nog niet"
    needs = slots.get("needs")
    stage = str(slots.get("stage") or "")
    organisation = str(slots.get("organisation") or "")
    wijk = slots.get("wijk")
    if needs == []:
        needs_text = unknown
    elif needs:
        needs_text = "; ".join(need_label(catalogue, n) for n in needs)
    else:
        needs_text = "nog niet ingevuld"
    lines = {
        "goal": f"- Wat u wilt: {slots.get('goal') or 'nog niet ingevuld'}",
        "needs": f"- Hulp bij: {needs_text}",
        "stage": "- Hoe ver: "
        + (unknown if stage == UNKNOWN else catalogue.stages.get(stage, "nog niet ingevuld")),
        "organisation": "- Wie erachter zit: "
        + (
            unknown
            if organisation == UNKNOWN
            else catalogue.organisations.get(organisation, "nog niet ingevuld")
        ),
    }
    if wijk == WHOLE_CITY:
        lines["wijk"] = "- Wijk: de hele stad"
    elif wijk == UNKNOWN:
        lines["wijk"] = f"- Wijk: {unknown}"
    else:
        lines["wijk"] = f"- Wijk: {wijk or 'nog niet ingevuld'}"
    contact = [
        str(slots[k]) for k in ("contact_name", "contact_email", "contact_phone") if slots.get(k)
    ]
    if contact and slots.get("contact_time"):
        contact.append(f"liefst bellen: {slots['contact_time']}")
    lines["contact"] = f"- Contact: {', '.join(contact) if contact else 'geen contactgegevens'}"
    return lines


def summary_text(slots: dict[str, Any], catalogue: Catalogue) -> str:
    """The intake as the inwoner gave it, ending with the question 'Klopt dit?'."""
    lines = ["Dit heb ik van u genoteerd:", *summary_lines(slots, catalogue).values()]
    return "\n".join([*lines, "", "Klopt dit?"])


def reason_for(route: Route, party: str) -> str | None:
    """The reden of the first rule that put `party` in the route."""
    for reason in route.reasons:
        # `adds` (what a rule added to the route) is optional in the Reason contract.
        if party in (getattr(reason, "adds", None) or []) and reason.reden:
            return reason.reden
    return None


def lead_reason(route: Route) -> str | None:
    """The reden of the rule that brought in the lead team; else the first reden."""
    if route.lead:
        found = reason_for(route, route.lead)
        if found:
            return found
    return next((r.reden for r in route.reasons if r.reden), None)


# The chat names the lead and at most this many other teams; the rest only when asked.
TEAMS_SHOWN = 2


def route_text(
    route: Route, catalogue: Catalogue, reply_by: tuple[int, date] | None, can_reply: bool = True
) -> str:
    """Who picks the question up and why, at most two other teams with one reason each, the
    partners and help by name (what they are: ask), and when. Without an e-mail address or
    phone number (`can_reply` false) nobody can answer the inwoner: then no answer is
    promised, only when the team looks at the question."""
    lead = route.lead or catalogue.loket_team
    lines = [f"{catalogue.name_of(lead)} pakt uw vraag op."]
    reason = lead_reason(route)
    if reason:
        lines.append(f"Waarom: {reason}")
    others = route.departments[1:]
    for department in others[:TEAMS_SHOWN]:
        why = reason_for(route, department)
        lines.append(f"Ook {catalogue.name_of(department)} kijkt mee." + (f" {why}" if why else ""))
    if len(others) > TEAMS_SHOWN:
        more = len(others) - TEAMS_SHOWN
        lines.append(
            f"Nog {more} {'ander team kijkt' if more == 1 else 'andere teams kijken'} mee. "
            "Vraag 'welke teams?' als u wilt weten welke."
        )
    if route.partners:
        names = [catalogue.name_of(p) for p in route.partners]
        lines.append(f"Partners die kunnen helpen: {', '.join(names)}.")
    if route.instruments:
        names = [
            catalogue.instruments[i].name if i in catalogue.instruments else catalogue.name_of(i)
            for i in route.instruments
        ]
        lines.append(f"Hulp die kan passen: {', '.join(names)}.")
    if route.partners or route.instruments:
        lines.append("Wilt u weten wat iets is? Vraag het gerust, bijvoorbeeld 'wat is MAEX?'.")
    lines.append("")
    if reply_by and not can_reply:
        days, day = reply_by
        lines.append(
            f"{catalogue.name_of(lead)} bekijkt uw vraag binnen {days} werkdagen, uiterlijk op "
            f"{dutch_date(day)}. U gaf geen e-mailadres of telefoonnummer, dus het team kan u "
            "niet zelf antwoorden. Hoe u uw vraag volgt, leest u na het doorsturen."
        )
    elif reply_by:
        days, day = reply_by
        lines.append(f"Het team reageert binnen {days} werkdagen, uiterlijk op {dutch_date(day)}.")
    else:
        lines.append("Ik kan nu niet opzoeken wanneer het team reageert.")
    return "\n".join(lines)


def out_of_scope_route_text(catalogue: Catalogue, website: str) -> str:
    return (
        "Uw vraag lijkt niet over een initiatief te gaan. Daar kan ik u niet mee helpen. "
        f"Belt u de gemeente op {catalogue.general_contact} of kijk op {website}."
    )


def other_service_text(catalogue: Catalogue, website: str) -> str:
    """A question for another municipal service (passport, waste...): the general number."""
    return (
        "Daar kan ik u helaas niet mee helpen. Ik help alleen bij initiatieven en sociaal "
        f"ondernemen. Voor andere vragen aan de gemeente belt u {catalogue.general_contact} of "
        f"kijkt u op {website}."
    )


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


# Said after an answer to a side question, before the intake form asks its question again.
GOING_ON = "Dan ga ik verder met de vraag waar we waren."


def meeting_text(catalogue: Catalogue, hours: str) -> str:
    """The answer to "kan ik langskomen?" or "kan ik een afspraak maken?" during the questions:
    how to reach the team, and that the intake goes first (it is what the team reads)."""
    return (
        f"Iemand spreken kan. U kunt {team_name(catalogue)} mailen via {team_email(catalogue)}, "
        f"of bellen: {catalogue.general_contact}, {hours}. Maakt u eerst de vragen hier af? "
        "Dan kent het team uw plan al, en kunt u het team om een afspraak vragen."
    )


def _in_a_sentence(about: str) -> str:
    """A catalogue description inside a sentence: its first letter small unless it starts an
    abbreviation ("Wmo" stays readable as "wmo", "MAEX" stays "MAEX"), no final full stop."""
    about = about.strip().rstrip(".")
    if len(about) > 1 and about[1].islower():
        return about[0].lower() + about[1:]
    return about


def _who_offers(party: str, catalogue: Catalogue) -> str:
    """Who a party is, in a sentence: a team of the municipality or an organisation outside it."""
    name = catalogue.name_of(party)
    if party in catalogue.departments:
        return f"{name} is een team van de gemeente."
    return f"{name} is een organisatie buiten de gemeente."


def faq_text(topic: str, catalogue: Catalogue) -> str:
    """What an instrument, partner or team is, in plain sentences made from the catalogue's own
    descriptions (never the catalogue's lines as they stand)."""
    if topic in catalogue.instruments:
        instrument = catalogue.instruments[topic]
        by = catalogue.name_of(instrument.by)
        text = (
            f"{instrument.name} betekent: {_in_a_sentence(instrument.about)}. "
            if instrument.about
            else ""
        )
        text += f"{instrument.name} krijgt u via {by}. {_who_offers(instrument.by, catalogue)}"
        return text
    item = catalogue.partners.get(topic) or catalogue.departments.get(topic)
    if item is None:
        return unknown_topic_text(catalogue)
    text = _who_offers(topic, catalogue)
    if item.about:
        what = "Het team gaat over" if topic in catalogue.departments else "Wat zij doen"
        text += f" {what}: {_in_a_sentence(item.about)}."
    offers = [i.name for i in catalogue.instruments.values() if i.by == topic]
    if offers:
        text += f" U kunt er terecht voor: {', '.join(offers)}."
    return text


def unknown_topic_text(catalogue: Catalogue) -> str:
    examples = [i.name for i in list(catalogue.instruments.values())[:4]]
    return (
        "Daar weet ik helaas niets over. Ik kan uitleggen wat regelingen en partners zijn, "
        f"zoals {', '.join(examples)}."
    )
