"""Who receives the summary, what they receive, and what the inwoner leaves out.

Pure helpers for the consent step (no Rasa, no I/O). The parties come from
`routing.Route.recipients`, the one list the API also delivers to; the inwoner can leave any
of them out except the lead team ("ja, maar niet naar Voor je Buurt").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from actions.wordpatterns import words
from routing import Catalogue, Route

# The clause that names whom to leave out: "niet naar X", "zonder X", "behalve X", "geen X".
_EXCLUSION = re.compile(
    r"\b(?:niet|nie|geen|zonder|behalve|uitgezonderd|uitzondering|except)\b(?P<rest>.*)$", re.I
)
# Words of party names too common to identify one on their own.
_COMMON = frozenset(
    {"team", "de", "het", "een", "en", "van", "voor", "je", "in", "op", "met", "naar"}
    | {"sociaal", "sociale", "social", "gemeente"}
)
# "niet naar de partners": every partner (the teams of the municipality stay).
_ALL_PARTNERS = words(r"partners?|andere\s+organisaties?")
# "alleen naar de gemeente": every team of the municipality.
_ALL_TEAMS = words(r"gemeente|teams")
# An answer that names whom to send to: "alleen naar Wijkzaken", "enkel de gemeente".
_ONLY = re.compile(r"\b(?:alleen|enkel|uitsluitend|slechts)\b(?P<rest>.*)$", re.I)
_WORD = re.compile(r"[a-z0-9à-ÿ]+")
# An inwoner's own age: "ik ben 14", "ik ben 14 jaar", "14 jaar oud", "mijn leeftijd is 14".
_AGE = re.compile(
    r"\b(?:ik\s+ben|ben\s+ik|ik\s+word|i'?m)\s+(?P<a>\d{1,2})(?=\s*(?:jaar|jr)\b|\s+(?:en|maar|dus|want|oud)\b|\s*[.,!?)]|\s*$)"
    r"|\b(?P<b>\d{1,2})\s*(?:jaar|jr)\s+oud\b"
    r"|\bleeftijd\s*(?:is|:)?\s*(?P<c>\d{1,2})\b",
    re.I,
)
ADULT_CONSENT_AGE = 16


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _aliases(party: str, parties: list[str], catalogue: Catalogue) -> list[list[str]]:
    """Word sequences that name `party`: its name, its ID, and each word of its name that no
    other party in `parties` shares (so "fondsen" names Delftse Fondsen)."""
    name = _words(catalogue.name_of(party))
    aliases = [name, _words(party.replace("-", " "))]
    others = {w for p in parties if p != party for w in _words(catalogue.name_of(p))}
    aliases += [[w] for w in name if w not in _COMMON and w not in others and len(w) >= 3]
    return [a for a in aliases if a]


def _mentions(words: list[str], alias: list[str]) -> bool:
    """`alias` occurs in `words`, allowing a typo per longer word ("voor je buurd")."""
    size = len(alias)
    for start in range(len(words) - size + 1):
        window = words[start : start + size]
        if window == alias:
            return True
        joined, wanted = " ".join(window), " ".join(alias)
        if len(wanted) >= 6 and SequenceMatcher(None, joined, wanted).ratio() >= 0.85:
            return True
    # Written as one word ("voorjebuurt"), or one word split in two ("vrijwilligers centrale").
    if size > 1:
        return "".join(alias) in words
    pairs = [a + b for a, b in itertools.pairwise(words)]
    return alias[0] in pairs


def _named(clause: str, parties: list[str], catalogue: Catalogue) -> list[str]:
    """The parties a clause names, in route order ("de partners": every partner)."""
    words = _words(clause)
    found = {
        party
        for party in parties
        if any(_mentions(words, alias) for alias in _aliases(party, parties, catalogue))
    }
    if _ALL_PARTNERS.search(clause):
        found |= {p for p in parties if p in catalogue.partners}
    if _ALL_TEAMS.search(clause):
        found |= {p for p in parties if p in catalogue.departments}
    return [p for p in parties if p in found]


# A party named before the words that leave it out: "KVK hoeft het niet te krijgen", "MAEX
# mag het niet hebben", "de Vrijwilligerscentrale laat maar weg", "sla Wijkzaken maar over".
_LEFT_OUT_BEFORE = re.compile(
    r"(?P<a>[^.;:!?]*?)\b(?:hoeft|hoeven|mag|mogen|moet|moeten|kan|kunnen)\s+(?:het|dat|die|dit|"
    r"er|hem|ze)?\s*(?:echt\s+|ook\s+|wel\s+|dus\s+)?(?:niet|nie|geen)\b"
    r"|(?P<b>[^.;:!?]*?)\b(?:laat|laten)\s+(?:maar\s+)?(?:weg|eruit|zitten)\b"
    r"|\bsla\s+(?P<c>[^.;:!?]*?)\s+(?:maar\s+|even\s+)?over\b"
    # "laat de Vrijwilligerscentrale maar weg"
    r"|\b(?:laat|laten)\s+(?P<d>[^.;:!?]*?)\s+(?:maar\s+|gewoon\s+)?(?:weg|eruit|buiten)\b",
    re.I,
)


def excluded_parties(text: str, parties: list[str], catalogue: Catalogue) -> list[str]:
    """The parties a typed answer leaves out ("ja, maar niet naar de KVK en MAEX", "KVK hoeft
    het niet te krijgen"), in route order; empty when it names none. A button payload
    ("/affirm") leaves out nobody."""
    text = (text or "").strip()
    if text.startswith("/"):
        return []
    clause = _EXCLUSION.search(text)
    found = set(_named(clause.group("rest"), parties, catalogue)) if clause else set()
    for before in _LEFT_OUT_BEFORE.finditer(text):
        said = next(part for part in before.group("a", "b", "c", "d") if part is not None)
        found |= set(_named(said, parties, catalogue))
    return [p for p in parties if p in found]


def only_parties(text: str, parties: list[str], catalogue: Catalogue) -> list[str] | None:
    """The parties of an answer that says whom to send to ("ja, alleen naar de gemeente"):
    None when it says no "alleen"; empty when it names none of the parties."""
    text = (text or "").strip()
    clause = None if text.startswith("/") else _ONLY.search(text)
    return _named(clause.group("rest"), parties, catalogue) if clause else None


def left_out(text: str, parties: list[str], catalogue: Catalogue) -> list[str] | None:
    """Whom a typed answer leaves out: by "niet naar …", or by "alleen naar …" (everyone not
    named). None: an "alleen" that names no party, so it is unclear whom to send to."""
    excluded = excluded_parties(text, parties, catalogue)
    if excluded or _EXCLUSION.search(text or "") or _LEFT_OUT_BEFORE.search(text or ""):
        return excluded
    only = only_parties(text, parties, catalogue)
    if only is None:
        return []
    return [p for p in parties if p not in only] if only else None


# A name after "niet naar": "niet naar Social Impact Factory", "niet naar de TU Delft", up to
# the end of its clause ("niet naar Voor je Buurt. Crowdfunding doen we niet.").
_NAME_LEFT_OUT = re.compile(
    r"\b(?:niet|nie|zonder|behalve)\s+(?:naar|aan|bij|via)?\s*(?:de\s+|het\s+)?"
    r"(?P<name>[A-Z][^.,;:!?\n]{0,60})"
)
# Where the name's clause goes on about something else ("…, daar lopen we al").
_CLAUSE_GOES_ON = re.compile(r"\s+(?:want|daar|omdat|maar|die|dat|zij|ze|we|wij)\b.*$")


def leaves_out_a_name(text: str) -> bool:
    """Whether a typed answer leaves out someone by name ("niet naar de Rabobank Foundation")."""
    return bool(_NAME_LEFT_OUT.search(text or ""))


def names_not_listed(text: str, parties: list[str], catalogue: Catalogue) -> str | None:
    """The name a typed consent leaves out that is none of the parties ("ja, maar niet naar
    Social Impact Factory" when it was not on the list), or None."""
    if (text or "").startswith("/"):
        return None
    found = _NAME_LEFT_OUT.search(text or "")
    if not found:
        return _party_not_listed(text, parties, catalogue)
    name = _CLAUSE_GOES_ON.sub("", found.group("name")).strip()
    if not name or len(name.split()) > 6 or _named(name, parties, catalogue):
        return None
    return name


def _party_not_listed(text: str, parties: list[str], catalogue: Catalogue) -> str | None:
    """A team or partner of the catalogue, by its whole name in any case ("ja maar niet naar
    voor je buurt"), that a typed consent leaves out and that is none of the parties."""
    clause = _EXCLUSION.search(text or "")
    if not clause:
        return None
    said = _words(clause.group("rest"))
    for party in [*catalogue.partners, *catalogue.departments]:
        if party not in parties and _mentions(said, _words(catalogue.name_of(party))):
            return catalogue.name_of(party)
    return None


def answers_consent(text: str) -> bool:
    """A typed answer to the consent question that says whom (not) to send to ("ja, maar niet
    naar het Werkgeversservicepunt", "alleen naar de gemeente"), whatever the classifier
    made of it (a question about that partner, say)."""
    text = (text or "").strip()
    return not text.startswith("/") and bool(
        _EXCLUSION.search(text) or _ONLY.search(text) or _LEFT_OUT_BEFORE.search(text)
    )


def without_exclusion(text: str) -> str:
    """The answer without its "niet naar …" clause (or "X hoeft het niet"): what is left must
    still be a clear yes."""
    return _EXCLUSION.sub("", _LEFT_OUT_BEFORE.sub("", text or ""))


def stated_age(texts: Iterable[str]) -> int | None:
    """The youngest age the inwoner gave for themselves anywhere in the conversation."""
    ages = []
    for text in texts:
        for match in _AGE.finditer(text or ""):
            value = next(v for v in match.group("a", "b", "c") if v)
            ages.append(int(value))
    plausible = [a for a in ages if 6 <= a <= 99]
    return min(plausible) if plausible else None


def is_minor(texts: Iterable[str]) -> bool:
    age = stated_age(texts)
    return age is not None and age < ADULT_CONSENT_AGE


def contact_given(slots: dict[str, Any]) -> dict[str, str]:
    """The contact details that go with the case: only those given, and none when the inwoner
    said they want no contact."""
    if slots.get("contact_wanted") is False:
        return {}
    return {
        key: str(slots[f"contact_{key}"])
        for key in ("name", "email", "phone")
        if slots.get(f"contact_{key}")
    }


def reachable(contact: dict[str, str]) -> bool:
    """A team can reach the inwoner only by e-mail or phone (a name alone is not enough)."""
    return bool(contact.get("email") or contact.get("phone"))


def dutch_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


_CONTACT_WORDS = {"name": "uw naam", "email": "uw e-mailadres", "phone": "uw telefoonnummer"}

# A contact detail the inwoner does not want sent with the yes ("ja, maar zonder mijn
# telefoonnummer", "stuur mijn naam niet mee", "mijn mail hoeft er niet bij", "anoniem").
_WITHHELD = words(
    r"zonder\s+(mijn|m['’]?n|me)\s+(?P<a>[\w-]+)|(stuur|geef)\s+(mijn|m['’]?n)\s+(?P<b>[\w-]+)\s+"
    r"(\w+\s+)?(niet|nie)\s+(mee|door)|(mijn|m['’]?n)\s+(?P<c>[\w-]+)\s+(hoeft|mag|moet)\s+(er\s+)?"
    r"(niet|nie)\s+(\w+\s+)?(mee|bij)|anoniem"
)
_DETAIL_WORDS = {
    "name": re.compile(r"naam|voornaam|achternaam", re.IGNORECASE),
    "email": re.compile(r"e-?mail\w*|mail\w*", re.IGNORECASE),
    "phone": re.compile(r"telefoon\w*|nummer|06-?nummer|mobiel\w*", re.IGNORECASE),
}
_ALL_DETAILS = re.compile(r"(contact|persoons)?gegevens", re.IGNORECASE)


def details_withheld(text: str) -> list[str]:
    """The contact details ("name", "email", "phone") a typed yes keeps back."""
    found: set[str] = set()
    for match in _WITHHELD.finditer(text or ""):
        word = match.group("a") or match.group("b") or match.group("c")
        if word is None or _ALL_DETAILS.fullmatch(word):
            found |= set(_DETAIL_WORDS)  # "anoniem", "zonder mijn gegevens"
            continue
        found |= {key for key, pattern in _DETAIL_WORDS.items() if pattern.fullmatch(word)}
    return [key for key in _DETAIL_WORDS if key in found]


def without_withheld(text: str) -> str:
    """The answer without the clause that keeps a detail back: what is left must be a yes."""
    return _WITHHELD.sub(" ", text or "")


def withheld_text(withheld: list[str]) -> str:
    """What was not sent, as the inwoner asked."""
    kept_back = dutch_list([_CONTACT_WORDS[key] for key in withheld])
    return f"Zoals u vroeg, is {kept_back} niet meegestuurd."


def what_they_receive(contact: dict[str, str]) -> str:
    given = [_CONTACT_WORDS[k] for k in ("name", "email", "phone") if k in contact]
    if not given:
        return (
            "Zij krijgen een samenvatting van uw vraag. "
            "Uw naam en contactgegevens krijgen zij niet."
        )
    return f"Zij krijgen een samenvatting van uw vraag en {dutch_list(given)}."


def party_line(party: str, route: Route, catalogue: Catalogue) -> str:
    name = catalogue.name_of(party)
    if party == route.lead:
        return f"- {name} (heeft de regie)"
    if party in catalogue.partners:
        return f"- {name} (partner)"
    return f"- {name} (team van de gemeente)"


def consent_question(
    route: Route,
    catalogue: Catalogue,
    parties: list[str],
    contact: dict[str, str],
    minor: bool,
) -> str:
    """Names every party that will receive the summary and what they get."""
    lines = ["Mag ik uw vraag doorsturen naar:"]
    lines += [party_line(p, route, catalogue) for p in parties]
    lines.append(what_they_receive(contact))
    optional = [p for p in parties if p != route.lead]
    if optional:
        example = next((p for p in optional if p in catalogue.partners), optional[0])
        lines.append(
            "Wilt u iemand overslaan? Typ dan bijvoorbeeld: "
            f"ja, maar niet naar {catalogue.name_of(example)}."
        )
    if minor:
        lines.append(
            "U vertelde dat u jonger bent dan 16 jaar. Vraag dan eerst aan uw ouder of verzorger "
            "of die het goed vindt. Typ dan bijvoorbeeld: ja, mijn moeder vindt het goed."
        )
    lines.append("Alleen als u ja zegt, sturen we het door.")
    return "\n".join(lines)


# A parent or carer who agrees ("mijn moeder vindt het goed", "ik ben zijn vader, het mag"):
# under 16 the inwoner's own yes is not enough (AVG art. 8, UAVG art. 5).
_PARENT = r"(moeder|vader|ouders?|mama|mam|papa|pap|verzorgers?|voogd|stiefmoeder|stiefvader)"
_PARENT_AGREES = words(
    rf"{_PARENT}\s+(\w+\s+){{0,4}}(vindt|vinden|vond|vonden|zegt|zeggen|zei|is|zijn|gaat|gaan|"
    r"heeft|hebben|geeft|geven)\s+(\w+\s+){0,3}(goed|oke|oké|ok|prima|akkoord|eens|ja|"
    r"toestemming|mee\s+eens|het\s+mag)|"
    rf"(toestemming|ok|oké|akkoord)\s+(\w+\s+){{0,2}}(van|met)\s+(mijn|m['’]?n|onze)\s+{_PARENT}|"
    rf"ik\s+ben\s+(de|zijn|haar|hun)\s+{_PARENT}|"
    rf"(mijn|m['’]?n)\s+{_PARENT}\s+(\w+\s+){{0,2}}(mag|mogen)\s+het|"
    rf"(mijn|m['’]?n)\s+{_PARENT}\s+(zit|zat|kijkt|keek)\s+(hier\s+)?(naast|mee)"
)
PARENT_NEEDED = (
    "U bent jonger dan 16 jaar. Dan moet ook uw ouder of verzorger het goed vinden, voordat ik "
    "iets doorstuur. Vindt uw ouder of verzorger het goed? Zeg dan ja. Wilt u het eerst thuis "
    "vragen? Zeg dan nee. Dan stuur ik nu niets door, en kunt u later terugkomen."
)
PARENT_BUTTONS = [
    {"title": "Ja, mijn ouder vindt het goed", "payload": "/affirm"},
    {"title": "Nee, eerst thuis vragen", "payload": "/deny"},
]


def parent_agrees(texts: Iterable[str]) -> bool:
    """Whether the conversation says a parent or carer agrees to sending ("ja, mijn moeder
    vindt het goed"; a yes to "Vindt uw ouder of verzorger het goed?" is read by the caller)."""
    return any(_PARENT_AGREES.search(text or "") for text in texts)


def lead_required_text(route: Route, catalogue: Catalogue, kept: list[str]) -> str:
    """The lead team cannot be left out; asks again for the lead plus the parties `kept`."""
    lead = catalogue.name_of(route.lead or "")
    names = dutch_list([catalogue.name_of(p) for p in kept])
    return (
        f"{lead} krijgt uw vraag altijd: dit team helpt u verder en houdt de regie. "
        "De andere teams en partners kunt u wel overslaan. "
        f"Mag ik uw vraag dan doorsturen naar {names}? "
        "Kies een van de knoppen, of typ wie u wilt overslaan."
    )


def exclusion_check_text(kept: list[str], left_out: list[str], catalogue: Catalogue) -> str:
    return (
        f"Dan stuur ik uw vraag alleen naar {dutch_list([catalogue.name_of(p) for p in kept])}, "
        f"niet naar {dutch_list([catalogue.name_of(p) for p in left_out])}. Is dat goed?"
    )


def route_changed_text(added: list[str], catalogue: Catalogue) -> str:
    """Why the consent question comes again: what was said since adds parties to the route."""
    names = dutch_list([catalogue.name_of(p) for p in added])
    return (
        f"Door wat u net vertelde, gaat uw vraag nu ook naar {names}. Daarom vraag ik het opnieuw."
    )
