"""botserver leaves TED out only where Rasa's ensemble could never pick it.

Runs in `.venv-bot` against the trained model (models/loket.tar.gz) with
LOKET_BOTSERVER_VERIFY=1: every prediction made without TED is also made Rasa's own way and
must be equal, otherwise the prediction raises ("ted_computed" below means TED was part of
the decision, not merely computed for that comparison). The conversations below reach both branches:
rules that decide with confidence 1.0, and turns no rule covers (RulePolicy's fallback at
0.3, or a rejected action) where TED has to run.
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from typing import Any

import pytest

from tests.stack import ROOT

BOT_PYTHON = ROOT / ".venv-bot" / "bin" / "python"
MODEL = ROOT / "models" / "loket.tar.gz"

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from botserver import speedups

    speedups.apply()
    from rasa.core.agent import Agent
    from rasa.shared.core.events import (
        ActionExecuted, ActionExecutionRejected, SessionStarted, UserUttered)
    from rasa.shared.core.trackers import DialogueStateTracker

    agent = Agent.load(sys.argv[1])
    domain = agent.domain

    def tracker(steps):
        events = [ActionExecuted("action_session_start"), SessionStarted(),
                  ActionExecuted("action_listen")]
        for kind, name in steps:
            if kind == "user":
                events.append(UserUttered("/" + name, {"name": name, "confidence": 1.0}))
            elif kind == "action":
                events.append(ActionExecuted(name))
            else:
                events.append(ActionExecutionRejected(name))
        return DialogueStateTracker.from_events("check", events, domain.slots)

    def predict(steps):
        before = speedups.ted_counts["computed"]
        prediction = agent.processor._predict_next_with_tracker(tracker(steps))
        return {"action": domain.action_names_or_texts[prediction.max_confidence_index],
                "policy": prediction.policy_name,
                "ted_computed": speedups.ted_counts["computed"] > before}

    greeted = [("user", "greet"), ("action", "utter_greet"), ("action", "action_listen")]
    turns = {}
    for intent in domain.intents:
        turns[intent] = predict([("user", intent)])
        turns["greeted " + intent] = predict(greeted + [("user", intent)])
    # The rule's action was rejected: Rasa sets it to 0.0, so another policy must decide.
    turns["rejected"] = predict(
        [("user", "greet"), ("rejected", "utter_greet")])

    # The ensemble on made-up predictions: which ones let TED go, and who wins.
    from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
    from rasa.core.policies.policy import PolicyPrediction

    size = len(domain.action_names_or_texts)
    index = domain.index_for_action

    def scores(action, confidence):
        out = [0.0] * size
        out[index(action)] = confidence
        return out

    def combine(others, ted_action, ted_confidence, steps=(("user", "greet"),)):
        skipped = speedups.ted_counts["skipped"]

        def ted():
            return PolicyPrediction(scores(ted_action, ted_confidence), "TEDPolicy", 1)

        kwargs = {f"policy{i}": p for i, p in enumerate(others)}
        kwargs["policy9"] = speedups.DeferredPrediction(ted, 1)
        try:
            winner = DefaultPolicyPredictionEnsemble().combine_predictions_from_kwargs(
                tracker(steps), domain, **kwargs)
        except Exception as error:
            return {"error": repr(error)}
        left_out = speedups.ted_counts["skipped"] > skipped
        return {"policy": winner.policy_name, "ted_computed": not left_out,
                "action": domain.action_names_or_texts[winner.max_confidence_index]}

    rule = lambda action, c, **kw: PolicyPrediction(scores(action, c), "RulePolicy", 6, **kw)
    memo = lambda action, c: PolicyPrediction(scores(action, c), "MemoizationPolicy", 3)
    low = lambda action, c: PolicyPrediction(scores(action, c), "LowPolicy", 0)
    cases = {
        "rule 1.0": combine([rule("utter_greet", 1.0)], "utter_goodbye", 1.0),
        "memo 1.0": combine([memo("utter_greet", 1.0)], "utter_goodbye", 0.99),
        "rule fallback 0.3": combine(
            [rule("action_default_fallback", 0.3)], "utter_goodbye", 0.9),
        "rule no user": combine(
            [rule("utter_greet", 0.2, is_no_user_prediction=True)], "utter_goodbye", 1.0),
        "rule e2e": combine(
            [rule("utter_greet", 0.2, is_end_to_end_prediction=True)], "utter_goodbye", 1.0),
        "lower priority 1.0": combine([low("utter_greet", 1.0)], "utter_goodbye", 1.0),
        "rule 1.0 rejected": combine(
            [rule("utter_greet", 1.0)], "utter_goodbye", 0.6,
            steps=(("user", "greet"), ("rejected", "utter_greet"))),
    }
    verified = dict(speedups.ted_counts)  # before the deliberately wrong skip below
    # Verify mode must be able to fail: pretend TED could be left out where it wins.
    speedups.others_always_win = lambda *args: True
    cases["forced skip"] = combine(
        [rule("action_default_fallback", 0.3)], "utter_goodbye", 0.9)
    print(json.dumps({"turns": turns, "counts": dict(speedups.ted_counts), "cases": cases,
                      "verified": verified}))
    """
)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    assert BOT_PYTHON.exists(), ".venv-bot is missing (make setup-bot)"
    assert MODEL.exists(), "no trained model (make train)"
    env = {**os.environ, "LOKET_BOTSERVER_VERIFY": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [str(BOT_PYTHON), "-c", SCRIPT, str(MODEL)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_rules_decide_without_ted(report: dict[str, Any]) -> None:
    greet = report["turns"]["greet"]
    assert greet == {"action": "utter_greet", "policy": "RulePolicy", "ted_computed": False}
    skipped = [name for name, turn in report["turns"].items() if not turn["ted_computed"]]
    assert len(skipped) > len(report["turns"]) / 2


def test_ted_runs_where_no_rule_decides(report: dict[str, Any]) -> None:
    computed = [name for name, turn in report["turns"].items() if turn["ted_computed"]]
    assert "rejected" in computed
    assert report["turns"]["rejected"]["action"] != "utter_greet"
    # an intent without a rule at the start of a conversation: RulePolicy's fallback (0.3)
    assert any(not name.startswith(("greeted", "rejected")) for name in computed)


def test_every_prediction_without_ted_equals_rasas_own(report: dict[str, Any]) -> None:
    counts = report["verified"]  # every prediction before the deliberately wrong skip
    assert counts["skipped"] > 0 and counts["computed"] > 0  # both branches were taken
    # each prediction made without TED was also made Rasa's own way, and none differed
    assert counts["verified"] == counts["skipped"]
    assert counts.get("differed", 0) == 0
    errors = {name: case for name, case in report["cases"].items() if "error" in case}
    assert list(errors) == ["forced skip"], errors


def test_ted_left_out_only_when_it_cannot_win(report: dict[str, Any]) -> None:
    cases = report["cases"]
    # a rule or a memorised story at 1.0 outranks TED even at 1.0 (higher priority)
    assert cases["rule 1.0"] == {
        "policy": "RulePolicy",
        "ted_computed": False,
        "action": "utter_greet",
    }
    assert cases["memo 1.0"]["ted_computed"] is False
    assert cases["memo 1.0"]["policy"] == "MemoizationPolicy"
    # "no user" and end-to-end predictions outrank any TED prediction whatever its confidence
    assert cases["rule no user"]["ted_computed"] is False
    assert cases["rule no user"]["policy"] == "RulePolicy"
    assert cases["rule e2e"]["ted_computed"] is False
    # below 1.0, or at 1.0 with a lower priority, TED can win: it runs, and wins here
    for name in ("rule fallback 0.3", "lower priority 1.0"):
        assert cases[name] == {
            "policy": "TEDPolicy",
            "ted_computed": True,
            "action": "utter_goodbye",
        }, name
    # the rule's action was rejected: Rasa sets it to 0.0, so TED decides
    assert cases["rule 1.0 rejected"]["ted_computed"] is True
    assert cases["rule 1.0 rejected"]["policy"] == "TEDPolicy"


def test_verify_mode_catches_a_wrong_skip(report: dict[str, Any]) -> None:
    forced = report["cases"]["forced skip"]
    assert "differs from Rasa's own" in forced["error"]
    assert report["counts"]["differed"] == 1  # only the forced one; the exit report says so
