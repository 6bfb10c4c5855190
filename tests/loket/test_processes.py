"""supervisord's configuration is made from the Procfile: one program per process, N Rasa
servers on their own ports, every one restarted when it dies; leftovers are found by tag."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loket.processes import ROOT, kill_tagged, programs, read_procfile, supervisord_conf, tagged
from loket.settings import RunSettings


def conf_for(tmp_path: Path, env: dict[str, str]) -> configparser.RawConfigParser:
    """The configuration for these LOKET_ variables (and no others)."""
    fields = {k.removeprefix("LOKET_").lower(): v for k, v in env.items()}
    overrides = {
        int(k.removeprefix("rasa_port_")): int(fields.pop(k))
        for k in list(fields)
        if k.startswith("rasa_port_")
    }
    settings = RunSettings(_env_file=None, rasa_port_overrides=overrides, **fields)
    progs = programs(read_procfile(ROOT / "Procfile"), settings.rasa_ports)
    text = supervisord_conf(progs, ROOT / "Procfile", tmp_path / "log", tmp_path / "run", "py")
    parser = configparser.RawConfigParser()
    parser.read_string(text)
    return parser


def test_every_procfile_process_is_a_restarting_program_with_its_own_log(tmp_path: Path) -> None:
    conf = conf_for(tmp_path, {"LOKET_RASA_PROCESSES": "3", "LOKET_RASA_PORT": "6000"})
    names = [s.removeprefix("program:") for s in conf.sections() if s.startswith("program:")]
    assert names == ["rasa", "rasa2", "rasa3", "actions", "api", "worker", "site"]
    assert [conf["program:" + n]["environment"] for n in ("rasa", "rasa2", "rasa3")] == [
        'PORT="6000"',
        'PORT="6001"',
        'PORT="6002"',
    ]
    for name in names:
        program = conf["program:" + name]
        assert program["autorestart"] == "true"
        assert program["stopasgroup"] == program["killasgroup"] == "true"
        assert program["stdout_logfile"] == str(tmp_path / "log" / f"{name}.log")


def test_a_rasa_port_can_be_set_per_server_and_one_server_is_enough(tmp_path: Path) -> None:
    env = {"LOKET_RASA_PROCESSES": "2", "LOKET_RASA_PORT": "6000", "LOKET_RASA_PORT_2": "7000"}
    conf = conf_for(tmp_path, env)
    assert conf["program:rasa2"]["environment"] == 'PORT="7000"'
    one = conf_for(tmp_path, {"LOKET_RASA_PROCESSES": "1"})
    assert "program:rasa2" not in one.sections()
    with pytest.raises(ValueError):
        conf_for(tmp_path, {"LOKET_RASA_PROCESSES": "0"})


def test_a_bad_procfile_line_names_file_and_line(tmp_path: Path) -> None:
    procfile = tmp_path / "Procfile"
    procfile.write_text("# comment\napi: run\nno colon here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"Procfile:3"):
        read_procfile(procfile)


def test_leftover_processes_are_found_by_their_tag_and_killed(tmp_path: Path) -> None:
    tag = f"{tmp_path}|actions|"
    env = {**os.environ, "LOKET_PROCESS_TAG": tag}
    # A server's worker that outlived its parent (as after kill -9 of the parent).
    orphan = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], env=env)
    other = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"],
        env={**os.environ, "LOKET_PROCESS_TAG": f"{tmp_path}|actions2|"},
    )
    try:
        deadline = time.monotonic() + 5
        while orphan.pid not in tagged(tag) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert tagged(tag) == [orphan.pid]
        assert kill_tagged(tag) == 1
        assert orphan.wait(timeout=5) == -9
        assert other.poll() is None  # another program's processes are left alone
    finally:
        other.kill()
        other.wait()
