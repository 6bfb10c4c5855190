"""The numbers of the staff dashboard, counted in the database from the anonymised records
of one municipality in a period of months (handoff.monitoring.records)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from handoff.monitoring.models import MonitorRecord, MonitorTag

R = MonitorRecord
T = MonitorTag
DEMAND_KINDS = {"need": "behoefte", "sdg": "sdg"}


@dataclass(frozen=True)
class Period:
    """Months `since` to `until` inclusive, as "YYYY-MM"; None: open-ended."""

    municipality: str
    since: str | None = None
    until: str | None = None

    def where(self) -> list[ColumnElement[bool]]:
        clauses = [R.municipality == self.municipality]
        if self.since:
            clauses.append(R.month >= self.since)
        if self.until:
            clauses.append(R.month <= self.until)
        return clauses


@dataclass
class TeamRow:
    team: str
    cases: int
    closed: int
    mean_lead_time_days: float | None
    replied_in_time: int
    reply_compliance: float  # share of cases a party answered by the reply-by date


@dataclass
class UnmetRow:
    need: str
    cases: int
    without_instrument: int  # the route offered no instrument
    not_helped: int  # outcome "niet" or status "niet passend"
    unmet: int  # either of the two


@dataclass
class Dashboard:
    demand_by_month: list[tuple[str, int]] = field(default_factory=list)
    demand_by_month_and_need: list[tuple[str, str, int]] = field(default_factory=list)
    demand: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    teams: list[TeamRow] = field(default_factory=list)
    stalled: list[tuple[str, int]] = field(default_factory=list)
    instruments: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    unmet: list[UnmetRow] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _pairs(rows: Any) -> list[tuple[str, int]]:
    return sorted(((str(k), int(n)) for k, n in rows), key=lambda p: (-p[1], p[0]))


def demand(session: Session, period: Period) -> dict[str, Any]:
    """Cases per month, per month and need, and per need, wijk, SDG and organisation type."""
    where = period.where()
    by_month = session.execute(
        select(R.month, func.count()).where(*where).group_by(R.month).order_by(R.month)
    )
    tagged = (
        select(R.month, T.tag, func.count())
        .join(T, T.record_id == R.id)
        .where(*where, T.kind == "need")
        .group_by(R.month, T.tag)
        .order_by(R.month, T.tag)
    )
    totals: dict[str, list[tuple[str, int]]] = {}
    for kind, name in DEMAND_KINDS.items():
        query = (
            select(T.tag, func.count())
            .join(R, T.record_id == R.id)
            .where(*where, T.kind == kind)
            .group_by(T.tag)
        )
        totals[name] = _pairs(session.execute(query))
    for column, name in ((R.wijk, "wijk"), (R.organisation, "organisatie")):
        query = select(func.coalesce(column, "onbekend"), func.count()).where(*where)
        totals[name] = _pairs(session.execute(query.group_by(column)))
    return {
        "demand_by_month": [(m, int(n)) for m, n in by_month],
        "demand_by_month_and_need": [(m, t, int(n)) for m, t, n in session.execute(tagged)],
        "demand": totals,
    }


def teams(session: Session, period: Period) -> list[TeamRow]:
    """Per lead team: cases, closed, mean lead time, answered by the reply-by date."""
    answered = func.sum(case((R.replied_in_time.is_(True), 1), else_=0))
    query = (
        select(
            func.coalesce(R.lead, "geen"),
            func.count(),
            func.count(R.lead_time_days),
            func.avg(R.lead_time_days),
            answered,
        )
        .where(*period.where())
        .group_by(R.lead)
    )
    rows = [
        TeamRow(
            team=str(team),
            cases=int(n),
            closed=int(closed),
            mean_lead_time_days=None if mean is None else round(float(mean), 1),
            replied_in_time=int(replied or 0),
            reply_compliance=round(int(replied or 0) / int(n), 3),
        )
        for team, n, closed, mean, replied in session.execute(query)
    ]
    return sorted(rows, key=lambda r: (-r.cases, r.team))


def stalled(session: Session, period: Period) -> list[tuple[str, int]]:
    """Cases without an outcome, per last status: where cases stall."""
    query = select(R.status, func.count()).where(*period.where(), R.outcome.is_(None))
    return _pairs(session.execute(query.group_by(R.status)))


RESULTS = ("geholpen", "deels", "niet")


def instruments(session: Session, period: Period) -> list[tuple[str, dict[str, int]]]:
    """Per instrument actually used: the outcomes of the closed cases."""
    query = (
        select(T.tag, R.outcome, func.count())
        .join(R, T.record_id == R.id)
        .where(*period.where(), T.kind == "instrument", R.outcome.is_not(None))
        .group_by(T.tag, R.outcome)
    )
    table: dict[str, dict[str, int]] = {}
    for tag, outcome, n in session.execute(query):
        table.setdefault(str(tag), dict.fromkeys(RESULTS, 0))[str(outcome)] = int(n)
    return sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))


def unmet(session: Session, period: Period) -> list[UnmetRow]:
    """Per need: cases whose route offered no instrument, and cases not helped."""
    offered = exists().where(T.__table__.c.record_id == R.id, T.__table__.c.kind == "offered")
    need = T.__table__.alias("need")
    no_instrument = ~offered
    not_helped = or_(R.outcome == "niet", R.status == "niet passend")
    query = (
        select(
            need.c.tag,
            func.count(),
            func.sum(case((no_instrument, 1), else_=0)),
            func.sum(case((not_helped, 1), else_=0)),
            func.sum(case((or_(no_instrument, not_helped), 1), else_=0)),
        )
        .select_from(R)
        .join(need, and_(need.c.record_id == R.id, need.c.kind == "need"))
        .where(*period.where())
        .group_by(need.c.tag)
    )
    rows = [
        UnmetRow(str(tag), int(n), int(a or 0), int(b or 0), int(c or 0))
        for tag, n, a, b, c in session.execute(query)
    ]
    return sorted(rows, key=lambda r: (-r.unmet, -r.cases, r.need))


def outcomes(session: Session, period: Period) -> dict[str, int]:
    """Closed cases per outcome."""
    query = select(R.outcome, func.count()).where(*period.where(), R.outcome.is_not(None))
    counted = dict.fromkeys(RESULTS, 0)
    for outcome, n in session.execute(query.group_by(R.outcome)):
        counted[str(outcome)] = int(n)
    return counted


VIEWS = ("demand", "teams", "stalled", "instruments", "unmet", "outcomes")


def dashboard(session: Session, period: Period) -> Dashboard:
    return Dashboard(
        **demand(session, period),
        teams=teams(session, period),
        stalled=stalled(session, period),
        instruments=instruments(session, period),
        unmet=unmet(session, period),
        outcomes=outcomes(session, period),
    )
