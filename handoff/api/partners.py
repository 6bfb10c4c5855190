"""The partner's side: their own cases, one intake summary per case, and status reports."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from handoff import lifecycle, repositories
from handoff.deps import PartnerDep, PartnerUser, ServicesDep, SessionDep
from handoff.headers import content_security_policy
from handoff.intake_summary import (
    SUMMARY_STYLE_SOURCE,
    IntakeSummary,
    build_summary,
    render_html,
    render_markdown,
)
from handoff.models import Case
from handoff.monitoring.records import record_case
from handoff.schemas import CaseListItem, NoteCreate, PartnerNote, PartyStatus, StatusReport

router = APIRouter(prefix="/api/v1/partner", tags=["partner"])

Format = Literal["json", "markdown", "html"]


def list_item(case: Case) -> CaseListItem:
    return CaseListItem.model_validate(case)


@router.get("/cases", summary="The cases routed to this partner, newest first")
def my_cases(
    partner: PartnerDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[CaseListItem]:
    found = repositories.cases_of_party(session, partner.municipality, partner.party, limit, offset)
    return [own_item(c, partner.party) for c in found]


def own_item(case: Case, party: str) -> CaseListItem:
    """A case in a party's list, with the status that party reported itself."""
    own = repositories.assignment_of(case, party)
    return list_item(case).model_copy(update={"party_status": own.status if own else None})


def _own_case(session: SessionDep, partner: PartnerUser, reference: str) -> Case:
    case = repositories.case_of_party(session, partner.municipality, partner.party, reference)
    if case is None:  # someone else's case looks exactly like no case
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Case not found")
    return case


def wanted_format(request: Request, explicit: Format | None) -> Format:
    if explicit is not None:
        return explicit
    accept = request.headers.get("accept", "")
    if "text/markdown" in accept:
        return "markdown"
    if "text/html" in accept:
        return "html"
    return "json"


@router.get(
    "/cases/{reference}",
    summary="The intake summary of one case (JSON, Markdown or HTML)",
    response_model=IntakeSummary,
    responses={
        200: {
            "content": {
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            }
        }
    },
)
def case_summary(
    reference: str,
    request: Request,
    partner: PartnerDep,
    session: SessionDep,
    services: ServicesDep,
    format: Annotated[Format | None, Query(description="Overrides the Accept header")] = None,
) -> Response:
    case = _own_case(session, partner, reference)
    summary = build_summary(case, services.catalogue_for(case.municipality))
    chosen = wanted_format(request, format)
    if chosen == "markdown":
        return PlainTextResponse(render_markdown(summary), media_type="text/markdown")
    if chosen == "html":
        policy = content_security_policy(
            services.settings.frame_ancestors, style=SUMMARY_STYLE_SOURCE
        )
        return HTMLResponse(render_html(summary), headers={"Content-Security-Policy": policy})
    return JSONResponse(summary.model_dump(mode="json"))


@router.post("/cases/{reference}/status", summary="Report what the partner did with a case")
def report_status(
    reference: str,
    report: StatusReport,
    partner: PartnerDep,
    session: SessionDep,
    services: ServicesDep,
) -> PartyStatus:
    case = _own_case(session, partner, reference)
    assignment = repositories.assignment_of(case, partner.party)
    assert assignment is not None  # _own_case found the case through it
    now = services.clock()
    assignment.status = report.status
    assignment.note = report.note
    assignment.updated_at = now
    detail: dict[str, Any] = {"status": report.status, "note": report.note}
    lifecycle.record(case, partner.party, "status", detail, now)
    if report.status == lifecycle.DECLINED and partner.party != case.lead:
        # Back to the owner with the reason; the case page proposes a route without them.
        case.returned_by, case.returned_reason = partner.party, report.note
        lifecycle.record(case, partner.party, "teruggestuurd", {"reden": report.note}, now)
    lifecycle.refresh(case, partner.party, now)
    record_case(session, case)  # the anonymised record follows the status (monitoring)
    session.commit()
    return PartyStatus(
        party=partner.party,
        name=services.catalogue_for(case.municipality).name_of(partner.party),
        kind="partner" if assignment.kind == "partner" else "department",
        status=assignment.status,
        note=assignment.note,
        updated_at=now,
    )


@router.post(
    "/cases/{reference}/notes",
    status_code=status.HTTP_201_CREATED,
    summary="A note for the case's owner; the partner's status stays as it is",
)
def leave_note(
    reference: str,
    body: NoteCreate,
    partner: PartnerDep,
    session: SessionDep,
    services: ServicesDep,
) -> PartnerNote:
    case = _own_case(session, partner, reference)
    now = services.clock()
    lifecycle.record(case, partner.party, lifecycle.PARTNER_NOTE, {"tekst": body.text}, now)
    case.updated_at = now
    session.commit()
    return PartnerNote(party=partner.party, text=body.text, at=now)
