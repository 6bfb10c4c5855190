"""botserver.speedups inside the real Rasa 3.6 (`.venv-bot`): same verdicts, same errors."""

from __future__ import annotations

import json
import subprocess
import textwrap

from tests.stack import ROOT

BOT_PYTHON = ROOT / ".venv-bot" / "bin" / "python"

# Runs in .venv-bot: validates responses with Rasa's own method, then with the fixed one.
CHECK = textwrap.dedent(
    """
    import json, sys
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from botserver import speedups

    original = RemoteAction._validate_action_result
    responses = json.loads(sys.argv[1])

    def verdicts():
        out = []
        for response in responses:
            try:
                out.append(["ok", RemoteAction("action_x", None)._validate_action_result(response)])
            except ValidationError as error:
                out.append(["invalid", error.message, list(error.absolute_path)])
        return out

    before = verdicts()
    applied = speedups.apply()
    patched = RemoteAction._validate_action_result is not original
    print(json.dumps({"applied": applied, "patched": patched, "before": before,
                      "after": verdicts()}))
    """
)

RESPONSES = [
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "name": "wijk", "value": "Voorhof"},
            {"event": "active_loop", "name": "intake_form"},
            {"event": "followup", "name": "action_listen"},
        ],
        "responses": [{"text": "Dank u.", "buttons": [{"title": "Ja", "payload": "/affirm"}]}],
    },
    {"events": [{"event": "slot", "name": "wijk", "value": None}, {"event": "restart"}]},
    {"events": [{"event": "slot", "name": "wijk"}]},  # a slot event needs a value
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": [{"event": "slot", "value": "x"}]},  # no slot name
    {"events": "not a list"},
    {"responses": ["not an object"]},
]


def test_validator_built_once_gives_rasas_verdicts_and_errors() -> None:
    assert BOT_PYTHON.exists(), ".venv-bot is missing (make setup-bot)"
    result = subprocess.run(
        [str(BOT_PYTHON), "-c", CHECK, json.dumps(RESPONSES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["applied"] and report["patched"]
    assert report["after"] == report["before"]
    verdicts = [v[0] for v in report["before"]]
    assert verdicts[:3] == ["ok", "ok", "ok"]
    assert set(verdicts[3:]) == {"invalid"}
    assert all("Failed to validate Action server response" in v[1] for v in report["after"][3:])
