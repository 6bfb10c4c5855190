"""Dutch word patterns and sentences, written one way: `words(r"geen|niet|nee")` is any of
these alternatives as whole words, case-insensitive (`\b(geen|niet|nee)\b`); `sentences(text)`
is a message split into its sentences."""

from __future__ import annotations

import re


def words(alternatives: str) -> re.Pattern[str]:
    """Any of the `|`-separated alternatives (regular expressions) as whole words."""
    return re.compile(rf"\b({alternatives})\b", re.IGNORECASE)


# Words that take back what follows them ("geen stichting", "niet in Voorhof", "zonder geld"):
# the one spelling; a reading that needs more (actions/slots.py) adds to it.
NEGATIONS = r"geen|niet|nee|zonder"
NEGATED = words(NEGATIONS)

# The forms of "willen" and "zullen" that say a wish ("ik wil", "zou u", "we wouden"), typos
# included: the one spelling for every reading that looks for one.
WANTING = r"wil|wilt|willen|wilen|wou|wouden|zou|zoudt|zouden"

# The words that ask which, how, when, who or why ("hoe lang duurt het?", "we weten niet
# welke vergunning"): the one spelling for a question and for what one does not know.
QUESTION_WORDS = r"hoe|wanneer|waarom|hoezo|wie|welke|waar\w*|hoeveel|hoelang"


# An emoji or a smiley ends a sentence as a full stop does ("… hier moesten beginnen 😊 We
# willen het schoolplein groener maken"; a skin tone or variation selector is part of it).
_EMOJI_END = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f"
_SENTENCE_BREAK = re.compile(
    rf"(?<=[.!?{_EMOJI_END}])\s+|(?<=\s[:;=][)(DP])\s+|(?<=\s[:;=]-[)(DP])\s+|\n+"
)


def sentences(text: str | None) -> list[str]:
    """The sentences of a message: split after ".", "!", "?", an emoji or a smiley, and at line
    breaks."""
    return _SENTENCE_BREAK.split(text or "")


# An answer that corrects itself ("Voorhof, nee wacht, Tanthof", "een stichting, nee eigenlijk
# gewoon buren", "ja graag… ach nee, laat maar"): it counts from its last correction on.
# Words that only correct are left out of what counts: "wacht" after "o", "nee", "ach" or
# before a comma ("o wacht,", "nee wacht het is", "wacht even"), "sorry" before a comma or
# "ik bedoel" (but not a polite "Nee sorry, …" that opens the answer), "ik bedoel",
# "correctie", "nou ja", "of nee" (its "nee" stays: "Ja, of nee." is a no, and so is "Ja.
# Nee toch, …").
_CORRECTING = re.compile(
    r"\b(((o+h?|ow|oeps|oops|ach|och|of)[\s,]+)?wacht(\s+(even|eens|ff|effe|maar))?"
    r"(?=\s*[,.!:;…—–-]|\s+(even|eens|ff|effe)\b)|(?<=nee\s)wacht|(?<=nee,\s)wacht|"
    r"(nee[\s,]+)?sorry(?=\s*[,.!:;…—–-])|((nee[\s,]+)?sorry[\s,]+)?ik\s+bedoel(de)?|"
    r"bedoel(de)?\s+ik|correctie|verbetering(?=\s*:)|beter\s+gezegd|bij\s+nader\s+inzien|"
    r"(ik\s+)?bedenk\s+(me|mij)(\s+net)?|nou\s+ja|(of|o+h?|ach|och)[\s,]+(?=nee\b)|(?=nee\s+toch\b)|"
    # a guess asked of oneself and taken back ("Dus opstart? Nee, idee nog.")
    r"(?<=\?\s)nee(?=[\s,]+\w)|"
    # a doubt trailed off and settled ("Of hoort dat bij Voordijkshoorn... nee, Schieoevers.")
    r"(?:(?<=\.\.\.\s)|(?<=…\s))nee(?=[\s,]+\w))"
    r"\W*",
    re.IGNORECASE,
)
# Words that correct and answer at once, so they stay part of what counts; only at the start
# of a clause ("Nee, hoeft niet. O wacht, eigenlijk wel", "liever niet. Nou, doe toch maar"):
# "eigenlijk" inside a clause is a filler ("we willen eigenlijk gewoon een ruimte"), and "en
# eigenlijk ook" adds rather than corrects.
TURNS_TO_YES = (
    r"toch\s+(wel|graag|maar\s+wel|maar\s+(wel\s+)?doen|ja)|eigenlijk\s+(toch\s+)?(wel|graag|ja)|"
    r"wel\s+(ja|graag|handig|fijn|prettig|doen)|doe\s+(toch\s+)?maar(\s+wel)?(?!\s+niet)|"
    r"alsnog\s+(wel|graag|ja)|ja\s+toch"
)
TURNS_TO_NO = (
    r"toch\s+(maar\s+)?(niet|geen|liever\s+niet)|eigenlijk\s+(toch\s+)?(niet|liever\s+niet|"
    r"geen|hoeft\s+het\s+niet)|laat\s+(\w+\s+){0,2}maar(?!\s+(weten|horen|zien|komen|bellen|mailen|sturen))|hoeft\s+toch\s+niet|liever\s+toch\s+niet|"
    r"doe\s+(toch\s+)?maar\s+niet"
)
_TURNING = re.compile(rf"\b(?=({TURNS_TO_YES}|{TURNS_TO_NO}|eigenlijk(?!\s+ook))\b)", re.IGNORECASE)
# A clause starts after a punctuation mark or a word that opens one ("nee eigenlijk", "of
# eigenlijk", "maar eigenlijk").
_CLAUSE_STARTS = re.compile(
    r"([,.;:!?…—–-]|\b(nee|ja|of|ach|och|nou|maar|o+h?|hm+|e+h*m*|wacht|sorry))\s*$", re.I
)
# What opens an answer without saying anything ("Nou, eigenlijk twee dingen", "Oh sorry, …").
_ONLY_FILLERS = re.compile(
    r"\W*((nou|ach|och|o+h?|ow|oeps|hm+|e+h*m*|tja|sorry|ok|oke|oké|okay)\b\W*)*", re.I
)


