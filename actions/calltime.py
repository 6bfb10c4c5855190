"""When the inwoner prefers to be called, as they say it: "na 17 uur", "na half vijf", "na
vieren", "tussen de middag", "'s avonds na zessen", "kwart over drie", "rond een uur of 2".

Pure: `time_spans` finds where a contact answer says it, and `as_said` keeps those words with
the hours in digits after them for staff ("Liefst na half vijf (na 16.30 uur)"), so neither
the inwoner's words nor a reading of them is lost.
"""

from __future__ import annotations

import re

_DAYPART = r"(ochtend|middag|avond|morgen|overdag)"
_WEEKDAY = r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|werkdagen|weekend)"
# Hours in words ("na vijf uur"); in a time to call, one to seven is in the afternoon.
HOURS = {
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
}  # fmt: skip
# The same hours as said in speech with -en: "na vieren", "voor achten", "na twaalven".
_HOURS_EN = {
    "tweeën": 2, "tweeen": 2, "drieën": 3, "drieen": 3, "vieren": 4, "vijven": 5, "zessen": 6,
    "zevenen": 7, "achten": 8, "negenen": 9, "tienen": 10, "elven": 11, "twaalven": 12,
}  # fmt: skip
_NAMES = "|".join(HOURS)
_NAMES_EN = "|".join(_HOURS_EN)
# Where an hour in words ends: "uur", the end of the clause, or a word that cannot be minutes
# ("na vijf en voor zeven", "een uur of vier", "na vijf bellen"), not "vijf minuten".
_HOUR_END = (
    r"(?:\s+uur\b|(?=\s*(?:$|[,.;!?)-])|\s+(?:en|of|tot|bellen|bel|graag|dan|want|omdat|"
    r"is|ben|['’]s)\b))"
)
_HOUR = rf"(?:(?:{_NAMES}){_HOUR_END}|(?:{_NAMES_EN})\b|\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:uur\b|u\b)?)"
# A clock time as people say it: "half vijf", "half 5", "kwart over drie", "tien voor half
# zes", "een uur of 2", or an hour.
_CLOCK = (
    rf"(?:(?:een\s+)?uur\s+of\s+{_HOUR}|(?:(?:kwart|vijf|tien)\s+(?:over|voor)\s+)?"
    rf"(?:half\s+)?{_HOUR})"
)
# Times of the day's routine: "na schooltijd", "buiten kantoortijden", "na sluitingstijd".
_ROUTINE = r"(school|werk|kantoor|sluitings|etens|lunch|winkel|openings|bed)"
# When the inwoner prefers to be called: a clock time after a preposition, a part of the day,
# a time of the day's routine ("na schooltijd", "na het eten"), a weekday.
PREFERRED_TIME = re.compile(
    rf"((liefst|liever|het\s+liefst|bij\s+voorkeur|graag|alleen|bel(len)?\s+(me|mij)?\s*)\s*)?"
    rf"(\b(?:na|voor|vanaf|tot|rond|om|tussen|tegen)\s+{_CLOCK}(\s*(en|tot|-)\s*{_CLOCK})?"
    rf"|\b(?:kwart|vijf|tien)\s+(?:over|voor)\s+(?:half\s+)?{_HOUR}|\bhalf\s+{_HOUR}"
    rf"|\btussen\s+de\s+middag\b|\b(rond\s+)?(het\s+)?middaguur\b"
    rf"|\b((in|tijdens)\s+de\s+)?lunch(pauze|tijd)?\b"
    rf"|\b(na|voor|tijdens|onder|buiten|rond|tegen)\s+(de\s+|het\s+)?{_ROUTINE}tijd(en)?\b"
    rf"|\bna\s+(het\s+)?(avond)?eten\b"
    rf"|['’`]?s\s*{_DAYPART}s?\b|\b((in|op|voor|na|tijdens)\s+de\s+|van|morgen)?{_DAYPART}\b"
    rf"|\b{_WEEKDAY}{_DAYPART}?s?(\s+(na|voor|vanaf)\s+{_CLOCK})?)",
    re.IGNORECASE,
)
# The group of PREFERRED_TIME that is the time itself (without "liefst", "bel me").
_TIME_GROUP = 5

