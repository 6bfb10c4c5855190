"""A case and a partner belong to a municipality; existing rows get the default municipality.

Partner IDs are per catalogue (Haarlem has its own `economie`), so a partner's key is
(municipality, id).

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from handoff.settings import Settings

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    default = Settings().default_municipality  # LOKET_DEFAULT_MUNICIPALITY, delft
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("municipality", sa.String(length=64), nullable=False, server_default=default)
        )
        batch_op.create_index(batch_op.f("ix_cases_municipality"), ["municipality"], unique=False)
    # The cases column keeps its server default: removing it would make SQLite rebuild the
    # table, and dropping the old `cases` cascades to assignments, deliveries and audit.
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("municipality", sa.String(length=64), nullable=False, server_default=default)
        )
        batch_op.drop_constraint("pk_partners", type_="primary")
        batch_op.create_primary_key("pk_partners", ["municipality", "id"])
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.alter_column("municipality", server_default=None)


def downgrade() -> None:
    # Partners of other municipalities cannot keep their IDs in one namespace: only the
    # default municipality's rows stay.
    default = Settings().default_municipality
    op.execute(sa.text("DELETE FROM partners WHERE municipality != :m").bindparams(m=default))
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_constraint("pk_partners", type_="primary")
        batch_op.create_primary_key("pk_partners", ["id"])
        batch_op.drop_column("municipality")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_municipality"))
    # A plain DROP COLUMN (SQLite 3.35+), not a rebuild of `cases` (see upgrade).
    op.drop_column("cases", "municipality")
