"""Queries over cases: a partner's own cases and the staff list with filters."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.orm import Session, selectinload

from handoff.models import Assignment, Case, CaseTag, Delivery


def _with_parties(query: Select[Case]) -> Select[Case]:
    return query.options(selectinload(Case.assignments))


def cases_of_party(
    session: Session, municipality: str, party: str, limit: int, offset: int
) -> list[Case]:
    """The cases of `municipality` routed to `party` (its partner IDs are its own)."""
    query = (
        select(Case)
        .join(Assignment, Assignment.case_id == Case.id)
        .where(Case.municipality == municipality, Assignment.party == party)
        .order_by(Case.created_at.desc(), Case.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(_with_parties(query)).unique())


def case_of_party(session: Session, municipality: str, party: str, reference: str) -> Case | None:
    """The case if it is routed to `party` of `municipality`; None for another party's or
    municipality's case, or none at all."""
    query = (
        select(Case)
        .join(Assignment, Assignment.case_id == Case.id)
        .where(
            Case.reference == reference,
            Case.municipality == municipality,
            Assignment.party == party,
        )
    )
    return session.scalars(_with_parties(query)).unique().one_or_none()


def assignment_of(case: Case, party: str) -> Assignment | None:
    return next((a for a in case.assignments if a.party == party), None)


def _contains(value: str) -> str:
    """A LIKE pattern for `value` anywhere, its wildcards taken literally."""
    for char in ("!", "%", "_"):
        value = value.replace(char, "!" + char)
    return f"%{value}%"


def search_cases(
    session: Session,
    *,
    municipality: str | None = None,
    status: str | None = None,
    department: str | None = None,
    partner: str | None = None,
    need: str | None = None,
    wijk: str | None = None,
    sdg: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    delivery: str | None = None,
    overdue_on: date | None = None,
    q: str | None = None,
    owner: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Case]:
    query = select(Case)
    if overdue_on is not None:  # as handoff.lifecycle.is_overdue, in SQL (ISO dates sort)
        query = query.where(Case.status == "nieuw", Case.reply_by < overdue_on.isoformat())
    if q:
        # The intake is stored as JSON text, with non-ASCII letters as \u escapes: the
        # search looks for the words as typed and as JSON writes them.
        text = func.lower(cast(Case.intake, String))
        typed, escaped = _contains(q.lower()), _contains(json.dumps(q.lower())[1:-1])
        query = query.where(
            or_(
                func.lower(Case.reference).like(typed, escape="!"),
                text.like(typed, escape="!"),
                text.like(escaped, escape="!"),
            )
        )
    if owner:
        query = query.where(Case.owner_name == owner)
    if delivery:  # "failed": a summary that was not delivered in its retry window
        query = query.where(
            select(Delivery.id)
            .where(
                Delivery.case_id == Case.id,
                Delivery.kind == "summary",
                Delivery.status == delivery,
            )
            .exists()
        )
    if municipality:
        query = query.where(Case.municipality == municipality)
    if status:
        query = query.where(Case.status == status)
    for party, kind in ((department, "department"), (partner, "partner")):
        if party:
            query = query.where(
                select(Assignment.id)
                .where(
                    Assignment.case_id == Case.id,
                    Assignment.party == party,
                    Assignment.kind == kind,
                )
                .exists()
            )
    if need:
        query = query.where(Case.tags.any((CaseTag.kind == "need") & (CaseTag.tag == need)))
    if sdg is not None:
        query = query.where(Case.tags.any((CaseTag.kind == "sdg") & (CaseTag.tag == str(sdg))))
    if wijk:
        query = query.where(Case.wijk == wijk)
    if since:
        query = query.where(Case.created_at >= since)
    if until:
        query = query.where(Case.created_at < until)
    query = query.order_by(Case.created_at.desc(), Case.id.desc()).limit(limit).offset(offset)
    return list(session.scalars(_with_parties(query).options(selectinload(Case.deliveries))))
