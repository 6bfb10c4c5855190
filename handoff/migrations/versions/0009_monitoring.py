"""Monitoring (#16): `case_outcomes` (a case's outcome, deleted with the case) and
`monitor_records` / `monitor_tags` (anonymised records that outlive the case).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

from alembic import op

from handoff.migrations import schema

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_outcomes",
        schema.integer("case_id"),
        schema.string("result", 16),
        schema.string("reason", 300),
        schema.json("instruments"),
        schema.json("sdgs"),
        schema.string("maex_url", 500, nullable=True),
        schema.moment("closed_at"),
        schema.string("actor", 80),
        schema.foreign_key("case_outcomes", "case_id", "cases", ondelete="CASCADE"),
        schema.primary_key("case_outcomes", "case_id"),
    )
    op.create_table(
        "monitor_records",
        schema.integer("id"),
        schema.integer("case_id", nullable=True),
        schema.string("municipality", 64),
        schema.string("month", 7),
        schema.string("wijk", 64, nullable=True),
        schema.string("stage", 64, nullable=True),
        schema.string("organisation", 64, nullable=True),
        schema.string("lead", 64, nullable=True),
        schema.string("status", 32),
        schema.string("outcome", 16, nullable=True),
        schema.integer("lead_time_days", nullable=True),
        schema.boolean("replied_in_time", nullable=True),
        schema.foreign_key("monitor_records", "case_id", "cases", ondelete="SET NULL"),
        schema.primary_key("monitor_records", "id"),
        schema.unique("monitor_records", "case_id"),
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
        schema.integer("record_id"),
        schema.string("kind", 12),
        schema.string("tag", 64),
        schema.string("municipality", 64),
        schema.string("month", 7),
        schema.string("status", 32),
        schema.string("outcome", 16, nullable=True),
        schema.boolean("offered"),
        schema.foreign_key("monitor_tags", "record_id", "monitor_records", ondelete="CASCADE"),
        schema.primary_key("monitor_tags", "record_id", "kind", "tag"),
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
