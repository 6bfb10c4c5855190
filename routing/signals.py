"""Text signals (`signalen.yml`): vocabularies for theme, need, organisation, stage, wijk, scope.

The shared `signalen.yml` of all municipalities comes first; a municipality's own
`signalen.yml` adds words (new themes, more words for a need, its wijken) on top.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routing.catalogue import Catalogue
from routing.errors import RulesError, unknown_message
from routing.lexicon import Lexicon, valid_term
from routing.models import Analysis
from routing.text import Pipeline, Token
from routing.yamlfile import LineDict, line_of, load_yaml

SECTIONS = (
    "themas",
    "andere_betekenis",
    "behoeften",
    "organisaties",
    "fases",
    "initiatief",
    "buiten_scope",
    "wijken",
)
SENSE_PREFIX = "andere-betekenis:"
_BLANK = Token("", frozenset())


@dataclass(frozen=True)
class Signals:
    """The validated vocabularies and the lexicon built from them."""

    themes: dict[str, str]  # id -> Dutch name
    out_of_scope: dict[str, str]  # topic id -> Dutch name
    needs: tuple[str, ...]
    organisations: tuple[str, ...]
    stages: tuple[str, ...]
    lexicon: Lexicon
    # `andere_betekenis`: phrases in which a theme's, need's or organisation's word means
    # something else
    senses: Lexicon


def _read_sections(path: Path) -> dict[str, Any]:
    raw = load_yaml(path)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise RulesError(f"{path}: expected sections {', '.join(SECTIONS)}")
    for key in raw:
        if key not in SECTIONS:
            raise RulesError(
                f"{path}: line {line_of(raw)}: {unknown_message('section', key, list(SECTIONS))}"
            )
    return raw


def _add_words(have: Any, extra: Any, where: str, path: Path) -> Any:
    """Extra signal words on top of shared ones: lists are extended, mappings merged key by
    key, other values (a theme's `naam`) replaced."""
    if have is None:
        return extra
    if isinstance(have, list) and isinstance(extra, list):
        return [*have, *extra]
    if isinstance(have, dict) and isinstance(extra, dict):
        merged = LineDict(have)
        merged.line = line_of(have) or line_of(extra)
        for key, value in extra.items():
            merged[key] = _add_words(have.get(key), value, f"{where}.{key}".lstrip("."), path)
        return merged
    if not isinstance(have, list | dict) and not isinstance(extra, list | dict):
        return extra
    raise RulesError(f"{path}: {where}: not the shape of the shared signalen.yml")


def load_signals(paths: Path | list[Path], catalogue: Catalogue) -> Signals:
    """Load the signal files in order (shared first, then a municipality's extras)."""
    files = [paths] if isinstance(paths, Path) else list(paths)
    if not files:
        raise RulesError("no signalen.yml")
    raw: dict[str, Any] = {}
    for file in files:
        raw = _add_words(raw, _read_sections(file), "", file)
    path = files[-1] if len(files) == 1 else Path(" + ".join(str(f) for f in files))
    lexicon = Lexicon()

    def terms(where: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not value:
            raise RulesError(f"{path}: {where}: expected a list of words")
        for term in value:
            problem = valid_term(term)
            if problem:
                raise RulesError(f"{path}: {where}: {problem}")
        return [str(t) for t in value]

    def ids(section: str, valid: list[str], kind: str) -> tuple[str, ...]:
        table = raw.get(section) or {}
        for key, value in table.items():
            if key not in valid:
                line = f"line {line_of(table)}: " if line_of(table) else ""
                raise RulesError(f"{path}: {line}{section}: {unknown_message(kind, key, valid)}")
            lexicon.add(f"{kind}:{key}", terms(f"{section}.{key}", value))
        return tuple(table)

    themes: dict[str, str] = {}
    for key, value in (raw.get("themas") or {}).items():
        if not isinstance(value, dict) or "woorden" not in value:
            raise RulesError(
                f"{path}: line {line_of(value)}: themas.{key}: needs `naam` and `woorden`"
            )
        themes[str(key)] = str(value.get("naam", key))
        lexicon.add(f"thema:{key}", terms(f"themas.{key}.woorden", value["woorden"]))
    scope: dict[str, str] = {}
    for key, value in (raw.get("buiten_scope") or {}).items():
        if not isinstance(value, dict) or "woorden" not in value:
            raise RulesError(f"{path}: buiten_scope.{key}: needs `naam` and `woorden`")
        scope[str(key)] = str(value.get("naam", key))
        lexicon.add(f"buiten:{key}", terms(f"buiten_scope.{key}.woorden", value["woorden"]))
    senses = Lexicon()
    # "buiten:melding" names a topic of another service ("verveelt zich kapot" is no report of
    # something broken).
    kinds = {
        "thema": themes,
        "behoefte": catalogue.needs,
        "organisatie": catalogue.organisations,
        "buiten": scope,
    }
    for key, value in (raw.get("andere_betekenis") or {}).items():
        # A name that is both a theme and a kind of organisation ("onderwijs") is the theme;
        # "organisatie:onderwijs" names the other.
        named, _, bare = str(key).rpartition(":")
        kind = (
            (named if bare in kinds.get(named, ()) else None)
            if named
            else "thema"
            if key in themes
            else "behoefte"
            if key in catalogue.needs
            else "organisatie"
            if key in catalogue.organisations
            else None
        )
        key = bare
        if kind is None:
            valid = [*themes, *catalogue.needs, *catalogue.organisations]
            valid += [f"buiten:{topic}" for topic in scope]
            problem = unknown_message("theme, need, organisation or buiten:<topic>", key, valid)
            raise RulesError(f"{path}: line {line_of(raw)}: andere_betekenis: {problem}")
        senses.add(f"{SENSE_PREFIX}{kind}:{key}", terms(f"andere_betekenis.{key}", value))
    needs = ids("behoeften", list(catalogue.needs), "behoefte")
    organisations = ids("organisaties", list(catalogue.organisations), "organisatie")
    stages = ids("fases", list(catalogue.stages), "fase")
    lexicon.add("initiatief", terms("initiatief", raw.get("initiatief")))
    aliases = raw.get("wijken") or {}
    for name in aliases:
        if name not in catalogue.wijken:
            raise RulesError(f"{path}: wijken: {unknown_message('wijk', name, catalogue.wijken)}")
    for name in catalogue.wijken:
        extra = terms(f"wijken.{name}", aliases[name]) if name in aliases else []
        # A one-word name is that word (or a typo of it), not part of a compound: a
        # "wijkcentrum" or a "winkelcentrum" is no wijk called Centrum.
        own = name.casefold() if " " in name.strip() else f"~{name.casefold()}"
        lexicon.add(f"wijk:{name}", [own, *extra])
    return Signals(themes, scope, needs, organisations, stages, lexicon, senses)


def analyse(
    signals: Signals, pipeline: Pipeline, text: str, rule_words: Lexicon | None = None
) -> tuple[Analysis, dict[str, list[str]]]:
    """Find themes, needs, wijk, organisation, stage and scope in cleaned text.

    Returns the Analysis and the raw hits (label -> matched words), including rule words.
    """
    tokens = pipeline.tokens(text) if text else []
    hits = signals.lexicon.match(tokens, pipeline.known)
    _set_aside_other_senses(signals, tokens, pipeline.known, hits)
    if rule_words is not None:
        hits.update(rule_words.match(tokens, pipeline.known))

    def first(prefix: str, order: tuple[str, ...]) -> str | None:
        return next((key for key in order if f"{prefix}:{key}" in hits), None)

    wijk = next((label[5:] for label in hits if label.startswith("wijk:")), None)
    topic = next((key for key in signals.out_of_scope if f"buiten:{key}" in hits), None)
    if "initiatief" in hits and not set(hits["initiatief"]) <= set(hits.get(f"buiten:{topic}", ())):
        # A word of an initiative vetoes the service, unless it is that service's own word
        # ("bedrijfsafval" starts with "bedrijf").
        topic = None
    analysis = Analysis(
        needs=[n for n in signals.needs if f"behoefte:{n}" in hits],
        themes=[t for t in signals.themes if f"thema:{t}" in hits],
        wijk=wijk,
        organisation=first("organisatie", signals.organisations),
        stage=first("fase", signals.stages),
        out_of_scope=topic,
        signals={k: v for k, v in hits.items() if not k.startswith(("regel:", "niet:"))},
    )
    return analysis, hits


def _set_aside_other_senses(
    signals: Signals, tokens: list[Token], known: frozenset[str], hits: dict[str, list[str]]
) -> None:
    """Words inside an `andere_betekenis` phrase do not count for that theme, need or
    organisation.

    A repair café is not horeca and books in a swap cupboard are not about literacy: the theme
    is matched again with those words blanked out. The phrases are kept in `hits` (label
    `andere-betekenis:thema:horeca`) so that the analysis shows what was set aside, also when
    no word of the target was found here: whoever reads the text with words of their own (the
    chat's everyday answer words) sets the same phrases aside.
    """
    covered: dict[str, set[int]] = {}
    for label, start, end in signals.senses.spans(tokens, known):
        target = label.removeprefix(SENSE_PREFIX)  # e.g. `thema:horeca`
        if target in hits:
            covered.setdefault(target, set()).update(range(start, end))
        phrase = " ".join(t.text for t in tokens[start:end])
        seen = hits.setdefault(label, [])
        if phrase not in seen:
            seen.append(phrase)
    for target, blanked in covered.items():
        rest = [_BLANK if i in blanked else t for i, t in enumerate(tokens)]
        words = signals.lexicon.match(rest, known).get(target)
        if words:
            hits[target] = words
        else:
            del hits[target]
