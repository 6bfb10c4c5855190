"""Routing quality is gated in `make test`: each blind evaluation set of a municipality must
reach its figures in data/municipalities/<id>/eval/gates.yml. Figures are printed for every set,
misses only for the dev sets: the holdout's items never appear in the output, so it stays
unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

from routing import Router, get_municipalities
from routing.evaluation import GATES_FILE, Score, check_gate, evaluate, is_holdout, load_gates
from routing.municipalities import discover
from routing.rules import Rule
from routing.text import load_pipeline
from tests.routing.conftest import DATA, MUNICIPALITIES

EVAL = DATA / "eval"
GATES = load_gates(EVAL / GATES_FILE)
LOWERED_WEIGHT = 0.5
# Every municipality folder with an eval/ folder gates its sets (Delft's are the first).
EVALUATED = [m for m in discover(MUNICIPALITIES) if (MUNICIPALITIES / m / "eval").is_dir()]
GATED = [
    (municipality, name)
    for municipality in EVALUATED
    for name in sorted(load_gates(MUNICIPALITIES / municipality / "eval" / GATES_FILE))
]


def eval_sets(municipality: str) -> list[Path]:
    folder = MUNICIPALITIES / municipality / "eval"
    return sorted(p for p in folder.glob("*.yml") if p.name != GATES_FILE)


def test_delft_has_its_dev_and_holdout_sets() -> None:
    assert {"dev.yml", "dev2.yml", "holdout.yml"} <= {p.name for p in eval_sets("delft")}


@pytest.mark.parametrize("municipality", EVALUATED)
def test_every_evaluation_set_has_a_gate(municipality: str) -> None:
    gates = load_gates(MUNICIPALITIES / municipality / "eval" / GATES_FILE)
    assert set(gates) == {p.name for p in eval_sets(municipality)}


@pytest.mark.parametrize(("municipality", "name"), GATED, ids=[f"{m}/{n}" for m, n in GATED])
def test_routing_quality_meets_its_gate(municipality: str, name: str) -> None:
    router = get_municipalities().get(municipality)
    path = MUNICIPALITIES / municipality / "eval" / name
    gates = load_gates(path.parent / GATES_FILE)
    score = evaluate(router, path, collect_misses=not is_holdout(path))
    print(f"{name} ({score.items} items, rules {router.rules_version})")
    print("\n".join(score.lines()))
    failures = check_gate(score, gates[name])
    misses = "\n".join(score.misses or [])  # None for the holdout: numbers only
    assert not failures, "\n".join(failures) + (f"\nmisses:\n{misses}" if misses else "")


def _with_lower_weight(router: Router, lowered: Rule) -> Router:
    weaker = lowered.model_copy(
        update={"dan": lowered.dan.model_copy(update={"gewicht": LOWERED_WEIGHT})}
    )
    rules = [weaker if rule.id == lowered.id else rule for rule in router.rules]
    return Router(
        catalogue=router.catalogue,
        signals=router.signals,
        rules=rules,
        rule_words=router.rule_words,
        rules_version=f"{router.rules_version}-lowered-{lowered.id}",
        pipeline=load_pipeline(),
        data_dir=router.data_dir,
    )


def test_lowering_one_rules_weight_fails_the_holdout_gate(router: Router) -> None:
    """The gate can fail: the lead rule whose lower weight hurts the holdout most, found by
    trying each one, takes the holdout's lead accuracy below its minimum."""
    holdout = EVAL / "holdout.yml"
    baseline = evaluate(router, holdout, collect_misses=False)
    lowered: dict[str, Score] = {
        rule.id: evaluate(_with_lower_weight(router, rule), holdout, collect_misses=False)
        for rule in router.rules
        if rule.dan.trekker and rule.dan.gewicht > LOWERED_WEIGHT
    }
    worst = min(lowered, key=lambda rule_id: lowered[rule_id].lead_accuracy)
    score = lowered[worst]
    assert score.lead_ok < baseline.lead_ok
    failures = check_gate(score, GATES["holdout.yml"])
    print(f"rule {worst} at weight {LOWERED_WEIGHT}: {failures}")
    assert any("lead accuracy" in failure for failure in failures), (worst, score.lead_ok)
    assert score.misses is None
