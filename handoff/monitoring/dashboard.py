"""The numbers of the staff dashboard, counted in the database from the anonymised records
of one municipality in a period of months (handoff.monitoring.records)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from handoff.monitoring.models import IMPACT_ANSWERS, RESULTS, MonitorRecord, MonitorTag

R = MonitorRecord
T = MonitorTag


@dataclass(frozen=True)
class Period:
    """Months `since` to `until` inclusive, as "YYYY-MM"; None: open-ended."""

    municipality: str
    since: str | None = None
    until: str | None = None

    def where(self, table: Any = R) -> list[ColumnElement[bool]]:
        """The clauses on `R` (records) or `T` (tags: they carry municipality and month)."""
        clauses = [table.municipality == self.municipality]
        if self.since:
            clauses.append(table.month >= self.since)
        if self.until:
            clauses.append(table.month <= self.until)
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
    impact: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _pairs(rows: Any) -> list[tuple[str, int]]:
    return sorted(((str(k), int(n)) for k, n in rows), key=lambda p: (-p[1], p[0]))


def demand_over_time(session: Session, period: Period) -> dict[str, Any]:
    """Cases per month, per month and need, and per need."""
    by_month = session.execute(
        select(R.month, func.count()).where(*period.where()).group_by(R.month).order_by(R.month)
    )
    needs: dict[str, int] = {}
    month_need: list[tuple[str, str, int]] = []
    tags = (
        select(T.tag, T.month, func.count())
        .where(*period.where(T), T.kind == "need")
        .group_by(T.tag, T.month)  # the index's order
    )
    for tag, month, n in session.execute(tags):
        needs[tag] = needs.get(tag, 0) + n
        month_need.append((month, tag, int(n)))
    return {
        "demand_by_month": [(m, int(n)) for m, n in by_month],
        "demand_by_month_and_need": sorted(month_need),
        "demand": {"behoefte": _pairs(needs.items())},
    }


def demand_by_kind(session: Session, period: Period) -> dict[str, list[tuple[str, int]]]:
    """Cases per wijk, SDG and organisation type."""
    sdgs = select(T.tag, func.count()).where(*period.where(T), T.kind == "sdg").group_by(T.tag)
    totals = {"sdg": _pairs(session.execute(sdgs))}
    for column, name in ((R.wijk, "wijk"), (R.organisation, "organisatie")):
        query = select(func.coalesce(column, "onbekend"), func.count()).where(*period.where())
        totals[name] = _pairs(session.execute(query.group_by(column)))
    return totals


def demand(session: Session, period: Period) -> dict[str, Any]:
    """Both demand views together, as the dashboard shows them."""
    over_time = demand_over_time(session, period)
    over_time["demand"] = {**over_time["demand"], **demand_by_kind(session, period)}
    return over_time


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


def instruments(session: Session, period: Period) -> list[tuple[str, dict[str, int]]]:
    """Per instrument actually used: the outcomes of the closed cases."""
    query = (
        select(T.tag, T.outcome, func.count())
        .where(*period.where(T), T.kind == "instrument", T.outcome.is_not(None))
        .group_by(T.tag, T.outcome)
    )
    table: dict[str, dict[str, int]] = {}
    for tag, outcome, n in session.execute(query):
        table.setdefault(str(tag), dict.fromkeys(RESULTS, 0))[str(outcome)] = int(n)
    return sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))


def unmet(session: Session, period: Period) -> list[UnmetRow]:
    """Per need: cases whose route offered no instrument, and cases not helped."""
    no_instrument = T.offered.is_(False)
    not_helped = or_(T.outcome == "niet", T.status == "niet passend")
    query = (
        select(
            T.tag,
            func.count(),
            func.sum(case((no_instrument, 1), else_=0)),
            func.sum(case((not_helped, 1), else_=0)),
            func.sum(case((or_(no_instrument, not_helped), 1), else_=0)),
        )
        .where(*period.where(T), T.kind == "need")
        .group_by(T.tag)
    )
    rows = [
        UnmetRow(str(tag), int(n), int(a or 0), int(b or 0), int(c or 0))
        for tag, n, a, b, c in session.execute(query)
    ]
    return sorted(rows, key=lambda r: (-r.unmet, -r.cases, r.need))


def _count_answers(
    session: Session, period: Period, column: Any, answers: Iterable[str]
) -> dict[str, int]:
    """Records per value of `column` (outcome, impact answer): every answer, also 0."""
    query = select(column, func.count()).where(*period.where(), column.is_not(None))
    counted = dict.fromkeys(answers, 0)
    for answer, n in session.execute(query.group_by(column)):
        counted[str(answer)] = int(n)
    return counted


def outcomes(session: Session, period: Period) -> dict[str, int]:
    """Closed cases per outcome."""
    return _count_answers(session, period, R.outcome, RESULTS)


def impact(session: Session, period: Period) -> dict[str, int]:
    """The inwoners' answers to the impact question, per answer."""
    return _count_answers(session, period, R.impact, IMPACT_ANSWERS)


# The dashboard's views (its sections); bench/dashboard.py times each.
VIEWS = (
    "demand_over_time",
    "demand_by_kind",
    "teams",
    "stalled",
    "instruments",
    "unmet",
    "outcomes",
    "impact",
)


def dashboard(session: Session, period: Period) -> Dashboard:
    return Dashboard(
        **demand(session, period),
        teams=teams(session, period),
        stalled=stalled(session, period),
        instruments=instruments(session, period),
        unmet=unmet(session, period),
        outcomes=outcomes(session, period),
        impact=impact(session, period),
    )
