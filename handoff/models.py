"""Typed SQLAlchemy 2 models: cases, assignments, deliveries (outbox), partners, audit, beats."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every database (SQLite stores no zone: it is added back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
    }


def _of_case(order_by: str, **options: Any) -> Any:
    """A case's rows in another table: deleted with the case (the database's ON DELETE
    CASCADE does it; `passive_deletes` leaves it to the database)."""
    return relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by=order_by,
        **options,
    )


class Case(Base):
    """An initiative handed off with consent. Contact fields hold only what was given."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    # The catalogue municipality ID: its catalogue names the parties; staff and partners of
    # another municipality never see the case.
    municipality: Mapped[str] = mapped_column(String(64), index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(32), index=True)
    intake: Mapped[dict[str, Any]]
    route: Mapped[dict[str, Any]]
    lead: Mapped[str | None] = mapped_column(String(64), index=True)
    wijk: Mapped[str | None] = mapped_column(String(64), index=True)
    reply_by: Mapped[str] = mapped_column(String(10), index=True)
    consent_at: Mapped[datetime]
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_time: Mapped[str | None] = mapped_column(String(100))
    callback_requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    conversation_id: Mapped[str | None] = mapped_column(String(200), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    request_hash: Mapped[str | None] = mapped_column(String(64))  # of the idempotent request
    # The owner (handoff.lifecycle): a staff member of the lead team (or the loket team).
    owner_team: Mapped[str | None] = mapped_column(String(64))
    owner_name: Mapped[str | None] = mapped_column(String(200), index=True)
    closed_as: Mapped[str | None] = mapped_column(String(32))  # the owner closed the case
    # A party declined ("niet passend"): the case is back with its owner, with the reason.
    returned_by: Mapped[str | None] = mapped_column(String(64))
    returned_reason: Mapped[str | None] = mapped_column(Text)
    escalated_at: Mapped[datetime | None]  # overdue, mailed to the coördinator (once)
    # The inwoner agreed to e-mails about their case (status changes, one check-in).
    notify: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    checkin_sent_at: Mapped[datetime | None]
    checkin_answer: Mapped[str | None] = mapped_column(
        String(32)
    )  # geholpen|wacht nog|nieuwe vraag
    # The inwoner agreed to one impact question after the case closed (handoff.monitoring.impact).
    impact_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    impact_sent_at: Mapped[datetime | None]

    assignments: Mapped[list[Assignment]] = _of_case("Assignment.position")
    deliveries: Mapped[list[Delivery]] = _of_case("Delivery.id")
    audit: Mapped[list[AuditEntry]] = _of_case("AuditEntry.id")
    tags: Mapped[list[CaseTag]] = _of_case("[CaseTag.kind, CaseTag.position]", lazy="selectin")

    def tagged(self, kind: str) -> list[str]:
        """The case's needs (`"need"`) or SDGs (`"sdg"`), in the route's order."""
        return [t.tag for t in self.tags if t.kind == kind]

    @property
    def needs(self) -> list[str]:
        return self.tagged("need")

    @property
    def partners(self) -> list[str]:
        """The partner organisations among its parties (catalogue IDs), in the route's order."""
        return [a.party for a in self.assignments if a.kind == "partner"]


class CaseTag(Base):
    """Cases and the catalogue needs and SDGs they are about, many to many: a case has several,
    a need tags many cases. The tags are catalogue IDs (like `Assignment.party`)."""

    __tablename__ = "case_tags"
    __table_args__ = (Index("ix_case_tags_kind_tag", "kind", "tag"),)

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # "need" | "sdg"
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in the route

    case: Mapped[Case] = relationship(back_populates="tags")


class Assignment(Base):
    """A department or partner a case is routed to, with the status it reported."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    party: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "department" | "partner"
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="assignments")


class Delivery(Base):
    """Outbox row: one summary to one receiver over one channel. `key` is the idempotency key."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    party: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))  # "webhook" | "email"
    # "summary" (the intake summary to a party) | "alert" (a failed delivery, to the lead team)
    kind: Mapped[str] = mapped_column(String(16), default="summary", server_default="summary")
    target: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending|delivered|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    # Start of the retry window (LOKET_DELIVERY_MAX_AGE_HOURS): creation, or a re-send.
    queued_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="deliveries")


class Heartbeat(Base):
    """The last sign of life of a process without an HTTP port (the delivery worker)."""

    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    beat_at: Mapped[datetime]


class Partner(Base):
    """Delivery configuration and API key of a partner (or a team) by its catalogue ID, per
    municipality: partner IDs are per catalogue, and a key opens only its municipality's cases."""

    __tablename__ = "partners"

    municipality: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    api_key_hash: Mapped[str | None] = mapped_column(String(64))
    webhook_url: Mapped[str | None] = mapped_column(String(500))
    webhook_secret: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    updated_at: Mapped[datetime]


class AuditEntry(Base):
    """Who changed what on a case (status reports, re-routes, assignments)."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]]

    case: Mapped[Case] = relationship(back_populates="audit")


class StaffAccount(Base):
    """A staff member's own account in one municipality: a role (handoff.accounts) and an
    argon2 password hash. Machine clients keep the shared staff token."""

    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    municipality: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(64))  # catalogue department ID
    role: Mapped[str] = mapped_column(String(16))  # medewerker | coordinator | beheerder
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime]


class AccountEvent(Base):
    """Who changed a staff account and how (deactivated, activated, new password, made at
    sign-in through the municipality's identity provider): the accounts' audit trail."""

    __tablename__ = "account_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
