"""Anonymised records with hand-counted numbers, for the open data and dashboard tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from handoff.monitoring.models import MonitorRecord, MonitorTag
from handoff.monitoring.records import copy_onto_tags

# The fields of a case that has not closed and was offered nothing yet: no outcome, lead time
# or instruments offered or used.
STILL_OPEN: dict[str, Any] = {
    "outcome": None,
    "lead_time_days": None,
    "instruments": (),
    "offered": (),
}


# A closed case of Delft's: the fields of a record that a test leaves out.
RECORD: dict[str, Any] = {
    "municipality": "delft",
    "month": "2026-01",
    "wijk": "Tanthof",
    "stage": "idee",
    "organisation": "bewoner",
    "lead": "publiek-ondernemen",
    "status": "afgerond",
    "outcome": "geholpen",
    "lead_time_days": 10,
    "replied_in_time": True,
    "impact": None,
}


def add_record(
    session: Session,
    *,
    needs: tuple[str, ...] = ("financiering",),
    sdgs: tuple[str, ...] = ("11",),
    instruments: tuple[str, ...] = ("subsidiescan",),
    offered: tuple[str, ...] = ("subsidiescan",),
    parties: tuple[str, ...] = ("publiek-ondernemen",),
    count: int = 1,
    **fields: Any,
) -> None:
    """`count` records with these tags; `fields`: a MonitorRecord's columns other than RECORD's."""
    for _ in range(count):
        record = MonitorRecord(**{**RECORD, **fields})
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
