"""Deliveries retry for a time window and can be re-sent; alerts; heartbeats of the worker.

`deliveries.kind` tells a partner summary from an alert to the lead team; `queued_at` starts
the retry window (created, or re-sent by staff). `heartbeats` holds the last beat of each
long-running process that has no HTTP port (the delivery worker), for /health.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(16), nullable=False, server_default="summary")
        )
        batch_op.add_column(sa.Column("queued_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE deliveries SET queued_at = created_at")
    op.create_table(
        "heartbeats",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_heartbeats")),
    )


def downgrade() -> None:
    op.drop_table("heartbeats")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("queued_at")
        batch_op.drop_column("kind")
