"""Anonymised records with hand-counted numbers, for the open data and dashboard tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from handoff.monitoring.models import MonitorRecord, MonitorTag
from handoff.monitoring.records import copy_onto_tags

# The fields of a case that has not closed: no outcome, lead time or instruments used.
STILL_OPEN: dict[str, Any] = {
    "outcome": None,
    "lead_time_days": None,
    "instruments": (),
}


def add_record(
    session: Session,
    *,
    municipality: str = "delft",
    month: str = "2026-01",
    wijk: str | None = "Tanthof",
    needs: tuple[str, ...] = ("financiering",),
    organisation: str | None = "bewoner",
    stage: str | None = "idee",
    lead: str | None = "publiek-ondernemen",
    status: str = "afgerond",
    outcome: str | None = "geholpen",
    lead_time_days: int | None = 10,
    replied_in_time: bool | None = True,
    impact: str | None = None,
    sdgs: tuple[str, ...] = ("11",),
    instruments: tuple[str, ...] = ("subsidiescan",),
    offered: tuple[str, ...] = ("subsidiescan",),
    parties: tuple[str, ...] = ("publiek-ondernemen",),
    count: int = 1,
) -> None:
    for _ in range(count):
        record = MonitorRecord(
            municipality=municipality,
            month=month,
            wijk=wijk,
            stage=stage,
            organisation=organisation,
            lead=lead,
            status=status,
            outcome=outcome,
            lead_time_days=lead_time_days,
            replied_in_time=replied_in_time,
            impact=impact,
        )
        for kind, tags in (
            ("need", needs),
            ("sdg", sdgs),
            ("instrument", instruments),
            ("offered", offered),
            ("party", parties),
        ):
            record.tags.extend(MonitorTag(kind=kind, tag=t) for t in tags)
        copy_onto_tags(record, record.tags)
        session.add(record)
