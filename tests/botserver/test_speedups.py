"""botserver.speedups inside the real Rasa 3.6 (`.venv-bot`): same results, same errors."""

from __future__ import annotations

import json
import subprocess
import textwrap
from typing import Any

import pytest

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

    def event_types():
        from rasa.shared.core.events import Event
        from rasa.shared.utils.common import all_subclasses

        names = sorted({cls.type_name for cls in all_subclasses(Event)} | {"topic", "nope"})
        return {name: repr(Event.resolve_by_type(name, default=int)) for name in names}

    before, types_before = verdicts(), event_types()
    applied = speedups.apply()
    patched = RemoteAction._validate_action_result is not original

    import sqlalchemy as sa
    engine = sa.create_engine("sqlite:///" + sys.argv[2])
    with engine.connect() as connection:
        pragmas = [connection.exec_driver_sql(f"PRAGMA {p}").scalar()
                   for p in ("journal_mode", "synchronous")]
    print(json.dumps({"applied": applied, "patched": patched, "before": before,
                      "after": verdicts(), "types_before": types_before,
                      "types_after": event_types(), "pragmas": pragmas}))
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


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    assert BOT_PYTHON.exists(), ".venv-bot is missing (make setup-bot)"
    db = tmp_path_factory.mktemp("botserver") / "trackers.db"
    result = subprocess.run(
        [str(BOT_PYTHON), "-c", CHECK, json.dumps(RESPONSES), str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_validator_built_once_gives_rasas_verdicts_and_errors(report: dict[str, Any]) -> None:
    assert report["applied"] and report["patched"]
    assert report["after"] == report["before"]
    verdicts = [v[0] for v in report["before"]]
    assert verdicts[:3] == ["ok", "ok", "ok"]
    assert set(verdicts[3:]) == {"invalid"}
    assert all("Failed to validate Action server response" in v[1] for v in report["after"][3:])


def test_event_type_table_resolves_every_name_as_rasa_does(report: dict[str, Any]) -> None:
    assert report["types_after"] == report["types_before"]
    assert report["types_after"]["user"].endswith("UserUttered'>")
    assert report["types_after"]["nope"] == "<class 'int'>"  # unknown: Rasa's default


def test_sqlite_connections_use_wal_without_fsync_per_commit(report: dict[str, Any]) -> None:
    assert report["pragmas"] == ["wal", 1]  # 1 = NORMAL
