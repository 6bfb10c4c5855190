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


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str | None) -> list[str]:
    """The sentences of a message: split after ".", "!" or "?" and at line breaks."""
    return _SENTENCE_BREAK.split(text or "")
