"""The shipped migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

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
