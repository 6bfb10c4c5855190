"""The `loket` routing commands, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loket(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loket.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_route_reads_json_and_prints_the_route_as_json() -> None:
    done = loket(
        "route", stdin=json.dumps({"text": "We zoeken vrijwilligers voor de buurtmoestuin"})
    )
    assert done.returncode == 0, done.stderr
    route = json.loads(done.stdout)
    assert route["in_scope"] is True
    assert "vrijwilligerscentrale" in route["partners"]
    assert route["reasons"]


def test_route_jsonl_answers_line_by_line_and_flags_bad_lines() -> None:
    lines = [
        json.dumps({"text": "Hoe vraag ik een paspoort aan?"}),
        "{kapot",
        json.dumps({"needs": ["financiering"]}),
    ]
    done = loket("route", "--jsonl", stdin="\n".join(lines) + "\n")
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out[0]["in_scope"] is False
    assert out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]
    assert "subsidiescan" in out[2]["instruments"]
    assert done.returncode == 2


def test_route_text_explains_in_dutch() -> None:
    done = loket("route", "--text", "Wij willen zonnepanelen op het dak van de sporthal")
    assert done.returncode == 0
    assert "Duurzaamheid en Energie" in done.stdout
    assert "Waarom?" in done.stdout


def test_bad_json_and_unknown_ids_exit_2_with_one_line_and_no_traceback() -> None:
    for stdin in ("{niet json", json.dumps({"needs": ["geldd"]}), "[1, 2]"):
        done = loket("route", stdin=stdin)
        assert done.returncode == 2
        assert done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr


def test_rules_lint_test_and_info(tmp_path: Path) -> None:
    lint = loket("rules", "lint")
    assert lint.returncode == 0 and lint.stdout.startswith("OK:")
    test = loket("rules", "test")
    assert test.returncode == 0, test.stdout
    assert "0 failed" in test.stdout
    info = loket("info")
    assert "spaCy pipeline" in info.stdout and "rules version" in info.stdout


def test_broken_rules_give_exit_2_and_a_one_line_error(tmp_path: Path) -> None:
    data = tmp_path / "delft"
    (data / "rules").mkdir(parents=True)
    src = ROOT / "data" / "municipalities"
    for name in ("vocabulary.yml", "signalen.yml", "delft/catalogue.yml", "delft/signalen.yml"):
        (tmp_path / name).write_text((src / name).read_text(encoding="utf-8"), encoding="utf-8")
    (data / "rules" / "a.yml").write_text(
        "- id: x\n  reden: Een reden hier\n  als: {thema: groen}\n  dan: {trekker: groen}\n",
        encoding="utf-8",
    )
    done = loket("rules", "lint", env={"LOKET_ROUTING_DIR": str(data)})
    assert done.returncode == 2
    assert "a.yml" in done.stderr and "rule x" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_route_is_identical_across_processes_with_different_hash_seeds() -> None:
    intake = json.dumps(
        {
            "text": "Wij zijn een sociale onderneming in de Poptahof met vrijwiligers,"
            " een moestuin, zonnepanelen en een taalcafé; we zoeken een pand en fondsen.",
            "needs": ["impact"],
        }
    )
    runs = [loket("route", stdin=intake, env={"PYTHONHASHSEED": seed}) for seed in "123"]
    for run in runs:
        assert run.returncode == 0, run.stderr
    routes = [json.loads(run.stdout) for run in runs]
    assert routes[0]["in_scope"] is True
    assert len(routes[0]["departments"]) >= 2 and routes[0]["reasons"]  # a route worth comparing
    assert routes[1] == routes[0] and routes[2] == routes[0]
    assert len({run.stdout for run in runs}) == 1  # byte for byte, order included
