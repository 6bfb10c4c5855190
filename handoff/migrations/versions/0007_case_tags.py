"""Tags in a table of their own: `case_tags` (case, kind "need"/"sdg", tag, position) instead
of the ",a,b," strings `cases.need_tags` / `cases.sdg_tags` matched with LIKE. Every existing
case keeps its tags, in their order; the downgrade writes the strings back.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from handoff.migrations import schema

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000
KINDS = (("need", "need_tags"), ("sdg", "sdg_tags"))

cases = sa.table(
    "cases",
    sa.column("id", sa.Integer),
    sa.column("need_tags", sa.String),
    sa.column("sdg_tags", sa.String),
)
case_tags = sa.table(
    "case_tags",
    sa.column("case_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("tag", sa.String),
    sa.column("position", sa.Integer),
)


def _tag_rows(connection: sa.Connection) -> Iterator[dict[str, Any]]:
    query = sa.select(cases.c.id, cases.c.need_tags, cases.c.sdg_tags).order_by(cases.c.id)
    for row in connection.execute(query).mappings():
        for kind, column in KINDS:
            tags = dict.fromkeys(t for t in (row[column] or "").split(",") if t)
            for position, tag in enumerate(tags):
                yield {"case_id": row["id"], "kind": kind, "tag": tag, "position": position}


def upgrade() -> None:
    op.create_table(
        "case_tags",
        schema.integer("case_id"),
        schema.string("kind", 8),
        schema.string("tag", 64),
        schema.integer("position"),
        schema.foreign_key("case_tags", "case_id", "cases", ondelete="CASCADE"),
        schema.primary_key("case_tags", "case_id", "kind", "tag"),
    )
    op.create_index("ix_case_tags_kind_tag", "case_tags", ["kind", "tag"])
    connection = op.get_bind()
    rows = list(_tag_rows(connection))
    for start in range(0, len(rows), BATCH):
        connection.execute(case_tags.insert(), rows[start : start + BATCH])
    # Plain ALTER TABLE (SQLite 3.35+), not a batch table copy: on SQLite, dropping the old
    # `cases` table with foreign keys on would delete every case's rows in the other tables.
    for _, column in KINDS:
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")


def downgrade() -> None:
    # Added in place (SQLite needs a default for a NOT NULL column; it stays).
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("need_tags", sa.String(length=400), nullable=False, server_default=",")
        )
        batch_op.add_column(
            sa.Column("sdg_tags", sa.String(length=100), nullable=False, server_default=",")
        )
    connection = op.get_bind()
    strings: dict[int, dict[str, str]] = {}
    query = sa.select(case_tags).order_by(case_tags.c.case_id, case_tags.c.position)
    for row in connection.execute(query).mappings():
        column = dict(KINDS)[row["kind"]]
        case = strings.setdefault(row["case_id"], {"need_tags": ",", "sdg_tags": ","})
        case[column] += f"{row['tag']},"
    for case_id, values in strings.items():
        connection.execute(cases.update().where(cases.c.id == case_id).values(**values))
    op.drop_index("ix_case_tags_kind_tag", table_name="case_tags")
    op.drop_table("case_tags")
