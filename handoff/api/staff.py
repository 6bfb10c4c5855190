"""The staff side: the one list of all initiatives, CSV export, detail, re-route, assign and
re-sending summaries that failed."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import Response

from handoff import cases as case_service
from handoff import casework, lifecycle, repositories
from handoff.api.cases import parties_of
from handoff.api.partners import list_item
from handoff.delivery.outbox import failed_summaries
from handoff.deps import ServicesDep, SessionDep, StaffDep, StaffUser
from handoff.intake_summary import initiative_title
from handoff.models import AuditEntry, Case
from handoff.routing_engine import RouterLike
from handoff.schemas import (
    Assign,
    AuditPublic,
    CaseDetail,
    DeliveryPublic,
    StaffCaseListItem,
)
from routing import IntakeError, Route

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])

Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Filter = Annotated[str | None, Query(max_length=64)]


class CaseFilters:
    """Query parameters shared by the list and the CSV export."""

    def __init__(
        self,
        municipality: Annotated[
            str | None,
            Query(
                max_length=64,
                description="Only this municipality's cases (a municipality's staff token "
                "sees its own only).",
            ),
        ] = None,
        status: Filter = None,
        department: Filter = None,
        partner: Filter = None,
        need: Filter = None,
        wijk: Filter = None,
        sdg: Annotated[int | None, Query(ge=1, le=17)] = None,
        since: datetime | None = None,
        until: datetime | None = None,
        delivery: Annotated[
            Literal["failed", "pending", "delivered"] | None,
            Query(description="Cases with a partner summary in this delivery status."),
        ] = None,
        overdue: Annotated[
            bool,
            Query(
                description="Only cases past their reply-by date the lead team has not answered."
            ),
        ] = False,
        q: Annotated[
            str | None,
            Query(max_length=100, description="Search the reference and the initiative's text."),
        ] = None,
        owner: Filter = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> None:
        self.values = {
            "municipality": municipality,
            "status": status,
            "department": department,
            "partner": partner,
            "need": need,
            "wijk": wijk,
            "sdg": sdg,
            "since": since,
            "until": until,
            "delivery": delivery,
            "overdue": overdue,
            "q": q,
            "owner": owner,
            "limit": limit,
            "offset": offset,
        }


Filters = Annotated[CaseFilters, Depends()]


def scoped(staff: StaffUser, filters: CaseFilters) -> dict[str, Any]:
    """The filters within what this staff token may see: its own municipality's cases."""
    values = dict(filters.values)
    own = staff.municipality
    if own is not None:
        if values["municipality"] not in (None, own):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"This staff token is for municipality {own!r} only.",
            )
        values["municipality"] = own
    return values


def staff_item(case: Case, now: datetime) -> StaffCaseListItem:
    return StaffCaseListItem(
        **list_item(case).model_dump(),
        title=initiative_title(case),
        owner_team=case.owner_team,
        owner_name=case.owner_name,
        overdue=lifecycle.is_overdue(case, now),
        returned=case.returned_by is not None,
        checkin_answer=case.checkin_answer,
        failed_deliveries=len(failed_summaries(case)),
    )


def listed(
    staff: StaffUser, session: SessionDep, services: ServicesDep, filters: CaseFilters
) -> list[Case]:
    values = scoped(staff, filters)
    if values.pop("overdue"):
        values["overdue_on"] = lifecycle.local_today(services.clock())
    return repositories.search_cases(session, **values)


@router.get("/cases", summary="All cases, filtered")
def all_cases(
    staff: StaffDep, session: SessionDep, services: ServicesDep, filters: Filters
) -> list[StaffCaseListItem]:
    now = services.clock()
    return [staff_item(c, now) for c in listed(staff, session, services, filters)]


