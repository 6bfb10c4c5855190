"""`make run-scaled` takes its settings from one model (loket/settings.py ScaledRunSettings):
`loket settings --shell --scaled` prints them, scripts/run_scaled.sh and
scripts/setup_scaled.sh evaluate that output instead of keeping bash defaults."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLEAN = {k: v for k, v in os.environ.items() if not k.startswith(("LOKET_", "TF_", "TICKET_"))}
SCRIPTS = ["scripts/run.sh", "scripts/run_scaled.sh", "scripts/setup_scaled.sh"]


def scaled_shell(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loket.cli", "settings", "--shell", "--scaled"],
        env={**CLEAN, **env},
        cwd=tmp_path,  # no .env there
        capture_output=True,
        text=True,
    )


def exports(output: str) -> dict[str, str]:
    found = dict(re.findall(r"^export ([A-Z_0-9]+)=(.*)$", output, re.MULTILINE))
    return {key: value.strip("'") for key, value in found.items()}


def test_the_scaled_shell_has_the_scaled_defaults(tmp_path: Path) -> None:
    run = scaled_shell(tmp_path)
    assert run.returncode == 0, run.stderr
    values = exports(run.stdout)
    assert {
        key: values[key]
        for key in (
            "LOKET_RASA_PROCESSES",
            "LOKET_API_WORKERS",
            "LOKET_RASA_ENDPOINTS",
            "LOKET_SCALED_DIR",
            "LOKET_REDIS_PORT",
            "LOKET_POSTGRES_PORT",
            "LOKET_REDIS_LOCK_DB",
            "LOKET_REDIS_LIMITS_DB",
            "LOKET_RATE_LIMIT_STORAGE",
            "LOKET_SCALED_KEEP_SERVICES",
            "TICKET_LOCK_LIFETIME",
        )
    } == {
        "LOKET_RASA_PROCESSES": "3",
        "LOKET_API_WORKERS": "2",
        "LOKET_RASA_ENDPOINTS": "bot/endpoints.scaled.yml",
        "LOKET_SCALED_DIR": "var/scaled",
        "LOKET_REDIS_PORT": "6380",
        "LOKET_POSTGRES_PORT": "5433",
        "LOKET_REDIS_LOCK_DB": "1",
        "LOKET_REDIS_LIMITS_DB": "2",
        "LOKET_RATE_LIMIT_STORAGE": "redis://127.0.0.1:6380/2",
        "LOKET_SCALED_KEEP_SERVICES": "0",
        "TICKET_LOCK_LIFETIME": "15",
    }
    # The settings of `make run` come along, derived from the scaled process counts.
    assert values["LOKET_RASA_URL"].count("http://127.0.0.1:") == 3
    # ... while `make run` itself keeps its own defaults.
    plain = subprocess.run(
        [sys.executable, "-m", "loket.cli", "settings", "--shell"],
        env=CLEAN,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert exports(plain.stdout)["LOKET_RASA_PROCESSES"] == "2"
    assert "LOKET_REDIS_PORT" not in exports(plain.stdout)


def test_the_scaled_shell_respects_the_environment(tmp_path: Path) -> None:
    run = scaled_shell(
        tmp_path,
        LOKET_RASA_PROCESSES="1",
        LOKET_REDIS_PORT="7001",
        LOKET_REDIS_URL="redis://:secret@127.0.0.1:7001",
        LOKET_REDIS_LIMITS_DB="5",
        LOKET_SCALED_KEEP_SERVICES="1",
        TICKET_LOCK_LIFETIME="30",
        LOKET_DATABASE_URL="postgresql+psycopg://loket:pw@127.0.0.1:7002/loket",
    )
    assert run.returncode == 0, run.stderr
    values = exports(run.stdout)
    assert values["LOKET_RASA_URL"] == "http://127.0.0.1:5005"
    assert values["LOKET_REDIS_PORT"] == "7001"
    assert values["LOKET_RATE_LIMIT_STORAGE"] == "redis://:secret@127.0.0.1:7001/5"
    assert values["LOKET_SCALED_KEEP_SERVICES"] == "1"
    assert values["TICKET_LOCK_LIFETIME"] == "30"
    assert values["LOKET_BOT_TRACKER_URL"] == "postgresql://loket:pw@127.0.0.1:7002/loket"


def test_a_bad_scaled_setting_is_named(tmp_path: Path) -> None:
    bad = scaled_shell(tmp_path, LOKET_REDIS_LOCK_DB="16")
    assert bad.returncode == 1 and bad.stdout == ""
    assert "LOKET_REDIS_LOCK_DB" in bad.stderr


def test_setup_scaled_takes_its_folder_and_ports_from_the_model(tmp_path: Path) -> None:
    scaled_dir = tmp_path / "scaled"
    env = {**CLEAN, "LOKET_SCALED_DIR": str(scaled_dir), "LOKET_REDIS_PORT": "1"}
    status = subprocess.run(
        ["scripts/setup_scaled.sh", "status"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert status.returncode == 0, status.stderr
    assert "Redis: not running" in status.stderr
    assert (scaled_dir / "secrets" / "redis-password").is_file()  # made in the folder it got
    env["LOKET_REDIS_PORT"] = "0"
    bad = subprocess.run(
        ["scripts/setup_scaled.sh", "status"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert bad.returncode == 1 and "LOKET_REDIS_PORT" in bad.stderr


def test_the_run_scripts_keep_no_defaults_of_their_own() -> None:
    for script in SCRIPTS:
        text = (ROOT / script).read_text(encoding="utf-8")
        assert not re.findall(r"\$\{(?:LOKET_|TICKET_)[A-Z_0-9]*:-", text), script
        assert "loket settings --shell" in text, script
