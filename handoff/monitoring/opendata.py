"""Open data: the anonymised records of one municipality, counted per month, wijk, need,
organisation type and outcome. Rows counting fewer than k cases are left out (k-anonymity);
no free text, no personal data. Schema: `open-data.schema.json` (docs/open-data.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from handoff.deps import ServicesDep, SessionDep
from handoff.monitoring.models import MonitorRecord, MonitorTag

SCHEMA_FILE = Path(__file__).with_name("open-data.schema.json")
COLUMNS = ("maand", "wijk", "behoefte", "organisatie", "uitkomst", "aantal", "doorlooptijd_dagen")
UNKNOWN = "onbekend"
OPEN = "open"

router = APIRouter(tags=["open data"])


def open_data_rows(session: Session, municipality: str, min_count: int) -> list[dict[str, Any]]:
    """The counted rows with at least `min_count` cases, ordered. A case with several needs
    counts once per need; a case without a need counts under `onbekend`."""
    need = select(MonitorTag.record_id, MonitorTag.tag).where(MonitorTag.kind == "need").subquery()
    keys = (
        MonitorRecord.month,
        MonitorRecord.wijk,
        need.c.tag,
        MonitorRecord.organisation,
        MonitorRecord.outcome,
    )
    query = (
        select(*keys, func.count(), func.avg(MonitorRecord.lead_time_days))
        .select_from(MonitorRecord)
        .outerjoin(need, need.c.record_id == MonitorRecord.id)
        .where(MonitorRecord.municipality == municipality)
        .group_by(*keys)
        .having(func.count() >= min_count)
    )
    rows = []
    for month, wijk, tag, organisation, outcome, count, lead in session.execute(query):
        rows.append(
            {
                "maand": month,
                "wijk": wijk or UNKNOWN,
                "behoefte": tag or UNKNOWN,
                "organisatie": organisation or UNKNOWN,
                "uitkomst": outcome or OPEN,
                "aantal": int(count),
                "doorlooptijd_dagen": None if lead is None else round(float(lead), 1),
            }
        )
    rows.sort(key=lambda r: tuple(str(r[c]) for c in COLUMNS[:5]))
    return rows


def _not_found(request: Request, municipality: str, known: list[str], as_json: bool) -> Response:
    if as_json:
        return JSONResponse(
            status_code=404,
            content={"detail": f"Unknown municipality {municipality!r}; known: {', '.join(known)}"},
        )
    from handoff.web.pages import page  # the pages' layout (imported late: no import cycle)

    response = page(
        request, "open-data-niet-gevonden.html", title="Gemeente niet gevonden", known=known
    )
    response.status_code = 404
    return response


class Export:
    """What both formats need: the municipality checked, the threshold and the rows."""

    def __init__(
        self,
        municipality: str,
        request: Request,
        session: SessionDep,
        services: ServicesDep,
    ) -> None:
        self.municipality = municipality
        self.known = list(services.municipalities().ids)
        self.request = request
        self.k = services.settings.open_data_min_count
        self.session = session

    def not_found(self, as_json: bool) -> Response | None:
        if self.municipality in self.known:
            return None
        return _not_found(self.request, self.municipality, self.known, as_json=as_json)

    def rows(self) -> list[dict[str, Any]]:
        return open_data_rows(self.session, self.municipality, self.k)


ExportDep = Annotated[Export, Depends()]


@router.get(
    "/open-data/{municipality}/cases.json",
    summary="Open data: anonymised case counts of a municipality (k-anonymous)",
    responses={404: {"description": "Unknown municipality"}},
)
def cases_json(export: ExportDep) -> Response:
    refused = export.not_found(as_json=True)
    if refused is not None:
        return refused
    body = {"gemeente": export.municipality, "minimum_aantal": export.k, "rijen": export.rows()}
    return JSONResponse(body)


@router.get(
    "/open-data/{municipality}/cases.csv",
    summary="Open data: the same counts as CSV",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        404: {"description": "Unknown municipality (a Dutch page)"},
    },
)
def cases_csv(export: ExportDep) -> Response:
    refused = export.not_found(as_json=False)
    if refused is not None:
        return refused
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in export.rows():
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    filename = f"loket-{export.municipality}-cases.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/open-data/schema.json", summary="The JSON Schema of the open data (cases.json)")
def schema() -> JSONResponse:
    return JSONResponse(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