_MEANT_BEFORE = re.compile(r"bedoel(de)?\s+ik\b", re.IGNORECASE)


def _clause_start(text: str, at: int) -> int:
    """Where the clause that `at` is in begins (after the last punctuation mark before it)."""
    marks = [m.end() for m in re.finditer(r"[,.;:!?…]\s*", text[:at])]
    return marks[-1] if marks else 0


def correction_start(text: str | None) -> int:
    """Where the part of an answer that counts begins: after its last correction ("Voorhof,
    nee sorry, Tanthof" counts from "Tanthof"), 0 when it corrects nothing. A correction
    needs something before it to correct, and something after it."""
    text = text or ""
    turns = [
        # "Tanthof bedoel ik", "qua vergunning bedoel ik": what is meant comes before the words,
        # from the start of their clause
        (_clause_start(text, m.start()),) * 2
        if _MEANT_BEFORE.match(text, m.start())
        else (m.start(), m.end())
        for m in _CORRECTING.finditer(text)
    ]
    turns += [
        (m.start(), m.start())
        for m in _TURNING.finditer(text)
        if _CLAUSE_STARTS.search(text[: m.start()])
    ]
    counted = [
        end
        for start, end in sorted(turns)
        if not _ONLY_FILLERS.fullmatch(text[:start]) and re.search(r"\w", text[end:])
    ]
    return counted[-1] if counted else 0


def as_corrected(text: str | None) -> str:
    """The part of an answer that counts: from its last correction on ("een stichting, nee
    eigenlijk gewoon buren" → "eigenlijk gewoon buren"); the whole answer when it corrects
    nothing ("we willen eigenlijk gewoon een ruimte")."""
    return (text or "")[correction_start(text) :]


# Words that add to the summary rather than correct it ("een kleine aanvulling:", "ik wil
# nog iets toevoegen").
_ADDITION = words(
    r"aanvulling|aan\s*te\s*vullen|aanvullen|toevoeg\w*|toe\s+te\s+voegen|nog\s+(iets|wat|"
    r"even)\s+(erbij|extra)|wil\s+(\w+\s+){0,2}(nog\s+)?(kwijt|toevoegen|erbij\s+zeggen)|"
    # "Zet er wel bij dat het vooral voor statushouders is", "schrijf er ook bij dat …"
    r"(zet|schrijf|noteer|vermeld)\s+(er\s+)?((wel|ook|nog|even|graag)\s+)*bij"
)
# What confirms the rest of the summary ("Verder klopt het.", "de rest is goed"): no addition.
_REST_IS_RIGHT = words(
    r"(verder|de\s+rest|voor\s+de\s+rest|rest)\s+(\w+\s+)?(klopt|is\s+(goed|prima|juist))"
)


def addition(text: str) -> str:
    """What a message at the summary adds to the goal ("Ja, dat is juist. Een kleine
    aanvulling: ook mensen van buiten de kerk zijn welkom" adds "Aanvulling: ook mensen van
    buiten de kerk zijn welkom."); empty when it adds nothing that way."""
    found = _ADDITION.search(text or "")
    if not found:
        return ""
    rest = text[found.end() :]
    colon = rest.find(":")
    rest = rest[colon + 1 :] if colon != -1 and colon < 40 else rest
    rest = " ".join(s for s in sentences(rest) if not _REST_IS_RIGHT.search(s))
    rest = re.sub(r"^[\s:,.\-–]+", "", rest).strip()
    if len(re.findall(r"[^\W\d_]{2,}", rest)) < 3:
        return ""
    return f"Aanvulling: {rest}"
