"""The staff cases in data/municipalities/delft/cases/*.yml, collected as one test item per case.

A failing case shows the readable difference and the rules that fired, not a stack trace.
"""

from __future__ import annotations

import pytest

from routing import Router
from routing.staff_cases import case_paths, load_cases, run_case, run_cases, uncovered_rules

CASES = load_cases(case_paths())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_staff_case(router: Router, case: object) -> None:
    result = run_case(router, case)  # type: ignore[arg-type]
    if not result.passed:
        pytest.fail(result.message, pytrace=False)


def test_every_rule_is_covered_by_at_least_one_case(router: Router) -> None:
    uncovered = uncovered_rules(router, run_cases(router))
    if uncovered:
        pytest.fail(f"rules covered by no case: {', '.join(uncovered)}", pytrace=False)


def test_there_are_at_least_forty_cases_including_the_ten_delft_cases() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if c.file == "delft.yml") == 10


def test_every_team_partner_and_instrument_appears_in_some_case(router: Router) -> None:
    seen: set[str] = set()
    for case in CASES:
        route = router.route(case.input)
        seen |= set(route.departments) | set(route.partners) | set(route.instruments)
    catalogue = router.catalogue
    every = set(catalogue.departments) | set(catalogue.partners) | set(catalogue.instruments)
    assert sorted(every - seen) == []


def test_a_wrong_expectation_reports_lead_and_fired_rules(router: Router) -> None:
    case = next(c for c in CASES if c.name.startswith("Buurtmoestuin"))
    wrong = type(case)(case.name, case.input, {"lead": "werk-inkomen"}, case.file, case.line)
    result = run_case(router, wrong)
    assert not result.passed
    assert "expected lead werk-inkomen, got openbare-ruimte" in result.message
    assert "rules fired: groen-en-buitenruimte" in result.message
