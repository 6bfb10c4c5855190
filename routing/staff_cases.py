"""Staff test cases (`cases/*.yml`, OpenFisca style): run them and report readable differences."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from routing.engine import Router
from routing.errors import RoutingError, RulesError, unknown_message
from routing.models import Route
from routing.yamlfile import line_of, load_yaml

# What a case may expect. `*_include`: these IDs appear (other IDs may too);
# `departments`/`partners`/`instruments`: exactly these, in this order.
EXPECT_KEYS = (
    "in_scope",
    "lead",
    "lead_one_of",
    "departments",
    "departments_include",
    "partners",
    "partners_include",
    "instruments",
    "instruments_include",
    "sdgs_include",
    "needs_include",
    "wijk",
    "stage",
    "organisation",
    "excludes",
)


@dataclass(frozen=True)
class StaffCase:
    name: str
    input: dict[str, Any]
    expected: dict[str, Any]
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class StaffCaseResult:
    name: str
    passed: bool
    message: str
    fired: list[str] = field(default_factory=list)
    file: str = ""


def case_paths(data_dir: Path | None = None) -> list[Path]:
    from routing import data_dir as default_dir

    return sorted(((data_dir or default_dir()) / "cases").glob("*.yml"))


def load_cases(paths: list[Path]) -> list[StaffCase]:
    """Read case files; a malformed case is a RulesError naming file, line and case."""
    cases: list[StaffCase] = []
    names: set[str] = set()
    for path in paths:
        raw = load_yaml(path)
        if not isinstance(raw, list):
            raise RulesError(
                f"{path.name}: expected a list of cases (each starting with `- name:`)"
            )
        for item in raw:
            where = f"{path.name}: line {line_of(item)}"
            if not isinstance(item, dict) or not {"name", "input", "expected"} <= set(item):
                raise RulesError(f"{where}: a case needs name, input and expected")
            if item["name"] in names:
                raise RulesError(f"{where}: duplicate case name {item['name']!r}")
            names.add(item["name"])
            for key in item["expected"]:
                if key not in EXPECT_KEYS:
                    problem = unknown_message("expectation", key, list(EXPECT_KEYS))
                    raise RulesError(f"{where}: case {item['name']}: {problem}")
            cases.append(
                StaffCase(
                    str(item["name"]),
                    dict(item["input"]),
                    dict(item["expected"]),
                    path.name,
                    line_of(item),
                )
            )
    return cases


def run_cases(router: Router, paths: list[Path] | None = None) -> list[StaffCaseResult]:
    """Route every case and compare; never raises for a wrong expectation, only reports it."""
    if paths is None:
        paths = case_paths(router.data_dir)
    return [run_case(router, case) for case in load_cases(paths)]


def run_case(router: Router, case: StaffCase) -> StaffCaseResult:
    label = f"case {case.name!r} ({case.file}:{case.line})"
    try:
        route = router.route(case.input)
    except RoutingError as exc:
        return StaffCaseResult(case.name, False, f"{label}: input rejected: {exc}", [], case.file)
    fired = [r.rule for r in route.reasons]
    problems = compare(route, case.expected, router)
    if problems:
        message = f"{label}: " + "; ".join(problems) + f" (rules fired: {', '.join(fired)})"
        return StaffCaseResult(case.name, False, message, fired, case.file)
    return StaffCaseResult(case.name, True, label, fired, case.file)


def compare(route: Route, expected: dict[str, Any], router: Router) -> list[str]:
    """Differences between a route and the expectations, in short readable phrases."""
    problems: list[str] = []
    everything = set(route.departments) | set(route.partners) | set(route.instruments)
    known = set(router.catalogue.departments) | set(router.catalogue.partners)
    known |= set(router.catalogue.instruments)

    def check_ids(key: str, values: list[Any]) -> None:
        for value in values:
            if value not in known and not isinstance(value, int):
                problems.append(f"{key}: {unknown_message('ID', value, sorted(known))}")

    for key, want in expected.items():
        values = want if isinstance(want, list) else [want]
        if key in ("lead", "lead_one_of", "excludes") or key.startswith(
            ("departments", "partners", "instruments")
        ):
            check_ids(key, values)
        if key == "in_scope" and route.in_scope != want:
            problems.append(f"expected in_scope {want}, got {route.in_scope}")
        elif key in ("lead", "lead_one_of") and route.lead not in values:
            problems.append(f"expected lead {' or '.join(values)}, got {route.lead}")
        elif key in ("departments", "partners", "instruments") and getattr(route, key) != values:
            problems.append(f"expected {key} {values}, got {getattr(route, key)}")
        elif key.endswith("_include"):
            attr = key.removesuffix("_include")
            have = getattr(route, attr)
            if attr == "needs":
                have = [n.id for n in route.needs]
            missing = [v for v in values if v not in have]
            if missing:
                problems.append(f"missing {attr}: {', '.join(map(str, missing))} (got {have})")
        elif key == "excludes":
            wrong = [v for v in values if v in everything]
            if wrong:
                problems.append(f"should not contain: {', '.join(wrong)}")
        elif key in ("wijk", "stage", "organisation") and getattr(route, key) != want:
            problems.append(f"expected {key} {want}, got {getattr(route, key)}")
    return problems


def uncovered_rules(router: Router, results: list[StaffCaseResult]) -> list[str]:
    """IDs of rules that fired in no case: each rule needs at least one case."""
    fired = {rule for result in results for rule in result.fired}
    return [rule.id for rule in router.rules if rule.id not in fired]
