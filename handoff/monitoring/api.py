"""Staff API of monitoring: record the outcome of a case when it closes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, status
from pydantic import AnyHttpUrl, BaseModel, Field, StringConstraints

from handoff.api.staff import staff_case
from handoff.deps import ServicesDep, SessionDep, StaffDep
from handoff.models import AuditEntry, Case
from handoff.monitoring.models import CaseOutcome
from handoff.monitoring.records import record_case
from handoff.schemas import CatalogueId

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])

Result = Literal["geholpen", "deels", "niet"]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
# The status a case gets when its outcome is recorded.
CLOSED = "afgerond"


class OutcomeIn(BaseModel):
    result: Result = Field(description="geholpen, deels or niet")
    reason: Reason = Field(description="A short reason (staff only; deleted with the case)")
    instruments: list[CatalogueId] = Field(
        default_factory=list, max_length=20, description="Instruments actually used"
    )
    sdgs: list[Annotated[int, Field(ge=1, le=17)]] = Field(
        default_factory=list, max_length=17, description="SDGs confirmed by staff"
    )
    maex_url: AnyHttpUrl | None = Field(default=None, description="The initiative's MAEX profile")


# Fields of OutcomeOut that are columns of CaseOutcome.
OUTCOME_COLUMNS = frozenset(c.key for c in CaseOutcome.__table__.columns)


class OutcomeOut(BaseModel):
    reference: str
    result: Result
    reason: str
    instruments: list[str]
    sdgs: list[int]
    maex_url: str | None
    closed_at: datetime
    status: str
    impact: str | None = Field(description="The inwoner's answer to the impact question")
    impact_note: str | None = Field(description="Their optional note (deleted with the case)")
    impact_at: datetime | None


def _out(case: Case, outcome: CaseOutcome) -> OutcomeOut:
    """The outcome's own columns, with the case's reference and status."""
    own = {name: getattr(outcome, name) for name in OUTCOME_COLUMNS & set(OutcomeOut.model_fields)}
    return OutcomeOut(reference=case.reference, status=case.status, **own)


@router.put(
    "/cases/{reference}/outcome",
    summary="Close a case with its outcome (instruments used, result, SDGs, MAEX profile)",
)
def set_outcome(
    reference: str, body: OutcomeIn, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> OutcomeOut:
    case = staff_case(session, reference, staff)
    catalogue = services.catalogue_for(case.municipality)
    unknown = [i for i in body.instruments if i not in catalogue.instruments]
    if unknown:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            [
                {
                    "loc": ["body", "instruments"],
                    "type": "enum",
                    "msg": f"Unknown instrument {unknown[0]!r}; "
                    f"valid values: {', '.join(sorted(catalogue.instruments))}",
                }
            ],
        )
    now = services.clock()
    outcome = session.get(CaseOutcome, case.id) or CaseOutcome(case_id=case.id)
    outcome.result = body.result
    outcome.reason = body.reason
    outcome.instruments = list(dict.fromkeys(body.instruments))
    outcome.sdgs = sorted(set(body.sdgs))
    outcome.maex_url = str(body.maex_url) if body.maex_url else None
    outcome.closed_at = now
    outcome.actor = staff.actor
    session.add(outcome)
    case.status = CLOSED
    case.updated_at = now
    case.audit.append(
        AuditEntry(at=now, actor=staff.actor, action="afgesloten", detail={"result": body.result})
    )
    session.flush()
    record_case(session, case)
    session.commit()
    return _out(case, outcome)


@router.get(
    "/cases/{reference}/outcome",
    summary="The recorded outcome of a case",
    responses={404: {"description": "No such case, or no outcome recorded yet"}},
)
def get_outcome(reference: str, staff: StaffDep, session: SessionDep) -> OutcomeOut:
    case = staff_case(session, reference, staff)
    outcome = session.get(CaseOutcome, case.id)
    if outcome is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No outcome recorded for this case")
    return _out(case, outcome)
