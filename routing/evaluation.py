"""Routing quality on the blind evaluation sets (`eval/*.yml`) and the gates it must meet.

One implementation for `bench/routing_eval.py` (prints the figures) and `make test`
(tests/routing/test_quality_gate.py fails below the minimums in `eval/gates.yml`). Misses of a
holdout set are never collected unless asked for, so the holdout stays unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from routing.engine import Router
from routing.errors import RulesError
from routing.yamlfile import load_yaml

GATES_FILE = "gates.yml"


def is_holdout(path: Path) -> bool:
    """Holdout sets are measured, never used to fix rules: their misses stay hidden."""
    return "holdout" in path.name


@dataclass
class Score:
    """Counts for one evaluation set; `misses` is None when they were not collected."""

    name: str
    items: int = 0
    scope_ok: int = 0
    lead_ok: int = 0
    lead_n: int = 0
    partner_hits: int = 0
    partners_wanted: int = 0
    instrument_hits: int = 0
    instruments_wanted: int = 0
    routed: int = 0  # routes the router found in scope
    departments: int = 0  # departments (teams) in those routes, lead included
    misses: list[str] | None = None

    @property
    def lead_accuracy(self) -> float:
        return self.lead_ok / self.lead_n if self.lead_n else 0.0

    @property
    def in_scope_accuracy(self) -> float:
        return self.scope_ok / self.items if self.items else 0.0

    @property
    def mean_departments(self) -> float:
        return self.departments / self.routed if self.routed else 0.0

    def lines(self) -> list[str]:
        """The figures as `bench/routing_eval.py` prints them (numbers only, no misses)."""

        def pct(num: int, den: int) -> str:
            return f"{num}/{den} = {100 * num / den:.0f}%" if den else "n/a"

        return [
            f"  lead accuracy      {pct(self.lead_ok, self.lead_n)}",
            f"  in-scope accuracy  {pct(self.scope_ok, self.items)}",
            f"  partner recall     {pct(self.partner_hits, self.partners_wanted)}",
            f"  instrument recall  {pct(self.instrument_hits, self.instruments_wanted)}",
            f"  departments/route  {self.mean_departments:.2f}"
            f" ({self.departments} in {self.routed} in-scope routes)",
        ]


def evaluate(router: Router, path: Path, *, collect_misses: bool) -> Score:
    """Route every item of an evaluation set and count what matches its labels."""
    raw = load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list):
        raise RulesError(f"{path}: expected a mapping with a list under `items`")
    score = Score(name=path.name, misses=[] if collect_misses else None)
    for item in raw["items"]:
        score.items += 1
        problems = _check(router, item, score)
        if problems and score.misses is not None:
            score.misses.append(problems)
    return score


def _check(router: Router, item: dict[str, Any], score: Score) -> str:
    route = router.route({"text": item["text"]})
    problems: list[str] = []
    if route.in_scope:
        score.routed += 1
        score.departments += len(route.departments)
    if route.in_scope == bool(item["in_scope"]):
        score.scope_ok += 1
    else:
        problems.append(f"in_scope expected {item['in_scope']}, got {route.in_scope}")
    if item["in_scope"]:
        accepted = item.get("lead_any") or [item["lead"]]
        score.lead_n += 1
        if route.lead in accepted:
            score.lead_ok += 1
        else:
            problems.append(f"lead expected {'|'.join(accepted)}, got {route.lead}")
        for want in item.get("partners_include", []):
            score.partners_wanted += 1
            score.partner_hits += want in route.partners
            if want not in route.partners:
                problems.append(f"partners missing {want} (got {route.partners})")
        for want in item.get("instruments_include", []):
            score.instruments_wanted += 1
            score.instrument_hits += want in route.instruments
            if want not in route.instruments:
                problems.append(f"instruments missing {want} (got {route.instruments})")
    if not problems:
        return ""
    fired = ", ".join(r.rule for r in route.reasons) or "-"
    return (
        f"  {item['id']}: {item['text'][:110]}\n"
        + "".join(f"      {p}\n" for p in problems)
        + f"      rules fired: {fired}"
    )


class Gate(BaseModel):
    """What one evaluation set must reach for `make test` to pass."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lead_accuracy_min: float = Field(ge=0, le=1)
    in_scope_accuracy_min: float = Field(ge=0, le=1)
    mean_departments_max: float = Field(gt=0)


def load_gates(path: Path) -> dict[str, Gate]:
    """`gates.yml`: one Gate per evaluation set file name."""
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise RulesError(f"{path}: expected a mapping of evaluation set file names to gates")
    try:
        return {str(name): Gate.model_validate(gate) for name, gate in raw.items()}
    except ValidationError as exc:
        raise RulesError(f"{path}: {exc}") from exc


def check_gate(score: Score, gate: Gate) -> list[str]:
    """Each figure outside its gate, as one line of numbers (never an item of the set)."""
    failures: list[str] = []
    if score.lead_accuracy < gate.lead_accuracy_min:
        failures.append(
            f"{score.name}: lead accuracy {score.lead_accuracy:.3f} ({score.lead_ok}/"
            f"{score.lead_n}) is below the minimum {gate.lead_accuracy_min}"
        )
    if score.in_scope_accuracy < gate.in_scope_accuracy_min:
        failures.append(
            f"{score.name}: in-scope accuracy {score.in_scope_accuracy:.3f} ({score.scope_ok}/"
            f"{score.items}) is below the minimum {gate.in_scope_accuracy_min}"
        )
    if score.mean_departments > gate.mean_departments_max:
        failures.append(
            f"{score.name}: {score.mean_departments:.2f} departments per route "
            f"({score.departments}/{score.routed}) is above the maximum "
            f"{gate.mean_departments_max}"
        )
    return failures
