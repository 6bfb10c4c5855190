"""The impact question (#16): the inwoner's consent to it and when it was sent (`cases`), their
answer on the outcome (`case_outcomes`, with an optional note) and the answer alone on the
anonymised record (`monitor_records.impact`, also in its counting index).

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTCOME_COLUMNS = (
    ("impact", sa.String(length=16)),
    ("impact_note", sa.String(length=300)),
    ("impact_at", sa.DateTime(timezone=True)),
)
INDEX = "ix_monitor_records_counting"


def _recreate_counting_index(with_impact: bool) -> None:
    """The covering index of the dashboard with `impact` added at its end or taken off: its
    columns as the database has them (0009 made it), so they are not written twice."""
    found = sa.inspect(op.get_bind()).get_indexes("monitor_records")
    columns = [c for c in next(i for i in found if i["name"] == INDEX)["column_names"] if c]
    columns = [c for c in columns if c != "impact"]
    op.drop_index(INDEX, table_name="monitor_records")
    op.create_index(INDEX, "monitor_records", [*columns, "impact"] if with_impact else columns)


def upgrade() -> None:
    # Columns are added in place (no batch table copy: see 0007 on SQLite's foreign keys).
    op.add_column(
        "cases",
        sa.Column("impact_consent", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("cases", sa.Column("impact_sent_at", sa.DateTime(timezone=True)))
    for name, type_ in OUTCOME_COLUMNS:
        op.add_column("case_outcomes", sa.Column(name, type_, nullable=True))
    op.add_column("monitor_records", sa.Column("impact", sa.String(length=16), nullable=True))
    _recreate_counting_index(with_impact=True)


def downgrade() -> None:
    _recreate_counting_index(with_impact=False)
    op.execute("ALTER TABLE monitor_records DROP COLUMN impact")
    for name, _ in reversed(OUTCOME_COLUMNS):
        op.execute(f"ALTER TABLE case_outcomes DROP COLUMN {name}")
    op.execute("ALTER TABLE cases DROP COLUMN impact_sent_at")
    op.execute("ALTER TABLE cases DROP COLUMN impact_consent")
