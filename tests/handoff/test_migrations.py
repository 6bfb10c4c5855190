"""The shipped migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from handoff.db import Database
from handoff.models import Base
from tests.postgres import TempPostgres


def assert_matches_models(db: Database) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrations_create_the_models_schema_on_sqlite(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path}/sub/dir/loket.db")  # folders are created
    db.upgrade()
    db.upgrade()  # a second run is a no-op
    assert set(inspect(db.engine).get_table_names()) >= {"cases", "deliveries", "partners"}
    assert_matches_models(db)


def test_migrations_create_the_models_schema_on_postgres(postgres: TempPostgres) -> None:
    assert_matches_models(Database(postgres.url))


def test_database_downgrades_to_nothing_and_back(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path}/loket.db")
    db.upgrade()
    db.downgrade("base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    db.upgrade()
    assert_matches_models(db)


def test_processes_starting_together_migrate_one_after_the_other(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path}/loket.db"
    code = f"from handoff.db import Database; Database({url!r}).upgrade()"
    processes = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(3)]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0]
    assert_matches_models(Database(url))


def test_upgrade_to_municipalities_keeps_every_case_and_partner_key(
    database_url: str, tmp_path: Path, catalogue_router: Any
) -> None:
    """Revision 0006: cases and partners made before it belong to the default municipality,
    and a partner key made before it (`<party>.<secret>`) still opens that partner's inbox."""
    from datetime import UTC, datetime

    from fastapi.testclient import TestClient
    from sqlalchemy import MetaData, Table, select

    from handoff.app import create_app
    from handoff.models import Case, Partner
    from handoff.security import hash_secret
    from tests.handoff.conftest import insert_old_assignment, insert_old_case, make_settings

    url = database_url  # on SQLite and on PostgreSQL
    db = Database(url)
    db.downgrade("0005")
    now = datetime.now(UTC).replace(tzinfo=None)
    old_key = "maex.made-before-municipalities-0123456789"
    with db.engine.begin() as connection:
        tables = MetaData()
        partners = Table("partners", tables, autoload_with=connection)
        case_id = insert_old_case(
            connection, "LOK-2026-000001", lead="publiek-ondernemen", callback_requested=False
        )
        insert_old_assignment(connection, case_id, "maex", "partner", 1)
        connection.execute(
            partners.insert().values(id="maex", api_key_hash=hash_secret(old_key), updated_at=now)
        )
    db.upgrade()
    assert_matches_models(db)
    with db.session() as session:
        case = session.scalars(select(Case)).one()
        assert (case.reference, case.municipality) == ("LOK-2026-000001", "delft")
        assert session.get(Partner, ("delft", "maex")) is not None
    db.dispose()
    app = create_app(make_settings(url, tmp_path), router=catalogue_router)
    with TestClient(app) as client:
        inbox = client.get("/api/v1/partner/cases", headers={"X-API-Key": old_key})
        assert inbox.status_code == 200, inbox.text
        assert [c["reference"] for c in inbox.json()] == ["LOK-2026-000001"]
        assert inbox.json()[0]["municipality"] == "delft"
