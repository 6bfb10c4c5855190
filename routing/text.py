"""Dutch text handling: input cleaning and the spaCy pipeline (full model when installed, else lookups)."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL_NAME = "nl_core_news_sm"
FALLBACK_NAME = "blank:nl + lookup lemmatizer + rules"

_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def clean_text(text: str) -> str:
    """Remove HTML tags (and script/style content), control characters and excess spaces."""
    text = _SCRIPT.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _CONTROL.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fold(word: str) -> str:
    """Lower case without accents and without hyphens or apostrophes: `Taalcafé's` -> `taalcafes`."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("-", "").replace("'", "").replace("’", "")


def stems(word: str) -> set[str]:
    """Cheap Dutch plural/diminutive stripping for words the lemma table does not know."""
    out: set[str] = set()
    for suffix in ("tjes", "etjes", "jes", "tje", "je", "en", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            out.add(root)
            if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "aeiou":
                out.add(root[:-1])  # bussen -> bus, winkels stays
    return out


@dataclass(frozen=True)
class Token:
    """One word of the text with every form a vocabulary term may match."""

    text: str
    forms: frozenset[str]


class Pipeline:
    """A loaded spaCy pipeline plus the set of known Dutch words (to avoid 'correcting' them)."""

    def __init__(self, nlp: Any, name: str, known: frozenset[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.known = known

    def tokens(self, text: str) -> list[Token]:
        doc = self.nlp(text)
        out: list[Token] = []
        for tok in doc:
            if tok.is_space or tok.is_punct:
                continue
            low = fold(tok.text)
            if not low:
                continue
            forms = {low, fold(tok.lemma_ or low)}
            forms |= stems(low)
            out.append(Token(tok.text, frozenset(f for f in forms if f)))
        return out

    def is_known(self, word: str) -> bool:
        return word in self.known


@lru_cache(maxsize=1)
def load_pipeline() -> Pipeline:
    """Load spaCy once per process: `nl_core_news_sm` if installed, else blank Dutch + lookups."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, disable=["parser", "ner", "senter"])
        name = f"{MODEL_NAME} {nlp.meta.get('version', '')}".strip()
    except (OSError, ImportError):
        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        name = FALLBACK_NAME
    return Pipeline(nlp, name, _known_words(nlp))


def _known_words(nlp: Any) -> frozenset[str]:
    """Lemmas of the lookup table (when present): real words that typo tolerance must leave alone."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(fold(v) for v in table.values() if isinstance(v, str))
