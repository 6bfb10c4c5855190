"""Alembic environment: runs on the connection handed over by `handoff.db.Database.upgrade`."""

from __future__ import annotations

from alembic import context

from handoff.db import make_engine
from handoff.models import Base
from handoff.monitoring import models as _monitoring  # noqa: F401  (its tables)

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///var/loket.db"
    with make_engine(url).begin() as own_connection:
        context.configure(connection=own_connection, target_metadata=Base.metadata)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
