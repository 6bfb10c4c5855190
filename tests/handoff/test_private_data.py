"""Personal data stays out of logs, also when the database fails; data files are private."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from handoff.db import Database, make_engine
from handoff.logs import redact
from tests.handoff.conftest import FUNDING_INTAKE, ROOT, new_case, partner_key, services_of

CONTACT = {"name": "Henk Jansen", "email": "henk.jansen@example.nl", "phone": "06 1234 5678"}


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """A real log file on the root logger, formatted as a deployment would."""
    path = tmp_path / "api.log"
    handler = logging.FileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


@contextmanager
def failing_case_writes(client: TestClient) -> Iterator[str]:
    """Every INSERT or UPDATE of a case fails inside the database; yields the dialect.

    SQLite: a trigger that writes to a missing table (an OperationalError whose statement
    carries the case's values as parameters). PostgreSQL: a CHECK that no row passes (its
    error quotes the whole row, contact details included).
    """
    db = services_of(client).db
    dialect = db.engine.dialect.name
    sqlite = [
        f"CREATE TRIGGER forced_{when} BEFORE {when} ON cases "
        "BEGIN INSERT INTO missing_table VALUES (1); END"
        for when in ("INSERT", "UPDATE")
    ]
    postgres = ["ALTER TABLE cases ADD CONSTRAINT forced_failure CHECK (false) NOT VALID"]
    with db.engine.begin() as connection:
        for statement in sqlite if dialect == "sqlite" else postgres:
            connection.execute(text(statement))
    try:
        yield dialect
    finally:
        undo = (
            ["DROP TRIGGER forced_INSERT", "DROP TRIGGER forced_UPDATE"]
            if dialect == "sqlite"
            else ["ALTER TABLE cases DROP CONSTRAINT forced_failure"]
        )
        with db.engine.begin() as connection:
            for statement in undo:
                connection.execute(text(statement))


def test_a_database_error_logs_no_contact_details(
    client: TestClient, caplog: pytest.LogCaptureFixture, log_file: Path
) -> None:
    created = new_case(client, contact=CONTACT)
    partner = partner_key(client, "delftse-fondsen")
    with caplog.at_level(logging.DEBUG), failing_case_writes(client) as dialect:
        body = {"intake": FUNDING_INTAKE, "consent": True, "contact": CONTACT}
        inserted = client.post("/api/v1/cases", json=body)
        updated = client.post(
            f"/api/v1/partner/cases/{created['reference']}/status",
            json={"status": "in behandeling"},
            headers=partner,
        )
    assert updated.status_code == 500
    assert updated.json() == {"detail": "Internal server error"}
    assert inserted.status_code == 500
    written = log_file.read_text()
    for logged in (caplog.text, written):
        assert "unhandled error on POST /api/v1/partner/cases/" in logged
        assert "Traceback" in logged  # the error itself is logged, just not the person
        for value in (*CONTACT.values(), "Henk", "henk.jansen", "1234 5678"):
            assert value not in logged, value
    if dialect == "postgresql":
        assert "Failing row contains (redacted)" in written
    else:
        assert "unhandled error on POST /api/v1/cases" in written
        assert "SQL parameters hidden" in written


def test_redaction_covers_what_databases_quote() -> None:
    quoted = {
        "[parameters: ('Henk Jansen', 'a@b.nl')]": "[parameters: redacted]",
        "DETAIL:  Failing row contains (1, Henk Jansen, null).": "Failing row contains (redacted)",
        "DETAIL:  Key (contact_name)=(Henk Jansen) already exists.": "(contact_name)=(redacted)",
        "contact_name='Henk Jansen'": "contact_name='[redacted]'",
        '{"naam": "Henk Jansen", "wijk": "Tanthof"}': '"naam": "[redacted]"',
    }
    for original, expected in quoted.items():
        cleaned = redact(original)
        assert expected in cleaned and "Henk" not in cleaned, cleaned
    assert (
        redact("wijk=Tanthof, reference LOK-2026-123456")
        == "wijk=Tanthof, reference LOK-2026-123456"
    )


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual 022, so the test shows the code, not the test runner, makes files private."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_fresh_sqlite_database_is_private(tmp_path: Path, open_umask: None) -> None:
    db = Database(f"sqlite:///{tmp_path}/var/loket.db")
    db.upgrade()
    with db.transaction() as session:  # a write: the WAL and shared-memory files exist now
        session.execute(text("SELECT 1"))
        files = [p for p in (tmp_path / "var").iterdir() if p.name.startswith("loket.db")]
        assert {p.name for p in files} >= {"loket.db", "loket.db-wal", "loket.db-shm"}
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    db.dispose()


def test_an_existing_open_database_file_is_made_private_on_start(
    tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "loket.db"
    Database(f"sqlite:///{path}").upgrade()
    path.chmod(0o644)
    make_engine(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o600


def test_the_cli_and_the_server_entry_point_create_private_files(
    tmp_path: Path, open_umask: None
) -> None:
    env = {
        **os.environ,
        "LOKET_DATABASE_URL": f"sqlite:///{tmp_path}/cli.db",
        "LOKET_STAFF_TOKEN_FILE": str(tmp_path / "staff-token"),
        "LOKET_SECRET_KEY_FILE": str(tmp_path / "secret-key"),
        "LOKET_SERVICE_TOKEN_FILE": str(tmp_path / "service-token"),
    }
    loket = ROOT / ".venv" / "bin" / "loket"
    subprocess.run([str(loket), "db", "upgrade"], env=env, check=True, capture_output=True)
    assert mode(tmp_path / "cli.db") == 0o600
    # `uvicorn handoff.main:app` imports this module: the process's umask becomes 077.
    probe = "import os, handoff.main; m = os.umask(0); print(oct(m))"
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, check=True, capture_output=True
    )
    assert result.stdout.decode().strip() == "0o77"
