"""Dutch wording shared by every text an inwoner reads: dates and short labels of needs."""

from __future__ import annotations

import re
from datetime import date

from routing.catalogue import Catalogue

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


def dutch_date(day: date, year: bool = False) -> str:
    """'vrijdag 11 december' (with `year`: 'vrijdag 11 december 2026')."""
    text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def need_label(catalogue: Catalogue, need: str) -> str:
    """A need in a few plain words, from its catalogue description: 'locatie' → 'een ruimte'
    (the text before the first comma or bracket, starting lower case)."""
    description = catalogue.needs.get(need)
    if not description:
        return need.replace("-", " ")
    short = re.split(r",|\s\(", description, maxsplit=1)[0].strip()
    return short[:1].lower() + short[1:]
