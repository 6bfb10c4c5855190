"""Routing rules as data (`rules/*.yml`): schema, loading and validation against the catalogue."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from routing.catalogue import Catalogue
from routing.errors import RulesError, unknown_message
from routing.lexicon import Lexicon, valid_term
from routing.signals import Signals
from routing.yamlfile import line_of, load_yaml


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str | int) and not isinstance(value, bool) else value


class Conditions(BaseModel):
    """`als:` every condition given must hold; within one condition any listed value is enough."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    behoefte: list[str] = Field(default_factory=list)
    thema: list[str] = Field(default_factory=list)
    woorden: list[str] = Field(default_factory=list)
    fase: list[str] = Field(default_factory=list)
    organisatie: list[str] = Field(default_factory=list)
    wijk: list[str] = Field(default_factory=list)
    anders: bool = False
    teams_minimaal: int | None = Field(default=None, ge=2)
    niet: Conditions | None = None

    _lists = field_validator(
        "behoefte", "thema", "woorden", "fase", "organisatie", "wijk", mode="before"
    )(_as_list)

    def is_empty(self) -> bool:
        return not (
            self.behoefte
            or self.thema
            or self.woorden
            or self.fase
            or self.organisatie
            or self.wijk
            or self.anders
            or self.teams_minimaal
        )


class Effects(BaseModel):
    """`dan:` what a rule adds to the route."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    trekker: str | None = None
    gewicht: float = Field(default=2.0, gt=0, le=10)
    teams: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    instrumenten: list[str] = Field(default_factory=list)
    sdgs: list[int] = Field(default_factory=list)

    _lists = field_validator("teams", "partners", "instrumenten", "sdgs", mode="before")(_as_list)


class Rule(BaseModel):
    """One rule: when `als` holds, `dan` is added to the route, explained by `reden`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    reden: str = Field(min_length=5)
    als: Conditions
    dan: Effects
    file: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.file}: line {self.line}: rule {self.id}"


def load_rules(
    paths: list[Path], catalogue: Catalogue, signals: Signals
) -> tuple[list[Rule], Lexicon]:
    """Load every rule file in order; return the rules and a lexicon of their own `woorden`."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    words = Lexicon()
    for path in paths:
        raw = load_yaml(path)
        if not isinstance(raw, list):
            raise RulesError(f"{path}: expected a list of rules (each starting with `- id:`)")
        for item in raw:
            rule = _parse(path, item)
            if rule.id in seen:
                raise RulesError(f"{rule.where}: duplicate rule id (first in {seen[rule.id]})")
            seen[rule.id] = f"{path.name} line {rule.line}"
            _check_ids(rule, catalogue, signals)
            if rule.als.woorden:
                words.add(f"regel:{rule.id}", rule.als.woorden)
            if rule.als.niet and rule.als.niet.woorden:
                words.add(f"niet:{rule.id}", rule.als.niet.woorden)
            rules.append(rule)
    if not rules:
        raise RulesError("no rules found")
    return rules, words


def _parse(path: Path, item: Any) -> Rule:
    line = line_of(item)
    if not isinstance(item, dict):
        raise RulesError(f"{path}: line {line}: a rule must be a mapping with id, reden, als, dan")
    rule_id = item.get("id", "?")
    try:
        return Rule.model_validate({**item, "file": path.name, "line": line})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-"))
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            valid = _fields_for(err["loc"])
            hint = difflib.get_close_matches(str(err["loc"][-1]), valid, n=1)
            msg = (
                f"unknown key; did you mean {hint[0]!r}?"
                if hint
                else f"unknown key; valid: {valid}"
            )
        elif err["type"] == "missing":
            msg = "missing (every rule needs id, reden, als and dan)"
        raise RulesError(f"{path.name}: line {line}: rule {rule_id}: {loc}: {msg}") from exc


def _fields_for(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = Rule
    if loc and loc[0] in ("als", "dan"):
        model = Conditions if loc[0] == "als" else Effects
    return [f for f in model.model_fields if f not in ("file", "line")]


def _check_ids(rule: Rule, catalogue: Catalogue, signals: Signals) -> None:
    def check(kind: str, values: list[Any], valid: list[Any]) -> None:
        for value in values:
            if value not in valid:
                raise RulesError(
                    f"{rule.where}: {unknown_message(kind, value, [str(v) for v in valid])}"
                )

    if rule.als.is_empty():
        raise RulesError(f"{rule.where}: `als` has no condition")
    conditions: list[Conditions] = [rule.als] + ([rule.als.niet] if rule.als.niet else [])
    for cond in conditions:
        check("need", cond.behoefte, list(catalogue.needs))
        check("theme", cond.thema, list(signals.themes))
        check("stage", cond.fase, list(catalogue.stages))
        check("organisation", cond.organisatie, list(catalogue.organisations))
        check("wijk", cond.wijk, list(catalogue.wijken))
        for term in cond.woorden:
            problem = valid_term(term)
            if problem:
                raise RulesError(f"{rule.where}: woorden: {problem}")
    effects = rule.dan
    departments = list(catalogue.departments)
    check("department", [effects.trekker] if effects.trekker else [], departments)
    check("department", effects.teams, departments)
    check("partner", effects.partners, list(catalogue.partners))
    check("instrument", effects.instrumenten, list(catalogue.instruments))
    check("SDG", effects.sdgs, list(catalogue.sdgs))
    if not (effects.trekker or effects.teams or effects.partners or effects.instrumenten) and (
        not effects.sdgs
    ):
        raise RulesError(f"{rule.where}: `dan` adds nothing")
