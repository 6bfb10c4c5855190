"""Pure helpers that turn what the inwoner typed into catalogue IDs and an Intake.

No Rasa, no I/O: each function takes the catalogue and, where it needs one, the text
analysis as arguments, so the unit tests call them directly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from routing import Analysis, Catalogue, Intake
from routing.models import MAX_TEXT_LENGTH

Analyse = Callable[[str], Analysis]

INTAKE_SLOTS = ("goal", "needs", "stage", "organisation", "wijk", "contact_wanted", "contact")
CONTACT_SLOTS = ("contact", "contact_name", "contact_email", "contact_phone")
# The slot value for "not one wijk": the whole city, or the inwoner does not know yet.
WHOLE_CITY = "hele stad"
_WHOLE_CITY_WORDS = (
    "hele stad",
    "heel delft",
    "hele gemeente",
    "overal",
    "geen specifieke wijk",
    "geen wijk",
    "niet aan een wijk",
    "weet ik niet",
    "weet ik nog niet",
    "meerdere wijken",
    "alle wijken",
)
# Words that mean "add to what you have" in a correction ("we zoeken ook vrijwilligers").
_ADDING_WORDS = re.compile(r"\b(ook|daarnaast|bovendien|nog|tevens|en)\b", re.IGNORECASE)

EMAIL = re.compile(r"[^@\s<>,;:()]+@[^@\s<>,;:()]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w@])(\+?\d[\d ()-]{5,18}\d)(?![\w@])")
_NAME_LEADS = re.compile(
    r"\b(mijn naam is|ik heet|ik ben|naam|e-?mail(adres)?|mailadres|mail( maar)?( naar)?|"
    r"telefoon(nummer)?|nummer|tel|bel( me| mij)?( maar)?( op)?|u kunt|je kunt|je kan|"
    r"bereikbaar via|liefst per|per|via|op|graag|contact|mijn gegevens|en|of)\b[:,]?",
    re.IGNORECASE,
)


def normalise_need(value: Any, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """Catalogue need IDs for one entity value or button payload ('geld' → financiering)."""
    text = str(value or "").strip()
    if not text:
        return []
    if text in catalogue.needs:
        return [text]
    if text.casefold() in catalogue.needs:
        return [text.casefold()]
    return [n for n in analyse(text).needs if n in catalogue.needs]


def normalise_needs(values: Any, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """All catalogue need IDs for a list of values, in order, without duplicates."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    found: list[str] = []
    for value in values:
        for need in normalise_need(value, catalogue, analyse):
            if need not in found:
                found.append(need)
    return found


def merge_needs(current: Iterable[str] | None, new: list[str], text: str) -> list[str]:
    """Add `new` to `current` when the text says so ("ook", "daarnaast"), else replace."""
    current = list(current or [])
    if not new:
        return current
    if _ADDING_WORDS.search(text or ""):
        return current + [n for n in new if n not in current]
    return list(dict.fromkeys(new))


def _id_or_none(value: Any, table: dict[str, str]) -> str | None:
    text = str(value or "").strip()
    if text in table:
        return text
    if text.casefold() in table:
        return text.casefold()
    return None


def normalise_stage(value: Any, catalogue: Catalogue, analyse: Analyse) -> str | None:
    found = _id_or_none(value, catalogue.stages)
    if found or not value:
        return found
    return _id_or_none(analyse(str(value)).stage, catalogue.stages)


def normalise_organisation(value: Any, catalogue: Catalogue, analyse: Analyse) -> str | None:
    found = _id_or_none(value, catalogue.organisations)
    if found or not value:
        return found
    return _id_or_none(analyse(str(value)).organisation, catalogue.organisations)


def normalise_wijk(value: Any, catalogue: Catalogue, analyse: Analyse | None = None) -> str | None:
    """The catalogue spelling of a wijk, `WHOLE_CITY`, or None when nothing fits.

    Accepts small typos ("voorhoff") by a close match on the catalogue names.
    """
    text = str(value or "").strip()
    if not text:
        return None
    exact = catalogue.wijk_name(text)
    if exact:
        return exact
    lowered = text.casefold()
    if any(word in lowered for word in _WHOLE_CITY_WORDS):
        return WHOLE_CITY
    by_fold = {w.casefold(): w for w in catalogue.wijken}
    for name_fold, name in by_fold.items():
        if re.search(rf"\b{re.escape(name_fold)}\b", lowered):
            return name
    words = re.findall(r"[\w-]+", lowered)
    candidates = words + [" ".join(words[i : i + 3]) for i in range(len(words))]
    for candidate in candidates:
        match = difflib.get_close_matches(candidate, by_fold, n=1, cutoff=0.85)
        if match:
            return by_fold[match[0]]
    if analyse is not None:
        wijk = analyse(text).wijk
        if wijk:
            return catalogue.wijk_name(wijk)
    return None


