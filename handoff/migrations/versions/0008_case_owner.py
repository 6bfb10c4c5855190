"""Case owner and lifecycle: the staff member who owns a case (`owner_team`, `owner_name`),
the owner's close (`closed_as`), a party's decline that sends the case back (`returned_by`,
`returned_reason`), the one escalation of an overdue case (`escalated_at`), the inwoner's
e-mails (`notify`, `checkin_sent_at`, `checkin_answer`); personal staff
accounts (`staff_accounts`). Case status "ontvangen" becomes "opgepakt", the lifecycle's word.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from handoff.migrations import schema

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("owner_team", sa.String(length=64)),
    ("owner_name", sa.String(length=200)),
    ("closed_as", sa.String(length=32)),
    ("returned_by", sa.String(length=64)),
    ("returned_reason", sa.Text()),
    ("escalated_at", sa.DateTime(timezone=True)),
    ("checkin_sent_at", sa.DateTime(timezone=True)),
    ("checkin_answer", sa.String(length=32)),
)


def upgrade() -> None:
    # Columns are added in place (no batch table copy: see 0007 on SQLite's foreign keys).
    for name, type_ in COLUMNS:
        op.add_column("cases", sa.Column(name, type_, nullable=True))
    op.add_column(
        "cases", sa.Column("notify", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.create_index("ix_cases_owner_name", "cases", ["owner_name"])
    op.create_index("ix_cases_reply_by", "cases", ["reply_by"])
    op.execute("UPDATE cases SET status = 'opgepakt' WHERE status = 'ontvangen'")
    op.create_table(
        "staff_accounts",
        schema.integer("id"),
        schema.string("email", 320),
        schema.string("municipality", 64),
        schema.string("name", 200),
        schema.string("team", 64, nullable=True),
        schema.string("role", 16),
        schema.string("password_hash", 200),
        schema.boolean("active", server_default=sa.true()),
        schema.moment("created_at"),
        schema.primary_key("staff_accounts", "id"),
        schema.unique("staff_accounts", "email"),
    )
    op.create_index(
        "ix_staff_accounts_municipality", "staff_accounts", ["municipality"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_staff_accounts_municipality", table_name="staff_accounts")
    op.drop_table("staff_accounts")
    op.execute("UPDATE cases SET status = 'ontvangen' WHERE status = 'opgepakt'")
    op.drop_index("ix_cases_reply_by", table_name="cases")
    op.drop_index("ix_cases_owner_name", table_name="cases")
    op.execute("ALTER TABLE cases DROP COLUMN notify")
    for name, _ in reversed(COLUMNS):
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
