"""Monitoring (#16): `case_outcomes` (a case's outcome, deleted with the case) and
`monitor_records` / `monitor_tags` (anonymised records that outlive the case).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_outcomes",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("instruments", sa.JSON(), nullable=False),
        sa.Column("sdgs", sa.JSON(), nullable=False),
        sa.Column("maex_url", sa.String(length=500), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_outcomes_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_outcomes")),
    )
    op.create_table(
        "monitor_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("municipality", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("wijk", sa.String(length=64), nullable=True),
        sa.Column("stage", sa.String(length=64), nullable=True),
        sa.Column("organisation", sa.String(length=64), nullable=True),
        sa.Column("lead", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        sa.Column("replied_in_time", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_monitor_records_case_id_cases"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_records")),
        sa.UniqueConstraint("case_id", name=op.f("uq_monitor_records_case_id")),
    )
    op.create_index(
        "ix_monitor_records_counting",
        "monitor_records",
        [
            "municipality",
            "month",
            "wijk",
            "organisation",
            "lead",
            "status",
            "outcome",
            "lead_time_days",
            "replied_in_time",
        ],
    )
    op.create_table(
        "monitor_tags",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("offered", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["monitor_records.id"],
            name=op.f("fk_monitor_tags_record_id_monitor_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", "kind", "tag", name=op.f("pk_monitor_tags")),
    )
    op.create_index(
        "ix_monitor_tags_counting",
        "monitor_tags",
        ["municipality", "kind", "tag", "month", "outcome", "status", "offered"],
    )


def downgrade() -> None:
    op.drop_index("ix_monitor_tags_counting", table_name="monitor_tags")
    op.drop_table("monitor_tags")
    op.drop_index("ix_monitor_records_counting", table_name="monitor_records")
    op.drop_table("monitor_records")
    op.drop_table("case_outcomes")
