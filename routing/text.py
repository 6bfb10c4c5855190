"""Dutch text handling: input cleaning and the spaCy pipeline (model if installed, else lookups)."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from routing.settings import RoutingSettings

MODEL_NAME = "nl_core_news_sm"
FALLBACK_NAME = "blank:nl + lookup lemmatizer (spacy-lookups-data) + rules"

_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
# Dutch adverbs that end like a plural but are none: "trouwens" is not "trouwen" plus -s.
# With spaCy's Dutch stop words (overigens, even, effe…) they are function words: matched as
# written only, never stripped to a stem and never read as a typo of a vocabulary word.
_ADVERBS = frozenset(
    {
        "trouwens",
        "eigenlijk",
        "meestens",
        "minstens",
        "hoogstens",
        "ergens",
        "nergens",
        "soms",
        "tevens",
        "telkens",
        "steeds",
        "nogmaals",
        "althans",
        "immers",
        "straks",
        "anders",
        "sowieso",
        "gewoon",
        "namelijk",
        "tenminste",
    }
)


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
    """Lower case without accents, hyphens or apostrophes: `Taalcafé's` -> `taalcafes`."""
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
    """spaCy tokenisation plus lemmas, and the set of known Dutch words (never 'corrected')."""

    def __init__(
        self, nlp: Any, name: str, lemmas: dict[str, str] | None, known: frozenset[str]
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.lemmas = lemmas  # lookup table when the blank pipeline is used
        self.known = known
        self._forms: dict[tuple[str, str], frozenset[str]] = {}

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        for tok in self.nlp(text):
            if tok.is_space or tok.is_punct:
                continue
            lemma = "" if self.lemmas is not None else tok.lemma_
            forms = self._forms.get((tok.text, lemma))
            if forms is None:
                forms = self._word_forms(tok.text, lemma)
            if forms:
                out.append(Token(tok.text, forms))
        return out

    def _word_forms(self, text: str, lemma: str) -> frozenset[str]:
        """Every form a term may match: folded word, folded lemma, plural-stripped stems.

        Memoised under the key `tokens` looks up: (the word, spaCy's lemma or "" when the
        lemma comes from the lookup table), so each word is folded once per process."""
        forms = self._fold_forms(text, lemma)
        if len(self._forms) > 200_000:
            self._forms.clear()
        self._forms[(text, lemma)] = forms
        return forms

    def _fold_forms(self, text: str, lemma: str) -> frozenset[str]:
        # The tokenizer keeps a full stop on what looks like an abbreviation ("VvE.", "bv."):
        # the word is the same without it.
        lower = text.casefold().rstrip(".") or text.casefold()
        low = fold(lower)
        if low in function_words():
            return frozenset({low})
        if self.lemmas is not None:
            lemma = self.lemmas.get(lower, lower)
        return (
            frozenset(f for f in {low, fold(lemma or low), *stems(low)} if f)
            if low
            else frozenset()
        )


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Dutch words that are never an inflected or misspelt vocabulary word (see _ADVERBS)."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(fold(word) for word in STOP_WORDS) | _ADVERBS


@lru_cache(maxsize=1)
def dutch_dictionary() -> frozenset[str]:
    """Dutch words as written, from pyspellchecker's Dutch word list (343k words, OpenSubtitles).

    Lexicon matching forgives one typo in an unknown word; a word in this list is a word, not
    a typo ("gevonden" is no "gezond", "opgelicht" no "opgericht"), unless it keeps the
    term's stem (routing/lexicon.py: "verpleeghuizen"; also "schoot" for "school").
    spaCy's lookup table lists lemmas and inflections but misses many forms. Empty when the
    package is missing: then only the lookup table guards against false typos."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(SpellChecker(language="nl").word_frequency.keys())  # lower case


@lru_cache(maxsize=1)
def load_pipeline() -> Pipeline:
    """Load spaCy once per process: `nl_core_news_sm` if installed, else blank Dutch + lookups.

    The fallback reads spacy-lookups-data's Dutch lemma table directly instead of through the
    `lemmatizer` component: same table and result, but start-up is seconds faster because
    spaCy's Lookups re-hashes all 213k entries. For the same reason it uses spaCy's Dutch
    tokenizer without the ~4,700 abbreviation exceptions (`o.a.` becomes `o.a` + `.`), which
    matching ignores anyway; set LOKET_SPACY_FULL_TOKENIZER=1 for plain `spacy.blank("nl")`.
    """
    import spacy
    from spacy.util import load_language_data, registry

    table: dict[str, str] = {}
    try:
        loaded = load_language_data(registry.lookups.get("nl")["lemma_lookup"])
        table = loaded if isinstance(loaded, dict) else {}
    except (KeyError, OSError, ImportError, ValueError):  # no spacy-lookups-data: no lemmas
        table = {}
    known = frozenset(table) | frozenset(table.values()) | function_words()
    dutch_dictionary()  # ~0.5 s: loaded with the pipeline, not at the first typo of a chat
    try:
        nlp = spacy.load(MODEL_NAME, exclude=["parser", "ner", "senter"])
        return Pipeline(nlp, f"{MODEL_NAME} {nlp.meta.get('version', '')}".strip(), None, known)
    except (OSError, ImportError):
        name = FALLBACK_NAME if table else "blank:nl + rules (no lemma table)"
        full = RoutingSettings().spacy_full_tokenizer
        nlp = spacy.blank("nl") if full else _light_dutch()
        return Pipeline(nlp, name, table, known)


def _light_dutch() -> Any:
    """spaCy's Dutch language with its punctuation rules but no abbreviation special cases."""
    from spacy.lang.nl import Dutch

    defaults = type("LightDutchDefaults", (Dutch.Defaults,), {"tokenizer_exceptions": {}})
    light = type("LightDutch", (Dutch,), {"lang": "nl", "Defaults": defaults})
    return light()
