"""A reason tells the inwoner and staff why a team takes part; it may not say that a team leads
("houdt de regie") when another team is the lead. Checked on every municipality's staff cases
and dev evaluation sets (the holdouts stay unread)."""

from __future__ import annotations

from pathlib import Path

import pytest

from routing import get_municipalities
from routing.evaluation import is_holdout
from routing.models import Intake
from routing.staff_cases import case_paths, load_cases
from routing.yamlfile import load_yaml
from tests.routing.conftest import MUNICIPALITIES

EVERY = ["delft", "haarlem", "rotterdam"]


def intakes(municipality: str) -> list[Intake]:
    folder = MUNICIPALITIES / municipality
    found = [Intake.model_validate(case.input) for case in load_cases(case_paths(folder))]
    for path in sorted(Path(folder / "eval").glob("*.yml")):
        if path.name != "gates.yml" and not is_holdout(path):
            found += [Intake(text=item["text"]) for item in load_yaml(path)["items"]]
    return found


@pytest.mark.parametrize("municipality", EVERY)
def test_only_the_lead_is_said_to_hold_the_regie(municipality: str) -> None:
    router = get_municipalities().get(municipality)
    wrong = []
    for intake in intakes(municipality):
        route = router.route(intake)
        for reason in route.reasons:
            if "regie" in reason.reden and route.lead not in reason.adds:
                wrong.append(f"{reason.rule} (lead {route.lead}): {(intake.text or '')[:60]}")
    assert not wrong, "\n".join(wrong)