@router.get(
    "/cases.csv",
    summary="All cases, filtered, as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def export_cases(
    staff: StaffDep, session: SessionDep, services: ServicesDep, filters: Filters
) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "referentie",
            "aangemaakt",
            "initiatief",
            "status",
            "te_laat",
            "eigenaar",
            "regie",
            "wijk",
            "behoeften",
            "partners",
            "sdgs",
            "reageren_voor",
            "terugbellen",
            "gemeente",
        ]
    )
    now = services.clock()
    for case in listed(staff, session, services, filters):
        catalogue = services.catalogue_for(case.municipality)
        writer.writerow(
            [
                case.reference,
                case.created_at.isoformat(),
                initiative_title(case),
                case.status,
                "ja" if lifecycle.is_overdue(case, now) else "nee",
                case.owner_name or "",
                catalogue.name_of(case.lead) if case.lead else "",
                case.wijk or "",
                ";".join(case.needs),
                ";".join(case.partners),
                ";".join(case.tagged("sdg")),
                case.reply_by,
                "ja" if case.callback_requested else "nee",
                catalogue.municipality.name,
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="loket-cases.csv"'},
    )


def staff_case(session: SessionDep, reference: str, staff: StaffUser) -> Case:
    case = case_service.case_by_reference(session, reference)
    if case is None or not staff.sees(case.municipality):  # another municipality's: no case
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Case not found")
    return case


def case_of_path(reference: str, staff: StaffDep, session: SessionDep) -> Case:
    """The case of the path's `{reference}` for this staff member (404 when they may not see
    it); the endpoint gets the same session (FastAPI solves a dependency once per request)."""
    return staff_case(session, reference, staff)


StaffCase = Annotated[Case, Depends(case_of_path)]


def detail(case: Case, router_: RouterLike, now: datetime) -> CaseDetail:
    catalogue = router_.catalogue
    return CaseDetail(
        **staff_item(case, now).model_dump(),
        intake=case.intake,
        route=Route.model_validate(case.route),
        parties=parties_of(case, catalogue),
        deliveries=[DeliveryPublic.model_validate(d) for d in case.deliveries],
        audit=[AuditPublic.model_validate(a) for a in case.audit],
        has_contact=any((case.contact_name, case.contact_email, case.contact_phone)),
        returned_by=case.returned_by,
        returned_reason=case.returned_reason,
        proposal=casework.proposal(case, router_),
    )


@router.get("/cases/{reference}", summary="One case with reasons, statuses and audit trail")
def case_detail(case: StaffCase, services: ServicesDep) -> CaseDetail:
    return detail(case, services.router_for(case.municipality), services.clock())


@router.post("/cases/{reference}/reroute", summary="Route the case again with the current rules")
def reroute(
    case: StaffCase, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> CaseDetail:
    router_ = services.router_for(case.municipality)
    now = services.clock()
    try:
        casework.reroute(session, router_, services.settings.partners_file, case, staff.actor, now)
    except IntakeError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    session.commit()
    return detail(case, router_, now)


@router.post("/cases/{reference}/assign", summary="Assign departments and partners by hand")
def assign(
    body: Assign, case: StaffCase, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> CaseDetail:
    catalogue = services.catalogue_for(case.municipality)
    for field, values, table in (
        ("departments", body.departments, catalogue.departments),
        ("partners", body.partners, catalogue.partners),
    ):
        unknown = [v for v in values if v not in table]
        if unknown:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                [
                    {
                        "loc": ["body", field],
                        "type": "enum",
                        "msg": f"Unknown value {unknown[0]!r}; "
                        f"valid values: {', '.join(sorted(table))}",
                    }
                ],
            )
    now = services.clock()
    before = [a.party for a in case.assignments]
    case_service.assign(case, body.departments, body.partners, now)
    casework.deliver_again(session, services.settings.partners_file, catalogue, case, before, now)
    case.audit.append(
        AuditEntry(
            at=now,
            actor=staff.actor,
            action="toegewezen",
            detail={"voor": before, "na": [a.party for a in case.assignments], "note": body.note},
        )
    )
    lifecycle.refresh(case, staff.actor, now)
    session.commit()
    return detail(case, services.router_for(case.municipality), now)


@router.post(
    "/cases/{reference}/resend",
    summary="Send the summaries that failed again (a fresh retry window, the same key)",
    responses={409: {"description": "No summary of this case has failed"}},
)
def resend(
    case: StaffCase, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> CaseDetail:
    now = services.clock()
    try:
        casework.resend(case, staff.actor, now)
    except casework.NothingToResend as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, "No failed delivery to send again") from exc
    session.commit()
    return detail(case, services.router_for(case.municipality), now)
