"""docs/configuration.md is generated from the settings models; the committed page must be
the page they generate now (regenerate: `.venv/bin/loket settings --markdown >
docs/configuration.md`)."""

from __future__ import annotations

import os
import subprocess
import sys

from handoff.settings import Settings
from loket.configuration import PAGE, markdown, rows
from loket.settings import RunSettings
from routing.settings import RoutingSettings


def test_the_committed_configuration_page_is_generated_from_the_models() -> None:
    assert PAGE.read_text(encoding="utf-8") == markdown(), (
        "docs/configuration.md is out of date: run "
        "`.venv/bin/loket settings --markdown > docs/configuration.md`"
    )


def test_every_loket_variable_of_the_models_is_on_the_page() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for name in (
        "LOKET_DATABASE_URL",
        "LOKET_RASA_URL",
        "LOKET_ACTIONS_QUEUE",
        "LOKET_ROUTING_DIR",
    ):
        assert f"`{name}`" in page


def test_the_api_declares_the_routing_settings_once_through_its_base_model() -> None:
    api = {name for name, _, _ in rows(Settings)}
    routing = {name for name, _, _ in rows(RoutingSettings)}
    assert not api & routing, "declared in handoff/settings.py and routing/settings.py"
    assert set(RoutingSettings.model_fields) <= set(Settings.model_fields)


def test_run_settings_derive_the_urls_the_processes_give_each_other(monkeypatch) -> None:
    for name in os.environ:
        if name.startswith("LOKET_"):
            monkeypatch.delenv(name)
    environment = {
        "LOKET_API_PORT": "8100",
        "LOKET_RASA_PORT": "6000",
        "LOKET_RASA_PROCESSES": "3",
        "LOKET_RASA_PORT_3": "7000",
        "LOKET_ACTIONS_PORT": "6100",
        "LOKET_DATABASE_URL": "postgresql://loket@db.example.nl/loket",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = RunSettings(_env_file=None)  # type: ignore[call-arg]
    exports = settings.exports()
    assert exports["LOKET_RASA_URL"] == (
        "http://127.0.0.1:6000,http://127.0.0.1:6001,http://127.0.0.1:7000"
    )
    assert exports["LOKET_RASA_PORT_3"] == "7000"
    assert exports["LOKET_API_URL"] == exports["LOKET_PUBLIC_BASE_URL"]
    assert exports["LOKET_API_URL"].endswith(":8100")
    assert exports["LOKET_RUN_DIR"] == "var/run/8100"
    assert exports["LOKET_ACTION_ENDPOINT_URL"] == "http://127.0.0.1:6100/webhook"
    assert exports["LOKET_BOT_TRACKER_URL"] == "postgresql://loket@db.example.nl/loket"
    assert exports["LOKET_TRACKER_DATABASE_URL"] == "postgresql+psycopg://loket@db.example.nl/loket"


def test_loket_settings_shell_reads_the_environment_and_names_a_bad_value(tmp_path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LOKET_", "TF_"))}

    def loket_settings_shell(**env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "loket.cli", "settings", "--shell"],
            env={**clean, **env},
            cwd=tmp_path,  # no .env there
            capture_output=True,
            text=True,
        )

    run = loket_settings_shell(LOKET_RASA_PORT_2="5999")
    assert run.returncode == 0, run.stderr
    assert "export LOKET_RASA_URL=http://127.0.0.1:5005,http://127.0.0.1:5999\n" in run.stdout
    assert "export LOKET_DATABASE_URL=sqlite:///var/loket.db\n" in run.stdout
    bad = loket_settings_shell(LOKET_RASA_PROCESSES="0")
    assert bad.returncode == 1 and bad.stdout == ""
    assert "LOKET_RASA_PROCESSES" in bad.stderr
