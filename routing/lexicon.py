"""Vocabulary matching: Dutch words, compounds, wildcards, phrases and cheap typo tolerance.

Term syntax (what staff write in the YAML files):
  `moestuin`            the word, its inflections (via lemma and plural stripping) and compounds
                        ending in it (`buurtmoestuin`) when it has 5 letters or more, or
                        starting with it (`moestuinproject`) when it has 6 letters or more;
                        a typo of one letter is tolerated for words of 6 letters or more
  `zonne*` / `*tuin`    words starting / ending with the letters (`*x*`: containing them)
  `=markt`              only this word and its inflections: no compounds, no typo tolerance
  `~centrum`            this word, its inflections and a typo as above: no compounds (a
                        "wijkcentrum" is no place called Centrum)
  `sociale onderneming` several words in a row (each word may use the forms above)
  `gemeente ... klant`  words in this order with at most 6 other words in between
We use our own index instead of spaCy's PhraseMatcher because compounds, wildcards and typo
tolerance need per-word logic; spaCy supplies the tokens and lemmas. Matching is set look-ups:
each word's forms and compound tails are computed once per word form (`word_keys`), and a
phrase is only tried where every plain word after its first occurs somewhere in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from routing.text import Token, dutch_dictionary, fold

MIN_TAIL = 5  # a plain term this long also matches as the last part of a compound
MIN_TYPO = 6  # a plain term this long tolerates one typo
MIN_HEAD = 3  # the first part of a compound has at least this many letters
MIN_PHRASE_TAIL = 4  # inside a phrase a word this long also matches as compound tail (`pand`)
MIN_LEADING = 6  # a plain term this long also matches as the first part (`voetbal|training`)
MIN_REST = 4  # ... when what follows it has at least this many letters
MAX_GAP = 6  # `a ... b`: at most this many words between a and b
GAP = "..."

Label = str


@dataclass(frozen=True)
class WordPattern:
    """One word of a term: exact, only (`=x`), whole (`~x`), prefix (`x*`), suffix (`*x`),
    infix (`*x*`) or a gap (`...`)."""

    kind: str
    text: str

    @classmethod
    def parse(cls, raw: str) -> WordPattern:
        if raw == GAP:
            return cls("gap", "")
        if raw.startswith("="):
            return cls("only", fold(raw[1:]))
        if raw.startswith("~"):
            return cls("whole", fold(raw[1:]))
        starts, ends = raw.startswith("*"), raw.endswith("*")
        core = fold(raw.strip("*"))
        if starts and ends:
            return cls("infix", core)
        if starts:
            return cls("suffix", core)
        if ends:
            return cls("prefix", core)
        return cls("exact", core)

    def matches(self, token: Token) -> bool:
        """Whether a word of a phrase matches; an exact word also matches as compound tail."""
        if self.kind == "exact":
            return self.text in word_keys(token.forms)
        if self.kind in ("only", "whole"):
            return self.text in token.forms
        for form in token.forms:
            if self.kind == "prefix" and form.startswith(self.text):
                return True
            if self.kind == "suffix" and form.endswith(self.text):
                return True
            if self.kind == "infix" and self.text in form:
                return True
        return False


@lru_cache(maxsize=100_000)
def word_keys(forms: frozenset[str]) -> frozenset[str]:
    """What an exact word of a phrase may equal: a form, or the tail of a compound form
    (`winkelpand` -> `pand`: at least MIN_PHRASE_TAIL letters after at least MIN_HEAD)."""
    tails = {
        form[cut:] for form in forms for cut in range(MIN_HEAD, len(form) - MIN_PHRASE_TAIL + 1)
    }
    return forms | tails if tails else forms


class Phrase(NamedTuple):
    """A term of several words, and the plain words after its first that the text must hold."""

    label: Label
    raw: str
    words: tuple[WordPattern, ...]
    later: frozenset[str]


def valid_term(raw: str) -> str | None:
    """Return a problem with a term as written in YAML, or None when it is fine."""
    if not isinstance(raw, str) or not raw.strip():
        return "an empty word"
    words = raw.split()
    if words[0] == GAP or words[-1] == GAP:
        return f"{raw!r}: ... must stand between two words"
    for word in words:
        if word == GAP:
            continue
        core = fold(word.strip("*="))
        if len(core) < 2:
            return f"{raw!r} has a part that is too short"
        if "*" in word.strip("*"):
            return f"{raw!r}: a * may only stand at the start or end of a word"
    return None


@dataclass
class Lexicon:
    """An index from vocabulary terms to labels (e.g. `thema:groen`, `regel:R12`)."""

    exact: dict[str, list[tuple[Label, str]]] = field(default_factory=dict)
    tails: dict[str, list[tuple[Label, str]]] = field(default_factory=dict)
    heads: dict[str, list[tuple[Label, str]]] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[Label, str]]] = field(default_factory=dict)
    suffixes: dict[str, list[tuple[Label, str]]] = field(default_factory=dict)
    infixes: list[tuple[str, Label, str]] = field(default_factory=list)
    typos: dict[str, list[tuple[Label, str, str]]] = field(default_factory=dict)
    phrases: dict[str, list[Phrase]] = field(default_factory=dict)  # by their first word
    phrase_first: list[Phrase] = field(default_factory=list)  # those starting with a wildcard
    # Per word (forms, text): its labels and the phrases that start with it. Memoised
    # because the same words come back in every text.
    _memo: dict[tuple[frozenset[str], str], tuple[list[Label], list[Phrase]]] = field(
        default_factory=dict, repr=False
    )

    def add(self, label: Label, terms: Iterable[str]) -> None:
        for raw in terms:
            words = tuple(WordPattern.parse(w) for w in raw.split())
            if len(words) > 1:
                later = frozenset(w.text for w in words[1:] if w.kind in ("exact", "only", "whole"))
                phrase = Phrase(label, raw, words, later)
                if words[0].kind in ("exact", "only", "whole"):
                    self.phrases.setdefault(words[0].text, []).append(phrase)
                else:
                    self.phrase_first.append(phrase)
                continue
            word = words[0]
            entry = (label, raw)
            if word.kind in ("exact", "only", "whole"):
                self.exact.setdefault(word.text, []).append(entry)
                # compounds for a plain word only; a typo for a plain or a whole word
                if word.kind == "exact" and len(word.text) >= MIN_TAIL:
                    self.tails.setdefault(word.text, []).append(entry)
                if word.kind == "exact" and len(word.text) >= MIN_LEADING:
                    self.heads.setdefault(word.text, []).append(entry)
                if word.kind != "only" and len(word.text) >= MIN_TYPO:
                    for variant in _deletions(word.text) | {word.text}:
                        self.typos.setdefault(variant, []).append((label, raw, word.text))
            elif word.kind == "prefix":
                self.prefixes.setdefault(word.text, []).append(entry)
            elif word.kind == "suffix":
                self.suffixes.setdefault(word.text, []).append(entry)
            else:
                self.infixes.append((word.text, label, raw))

    def match(self, tokens: Sequence[Token], known: frozenset[str]) -> dict[Label, list[str]]:
        """Labels found in the tokens, each with the words of the text that matched, in order."""
        hits: dict[Label, list[str]] = {}
        for label, start, end in self.spans(tokens, known):
            seen = hits.setdefault(label, [])
            text = " ".join(t.text for t in tokens[start:end])
            if text not in seen:
                seen.append(text)
        return hits

    def spans(self, tokens: Sequence[Token], known: frozenset[str]) -> list[tuple[Label, int, int]]:
        """Every match as (label, first token, end token), in text order."""
        found: list[tuple[Label, int, int]] = []
        present: frozenset[str] | None = None  # every word key of the text, made when needed
        memo = self._memo
        for i, token in enumerate(tokens):
            entry = memo.get((token.forms, token.text))
            if entry is None:
                entry = self._remember(token, known)
            labels, phrases = entry
            for label in labels:
                found.append((label, i, i + 1))
            for phrase in phrases:
                if phrase.later:
                    if present is None:
                        present = frozenset().union(*(word_keys(t.forms) for t in tokens))
                    if not phrase.later <= present:
                        continue  # a word of the phrase is nowhere in the text
                end = _match_from(phrase.words, tokens, i)
                if end is not None:
                    found.append((phrase.label, i, end))
        return found

    def _remember(self, token: Token, known: frozenset[str]) -> tuple[list[Label], list[Phrase]]:
        entry = (self._word_hits(token, known), self._phrase_candidates(token))
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[(token.forms, token.text)] = entry
        return entry

    def _phrase_candidates(self, token: Token) -> list[Phrase]:
        """Phrases whose first word matches this token."""
        found = [p for form in sorted(token.forms) for p in self.phrases.get(form, ())]
        return found + [p for p in self.phrase_first if p.words[0].matches(token)]

    def _word_hits(self, token: Token, known: frozenset[str]) -> list[Label]:
        """Labels of one word (a form, a compound part, a wildcard, else a typo)."""
        labels: list[Label] = []
        for form in sorted(token.forms):
            labels.extend(label for label, _ in self.exact.get(form, ()))
            for cut in range(MIN_HEAD, len(form) - MIN_TAIL + 1):
                labels.extend(label for label, _ in self.tails.get(form[cut:], ()))
            for cut in range(MIN_LEADING, len(form) - MIN_REST + 1):
                labels.extend(label for label, _ in self.heads.get(form[:cut], ()))
            for cut in range(2, len(form) + 1):
                labels.extend(label for label, _ in self.prefixes.get(form[:cut], ()))
                labels.extend(label for label, _ in self.suffixes.get(form[-cut:], ()))
            labels.extend(label for text, label, _ in self.infixes if text in form)
        if not labels:
            labels.extend(self._typo_hits(token, known))
        return list(dict.fromkeys(labels))

    def _typo_hits(self, token: Token, known: frozenset[str]) -> list[Label]:
        """One-edit matches for unknown words (also after plural stripping: vrijwiligers).

        A word of the Dutch dictionary is no typo of another word ("gevonden" is not
        "gezond"); it may still be a form of the term the lookup table lacks, one that
        keeps the term's stem ("verpleeghuizen", "beginnende", "partner")."""
        if fold(token.text) in known:
            return []
        dictionary = dutch_dictionary()
        labels: list[Label] = []
        for word in sorted(token.forms):
            if len(word) < MIN_TYPO or word in known or not word.isalpha():
                continue
            a_word = token.text.casefold() in dictionary or word in dictionary
            for variant in sorted(_deletions(word) | {word}):
                for label, _raw, term in self.typos.get(variant, ()):
                    if _within_one_edit(word, term) and (not a_word or word.startswith(term[:-1])):
                        labels.append(label)
        return labels


def _match_from(words: Sequence[WordPattern], tokens: Sequence[Token], start: int) -> int | None:
    """End index when the words match the tokens from `start` (gaps skip up to MAX_GAP)."""
    pos = start
    for n, word in enumerate(words):
        if word.kind == "gap":
            rest = words[n + 1 :]
            for skip in range(MAX_GAP + 1):
                end = _match_from(rest, tokens, pos + skip)
                if end is not None:
                    return end
            return None
        if pos >= len(tokens) or not word.matches(tokens[pos]):
            return None
        pos += 1
    return pos


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