@dataclass(frozen=True)
class ContactDetails:
    name: str | None = None
    email: str | None = None
    phone: str | None = None

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.phone)


def parse_contact(text: str) -> ContactDetails:
    """Name, e-mail address and phone number from one free-text answer; what is missing is None."""
    text = (text or "").strip()
    email_match = EMAIL.search(text)
    email = email_match.group(0).rstrip(".") if email_match else None
    rest = EMAIL.sub(" ", text)
    phone = None
    for candidate in PHONE.findall(rest):
        if sum(ch.isdigit() for ch in candidate) >= 9:
            phone = re.sub(r"\s+", " ", candidate).strip()
            break
    if phone:
        rest = rest.replace(phone, " ")
    rest = PHONE.sub(" ", rest)
    rest = re.sub(r"\bna\s+\d+[.:]?\d*\s*uur\b", " ", rest, flags=re.IGNORECASE)
    rest = _NAME_LEADS.sub(" ", rest)
    words = [w for w in re.split(r"[\s,;:]+", rest) if re.fullmatch(r"[^\W\d_][\w'’.-]*", w)]
    name = " ".join(words) if 0 < len(words) <= 5 else None
    return ContactDetails(name=name, email=email, phone=phone)


def wijk_for_routing(wijk: str | None) -> str | None:
    return None if not wijk or wijk == WHOLE_CITY else wijk


def intake_from_slots(slots: dict[str, Any]) -> Intake:
    """The routing Intake of the filled slots (a call-back is a field of the case, not text)."""
    text = str(slots.get("goal") or "").strip()
    return Intake(
        text=text[:MAX_TEXT_LENGTH],
        needs=list(slots.get("needs") or []),
        stage=slots.get("stage"),
        organisation=slots.get("organisation"),
        wijk=wijk_for_routing(slots.get("wijk")),
    )


def is_meaningful_goal(text: str) -> bool:
    """A goal needs a few real words; "ja" or "asdf" is no description."""
    words = re.findall(r"[^\W\d_]{2,}", text or "")
    return len(words) >= 3


def find_topic(value: Any, text: str, catalogue: Catalogue) -> str | None:
    """The partner or instrument (or department) ID an FAQ question is about."""
    tables: dict[str, str] = {}
    for table in (catalogue.instruments, catalogue.partners, catalogue.departments):
        for item_id, item in table.items():
            tables.setdefault(item_id, item.name)
    candidate = str(value or "").strip()
    if candidate in tables:
        return candidate
    by_name = {name.casefold(): item_id for item_id, name in tables.items()}
    by_id = {item_id.replace("-", " "): item_id for item_id in tables}
    if candidate:
        key = candidate.casefold().replace("-", " ")
        for lookup in (by_name, by_id):
            if key in lookup:
                return lookup[key]
        close = difflib.get_close_matches(key, list(by_name) + list(by_id), n=1, cutoff=0.8)
        if close:
            return by_name.get(close[0]) or by_id[close[0]]
    lowered = (text or "").casefold().replace("-", " ")
    # The longest name found in the text wins ("maex impuls" before "maex").
    hits = [(len(n), i) for n, i in {**by_id, **by_name}.items() if n and n in lowered]
    return max(hits)[1] if hits else None


FIELD_WORDS = {
    "goal": ("doel", "omschrijving", "beschrijving", "vraag", "idee", "goal"),
    "needs": ("hulp", "hulpvraag", "needs", "nodig"),
    "stage": ("fase", "stadium", "hoe ver", "stage"),
    "organisation": ("organisatie", "wie erachter", "rechtsvorm", "organisation"),
    "wijk": ("wijk", "buurt"),
    "contact": ("contact", "telefoon", "mail", "naam", "nummer", "gegevens"),
}


def field_slot(value: Any) -> str | None:
    """Which intake slot a "what to change" answer is about."""
    text = str(value or "").strip().casefold()
    if text in FIELD_WORDS:
        return text
    # Check longer words first so "hulpvraag" is the needs, not the goal's "vraag".
    pairs = sorted(
        ((word, slot) for slot, words in FIELD_WORDS.items() for word in words),
        key=lambda pair: -len(pair[0]),
    )
    return next((slot for word, slot in pairs if word in text), None)
