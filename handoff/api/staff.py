"""The staff side: the one list of all initiatives, CSV export, detail, re-route, assign and
re-sending summaries that failed."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import Response

from handoff import cases as case_service
from handoff import repositories
from handoff.api.cases import parties_of
from handoff.api.partners import list_item
from handoff.delivery.outbox import failed_summaries, plan_deliveries, resend_failed
from handoff.deps import RouterDep, ServicesDep, SessionDep, StaffDep
from handoff.models import AuditEntry, Case
from handoff.routing_engine import RouterLike
from handoff.schemas import (
    Assign,
    AuditPublic,
    CaseDetail,
    DeliveryPublic,
    StaffCaseListItem,
)
from routing import Intake, IntakeError, Route

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])

Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Filter = Annotated[str | None, Query(max_length=64)]


class CaseFilters:
    """Query parameters shared by the list and the CSV export."""

    def __init__(
        self,
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
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> None:
        self.values = {
            "status": status,
            "department": department,
            "partner": partner,
            "need": need,
            "wijk": wijk,
            "sdg": sdg,
            "since": since,
            "until": until,
            "delivery": delivery,
            "limit": limit,
            "offset": offset,
        }


Filters = Annotated[CaseFilters, Depends()]


def staff_item(case: Case) -> StaffCaseListItem:
    return StaffCaseListItem(
        **list_item(case).model_dump(), failed_deliveries=len(failed_summaries(case))
    )


@router.get("/cases", summary="All cases, filtered")
def all_cases(_: StaffDep, session: SessionDep, filters: Filters) -> list[StaffCaseListItem]:
    return [staff_item(c) for c in repositories.staff_cases(session, **filters.values)]  # type: ignore[arg-type]


@router.get(
    "/cases.csv",
    summary="All cases, filtered, as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def export_cases(
    _: StaffDep, session: SessionDep, router_: RouterDep, filters: Filters
) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "referentie",
            "aangemaakt",
            "status",
            "regie",
            "wijk",
            "behoeften",
            "partners",
            "sdgs",
            "reageren_voor",
            "terugbellen",
        ]
    )
    for case in repositories.staff_cases(session, **filters.values):  # type: ignore[arg-type]
        writer.writerow(
            [
                case.reference,
                case.created_at.isoformat(),
                case.status,
                router_.catalogue.name_of(case.lead) if case.lead else "",
                case.wijk or "",
                ";".join(n for n in case.need_tags.split(",") if n),
                ";".join(a.party for a in case.assignments if a.kind == "partner"),
                ";".join(s for s in case.sdg_tags.split(",") if s),
                case.reply_by,
                "ja" if case.callback_requested else "nee",
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="loket-cases.csv"'},
    )


def _case(session: SessionDep, reference: str) -> Case:
    case = case_service.case_by_reference(session, reference)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Case not found")
    return case


def detail(case: Case, router_: RouterLike) -> CaseDetail:
    return CaseDetail(
        **staff_item(case).model_dump(),
        intake=case.intake,
        route=Route.model_validate(case.route),
        parties=parties_of(case, router_.catalogue),
        deliveries=[
            DeliveryPublic(
                key=d.key,
                party=d.party,
                channel=d.channel,
                kind=d.kind,
                status=d.status,
                attempts=d.attempts,
                last_error=d.last_error,
                delivered_at=d.delivered_at,
            )
            for d in case.deliveries
        ],
        audit=[
            AuditPublic(at=a.at, actor=a.actor, action=a.action, detail=a.detail)
            for a in case.audit
        ],
        has_contact=any((case.contact_name, case.contact_email, case.contact_phone)),
    )


@router.get("/cases/{reference}", summary="One case with reasons, statuses and audit trail")
def case_detail(reference: str, _: StaffDep, session: SessionDep, router_: RouterDep) -> CaseDetail:
    return detail(_case(session, reference), router_)


def _deliver_again(
    session: SessionDep,
    services: ServicesDep,
    router_: RouterLike,
    case: Case,
    before: list[str],
    now: datetime,
) -> None:
    """After a re-route or assignment, parties added get the summary, and parties whose
    summary failed get it again."""
    parties = [a.party for a in case.assignments]
    plan_deliveries(
        session,
        case,
        [p for p in parties if p not in before],
        router_.catalogue,
        services.settings.partners_file,
        now,
    )
    resend_failed(case, now, parties)
    case.updated_at = now


@router.post("/cases/{reference}/reroute", summary="Route the case again with the current rules")
def reroute(
    reference: str,
    staff: StaffDep,
    session: SessionDep,
    router_: RouterDep,
    services: ServicesDep,
) -> CaseDetail:
    case = _case(session, reference)
    now = datetime.now(UTC)
    try:
        route = router_.route(Intake.model_validate(case.intake))
    except IntakeError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    before = [a.party for a in case.assignments]
    case_service.apply_route(case, route, now, case_service.consent_of(case))
    _deliver_again(session, services, router_, case, before, now)
    case.audit.append(
        AuditEntry(
            at=now,
            actor=staff,
            action="herrouterd",
            detail={
                "voor": before,
                "na": [a.party for a in case.assignments],
                "rules_version": route.rules_version,
            },
        )
    )
    session.commit()
    return detail(case, router_)


@router.post("/cases/{reference}/assign", summary="Assign departments and partners by hand")
def assign(
    reference: str,
    body: Assign,
    staff: StaffDep,
    session: SessionDep,
    router_: RouterDep,
    services: ServicesDep,
) -> CaseDetail:
    case = _case(session, reference)
    catalogue = router_.catalogue
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
    now = datetime.now(UTC)
    before = [a.party for a in case.assignments]
    case_service.assign(case, body.departments, body.partners, now)
    _deliver_again(session, services, router_, case, before, now)
    case.audit.append(
        AuditEntry(
            at=now,
            actor=staff,
            action="toegewezen",
            detail={"voor": before, "na": [a.party for a in case.assignments], "note": body.note},
        )
    )
    session.commit()
    return detail(case, router_)


@router.post(
    "/cases/{reference}/resend",
    summary="Send the summaries that failed again (a fresh retry window, the same key)",
    responses={409: {"description": "No summary of this case has failed"}},
)
def resend(reference: str, staff: StaffDep, session: SessionDep, router_: RouterDep) -> CaseDetail:
    case = _case(session, reference)
    now = datetime.now(UTC)
    again = resend_failed(case, now)
    if not again:
        raise HTTPException(status.HTTP_409_CONFLICT, "No failed delivery to send again")
    case.audit.append(
        AuditEntry(
            at=now,
            actor=staff,
            action="opnieuw verstuurd",
            detail={"partijen": sorted({d.party for d in again})},
        )
    )
    case.updated_at = now
    session.commit()
    return detail(case, router_)
