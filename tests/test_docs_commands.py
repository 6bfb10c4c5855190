"""The shell blocks marked `<!-- tested -->` in the docs run as written, each in a fresh copy of
the repository (git's tracked files plus the virtual environments), so the checklists in
docs/contributing.md cannot drift from the code."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "docs" / "contributing.md"]
TESTED = re.compile(r"<!-- tested -->\n```sh\n(.*?)```", re.DOTALL)


def _tested_blocks() -> list[tuple[str, str]]:
    blocks = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for number, match in enumerate(TESTED.finditer(text), start=1):
            blocks.append((f"{page.name}#{number}", match.group(1)))
    return blocks


def repository_copy(target: Path) -> Path:
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for venv in (".venv", ".venv-bot"):
        (target / venv).symlink_to((ROOT / venv).resolve())
    return target


def test_the_checklist_has_a_tested_block_per_change() -> None:
    assert len(_tested_blocks()) >= 3


@pytest.mark.parametrize(
    ("where", "script"), _tested_blocks(), ids=[w for w, _ in _tested_blocks()]
)
def test_a_tested_docs_block_runs_as_written(where: str, script: str, tmp_path: Path) -> None:
    copy = repository_copy(tmp_path / "repo")
    # The copy's packages, not the editable install's, must be the ones imported.
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_")}
    env["PYTHONPATH"] = str(copy)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env["HOME"] = str(tmp_path / "home")
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, (
        f"{where} failed:\n{script}\n{run.stdout[-3000:]}{run.stderr[-3000:]}"
    )
