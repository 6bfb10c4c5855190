"""The staff accounts' audit trail (`account_events`): deactivation, activation, a new
password set by a beheerder, an account made at sign-in through the identity provider.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

from handoff.migrations import schema

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_events",
        schema.integer("id"),
        schema.integer("account_id"),
        schema.moment("at"),
        schema.string("actor", 80),
        schema.string("action", 40),
        schema.foreign_key("account_events", "account_id", "staff_accounts", ondelete="CASCADE"),
        schema.primary_key("account_events", "id"),
    )
    op.create_index("ix_account_events_account_id", "account_events", ["account_id"])


def downgrade() -> None:
    op.drop_index("ix_account_events_account_id", table_name="account_events")
    op.drop_table("account_events")
