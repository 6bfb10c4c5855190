"""Tables of monitoring: a case's outcome (deleted with the case) and the anonymised records
(kept after the case is purged: no personal data, no free text)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from handoff.models import Base

RESULTS = ("geholpen", "deels", "niet")
# The inwoner's answers to the impact question (handoff.monitoring.impact), in the order the
# page shows them (Dutch B1); the keys are stored.
IMPACT_QUESTION = "Wat heeft de hulp opgeleverd?"
IMPACT_ANSWERS = {
    "gelukt": "Mijn initiatief is gestart of gelukt",
    "op-weg": "Ik ben op weg, maar nog niet klaar",
    "niets": "Het heeft (nog) niets opgeleverd",
    "gestopt": "Ik ben gestopt met mijn initiatief",
}
# Kinds of tags of an anonymised record: catalogue IDs only.
TAG_KINDS = ("need", "sdg", "party", "instrument", "offered")


class CaseOutcome(Base):
    """What came of a case, recorded by staff when it closes. The reason is free text: it is
    deleted with the case (ON DELETE CASCADE); the anonymised record keeps only the result."""

    __tablename__ = "case_outcomes"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    result: Mapped[str] = mapped_column(String(16))  # geholpen | deels | niet
    reason: Mapped[str] = mapped_column(String(300))
    instruments: Mapped[list[str]] = mapped_column(JSON)  # catalogue IDs actually used
    sdgs: Mapped[list[int]] = mapped_column(JSON)  # confirmed by staff
    maex_url: Mapped[str | None] = mapped_column(String(500))
    closed_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    # The inwoner's answer to the impact question (handoff.monitoring.impact), given once; the
    # note is free text and goes with the case, the record keeps only the answer.
    impact: Mapped[str | None] = mapped_column(String(16))
    impact_note: Mapped[str | None] = mapped_column(String(300))
    impact_at: Mapped[datetime | None]


class MonitorRecord(Base):
    """One case, anonymised: catalogue IDs, a month and numbers only. `case_id` links it to
    its live case (so writing it again updates it) and becomes NULL when the case is purged."""

    __tablename__ = "monitor_records"
    __table_args__ = (
        # Covers every dashboard query on records: read from the index alone.
        Index(
            "ix_monitor_records_counting",
            "municipality",
            "month",
            "wijk",
            "organisation",
            "lead",
            "status",
            "outcome",
            "lead_time_days",
            "replied_in_time",
            "impact",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), unique=True
    )
    municipality: Mapped[str] = mapped_column(String(64))
    month: Mapped[str] = mapped_column(String(7))  # "YYYY-MM" of the case's creation
    wijk: Mapped[str | None] = mapped_column(String(64))
    stage: Mapped[str | None] = mapped_column(String(64))
    organisation: Mapped[str | None] = mapped_column(String(64))
    lead: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32))  # the last status (where it stalled)
    outcome: Mapped[str | None] = mapped_column(String(16))  # geholpen | deels | niet
    lead_time_days: Mapped[int | None] = mapped_column(Integer)  # creation to closing
    replied_in_time: Mapped[bool | None] = mapped_column(Boolean)  # a party answered by reply_by
    impact: Mapped[str | None] = mapped_column(String(16))  # the inwoner's impact answer

    tags: Mapped[list[MonitorTag]] = relationship(
        back_populates="record", cascade="all, delete-orphan", passive_deletes=True
    )

    def tagged(self, kind: str) -> list[str]:
        return [t.tag for t in self.tags if t.kind == kind]


class MonitorTag(Base):
    """A record's needs, SDGs, parties, instruments used and instruments offered by the route.

    The record's municipality, month, status, outcome and whether its route offered an
    instrument are copied onto each tag, so the dashboard counts tags without a join
    (bench/dashboard.py: 100,000 records)."""

    __tablename__ = "monitor_tags"
    __table_args__ = (
        # Covers every dashboard query on tags: read from the index alone, grouped by tag.
        Index(
            "ix_monitor_tags_counting",
            "municipality",
            "kind",
            "tag",
            "month",
            "outcome",
            "status",
            "offered",
        ),
    )

    record_id: Mapped[int] = mapped_column(
        ForeignKey("monitor_records.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    municipality: Mapped[str] = mapped_column(String(64))
    month: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(16))
    offered: Mapped[bool] = mapped_column(Boolean)  # the route offered at least one instrument

    record: Mapped[MonitorRecord] = relationship(back_populates="tags")
