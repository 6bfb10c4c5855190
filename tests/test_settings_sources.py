"""Configuration is read in settings modules only: one model per process, no stray
`os.environ` look-ups elsewhere (they would bypass validation, `.env` and the docs table)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["routing", "handoff", "actions", "loket", "botserver", "rasa_sdk_plugins"]
READS = re.compile(r"\bos\.environ\b|\bgetenv\(|\bfrom os import .*\benviron\b")
# Modules that hand the environment on to a process they start, without reading settings.
PASSES_ON = {"loket/processes.py": "execs the Procfile command with the environment it got"}


def test_only_settings_modules_read_the_environment() -> None:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if path.name == "settings.py" or relative in PASSES_ON:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if READS.search(line):
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "read the environment in the process's settings module:\n" + "\n".join(found)


def test_the_check_sees_an_environment_read() -> None:
    assert READS.search('x = os.environ.get("LOKET_X")')
    assert READS.search('x = os.getenv("LOKET_X")')
    assert not READS.search("settings.environment")
