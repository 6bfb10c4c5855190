"""Anonymised records: what a case was about and what came of it, as catalogue IDs, a month
and numbers. Written when a case closes (an outcome is recorded) and when it is purged; writing
again updates the same record. No name, contact, text, reference or exact date is copied."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from handoff.models import Case
from handoff.monitoring.models import CaseOutcome, MonitorRecord, MonitorTag

# Only these intake values are copied, and only when they are plain catalogue IDs.
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def _catalogue_id(value: object) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= 64 and set(value) <= _ID_CHARS:
        return value
    return None


def _replied_in_time(case: Case) -> bool:
    """Whether a party reported a status on or before the case's reply-by date."""
    deadline = date.fromisoformat(case.reply_by)
    return any(a.action == "status" and a.at.date() <= deadline for a in case.audit)


def _tags(case: Case, outcome: CaseOutcome | None) -> list[MonitorTag]:
    route = case.route or {}
    sdgs = [str(s) for s in outcome.sdgs] if outcome is not None else case.tagged("sdg")
    kinds: list[tuple[str, Iterable[object]]] = [
        ("need", case.tagged("need")),
        ("sdg", sdgs),
        ("party", [a.party for a in case.assignments]),
        ("instrument", outcome.instruments if outcome is not None else []),
        ("offered", route.get("instruments") or []),
    ]
    tags: list[MonitorTag] = []
    for kind, values in kinds:
        for value in dict.fromkeys(str(v) for v in values):
            if _catalogue_id(value) is not None:
                tags.append(MonitorTag(kind=kind, tag=value))
    return tags


def record_case(session: Session, case: Case) -> MonitorRecord:
    """Write (or rewrite) the anonymised record of `case`; idempotent."""
    outcome = session.get(CaseOutcome, case.id)
    record = session.scalars(
        select(MonitorRecord).where(MonitorRecord.case_id == case.id)
    ).one_or_none()
    if record is None:
        record = MonitorRecord(case_id=case.id)
        session.add(record)
    intake = case.intake or {}
    record.municipality = case.municipality
    record.month = case.created_at.strftime("%Y-%m")
    record.wijk = case.wijk
    record.stage = _catalogue_id(intake.get("stage"))
    record.organisation = _catalogue_id(intake.get("organisation"))
    record.lead = case.lead
    record.status = case.status
    record.outcome = outcome.result if outcome is not None else None
    record.lead_time_days = (
        (outcome.closed_at - case.created_at).days if outcome is not None else None
    )
    record.replied_in_time = _replied_in_time(case)
    record.impact = outcome.impact if outcome is not None else None  # the choice, never the note
    tags = _tags(case, outcome)
    copy_onto_tags(record, tags)
    record.tags[:] = tags
    return record


def copy_onto_tags(record: MonitorRecord, tags: list[MonitorTag]) -> None:
    """The record's fields the dashboard counts tags by (see MonitorTag)."""
    offered = any(t.kind == "offered" for t in tags)
    for tag in tags:
        tag.municipality = record.municipality
        tag.month = record.month
        tag.status = record.status
        tag.outcome = record.outcome
        tag.offered = offered


def record_before_purge(session: Session, cases: list[Case]) -> None:
    """Keep an anonymised record of each case about to be purged, unlinked from it."""
    for case in cases:
        record_case(session, case)
    session.flush()
    ids = [c.id for c in cases]
    if ids:
        session.execute(
            update(MonitorRecord).where(MonitorRecord.case_id.in_(ids)).values(case_id=None)
        )


def forget_cases(session: Session, cases: list[Case]) -> None:
    """An inwoner's erasure: their cases' records go too (a purge unlinks them first)."""
    ids = [c.id for c in cases]
    if ids:
        session.execute(delete(MonitorRecord).where(MonitorRecord.case_id.in_(ids)))