# Words that belong to a preferred time when they come right before it ("bel liever niet
# voor 10 uur", "bereikbaar tussen 9 en 12"): kept with it, so "niet" is never lost.
_QUALIFIERS = frozenset(
    {
        "bel", "belt", "bellen", "liefst", "liever", "het", "bij", "voorkeur", "graag",
        "alleen", "niet", "nooit", "bereikbaar", "maar", "wel", "ook", "even", "dus", "op",
        "in", "behalve", "geen",
    }
)  # fmt: skip
# Where a clause ends: a comma, colon, semicolon, bracket or a sentence end (not "18.00").
_CLAUSE_END = re.compile(r"[,;:|()\n]|[.!?](?!\d)")


def time_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that say when to call: from the first time word of a clause (with
    the qualifiers just before it) to the end of that clause."""
    spans: list[tuple[int, int]] = []
    position = 0
    for found in PREFERRED_TIME.finditer(text):
        if found.start() < position or not found.group(0).strip():
            continue
        start = found.start()
        while True:
            before = re.search(r"(\S+)\s*$", text[:start])
            if not before or before.group(1).casefold().strip("'’") not in _QUALIFIERS:
                break
            start = before.start(1)
        clause_end = _CLAUSE_END.search(text, found.end())
        end = clause_end.start() if clause_end else len(text)
        spans.append((start, end))
        position = end
    return spans


# One clock time in a time phrase, its parts named for `_in_digits`.
_SPOKEN = re.compile(
    rf"\b(?:(?P<about>(?:een\s+)?uur\s+of\s+)|(?P<minutes>kwart|vijf|tien)\s+(?P<way>over|voor)\s+)?"
    rf"(?P<half>half\s+)?(?P<hour>(?:{_NAMES}){_HOUR_END}|(?:{_NAMES_EN})\b|\d{{1,2}}\b(?![.:]\d))"
    rf"(?P<uur>\s+uur\b)?",
    re.IGNORECASE,
)
_MINUTES = {"kwart": 15, "vijf": 5, "tien": 10}


def _in_digits(time: str) -> str:
    """A time phrase with its hours in digits, as staff read it: "na vijf uur" is "na 17 uur",
    "half vijf" is "16.30 uur", "kwart over drie" is "15.15 uur", "een uur of 2" is "14 uur"
    (nobody asks to be called at five in the morning). Hours already in digits stay."""

    def digits(found: re.Match[str]) -> str:
        said = found.group("hour").split()[0].casefold()
        spoken = not said.isdigit()
        if not (spoken or found.group("half") or found.group("minutes") or found.group("about")):
            return found.group(0)  # "na 5 uur" is how it was said
        hour = int(said) if said.isdigit() else HOURS.get(said) or _HOURS_EN[said]
        minutes = 0
        if found.group("half"):
            hour, minutes = hour - 1, 30
        if found.group("minutes"):
            step = _MINUTES[found.group("minutes").casefold()]
            minutes += step if found.group("way").casefold() == "over" else -step
            if minutes < 0:
                hour, minutes = hour - 1, minutes + 60
        hour = hour + 12 if 1 <= hour <= 7 else hour
        return f"{hour}.{minutes:02d} uur" if minutes else f"{hour} uur"

    return _SPOKEN.sub(digits, time)


_DANGLING = re.compile(r"\s+(op|via|naar|of|en|met|bij|aan)$", re.IGNORECASE)
_FILLER_FIRST = re.compile(r"^maar\s+", re.IGNORECASE)


def as_said(text: str, start: int, end: int) -> str:
    """The preferred time in `text[start:end]` in the inwoner's words, with the hours said in
    words after it in digits: "Liefst na half vijf (na 16.30 uur)", "'s avonds na zessen (na
    18 uur)"; "na 17 uur" stays as it is."""
    said = re.sub(r"\s+", " ", text[start:end]).strip(" .,;:-")
    # "Bel me maar na 17 uur op 06-…": the number's "op" and the filler "maar" are no time
    said = _DANGLING.sub("", _FILLER_FIRST.sub("", said)).strip(" .,;:-")
    read = []
    for found in PREFERRED_TIME.finditer(said):
        time = (found.group(_TIME_GROUP) or "").strip()
        digits = _in_digits(time).strip()
        if digits != time:
            read.append(digits)
    return f"{said} ({'; '.join(read)})" if read else said
