"""The owner of a case: assign it (a coördinator) or take it (a medewerker), close it, and
leave notes. Every change is an event on the case's timeline (the audit table)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, HTTPException, status

from handoff import casework
from handoff.api.staff import detail, staff_case
from handoff.deps import ServicesDep, SessionDep, StaffDep
from handoff.models import Case
from handoff.schemas import CaseClose, CaseDetail, NoteCreate, OwnerChange
from routing import Catalogue

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


def _owner_change(
    services: ServicesDep, name: str, team: str | None, actor: str
) -> Callable[[Case, datetime], None]:
    """The change that makes `name` (of `team`, default the lead team) owner; 422 for a team
    that may not own the case."""

    def change(case: Case, now: datetime) -> None:
        catalogue = services.catalogue_for(case.municipality)
        _change_owner(case, catalogue, name, team, actor, now)

    return change


def _change_owner(
    case: Case, catalogue: Catalogue, name: str, team: str | None, actor: str, now: datetime
) -> None:
    try:
        casework.change_owner(case, catalogue, name, team, actor, now)
    except casework.OwnerTeamInvalid as exc:
        chosen, allowed = exc.args
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            [
                {
                    "loc": ["body", "team"],
                    "type": "enum",
                    "msg": f"Unknown owner team {chosen!r}; valid values: {', '.join(allowed)}",
                }
            ],
        ) from exc


def _changed(
    reference: str,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
    change: Callable[[Case, datetime], None],
) -> CaseDetail:
    """Apply `change` (case, now) to a case of this staff credential; the case afterwards."""
    case = staff_case(session, reference, staff)
    now = services.clock()
    change(case, now)
    session.commit()
    return detail(case, services.router_for(case.municipality), now)


@router.post("/cases/{reference}/owner", summary="Make a staff member of the lead team owner")
def assign_owner(
    reference: str, body: OwnerChange, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> CaseDetail:
    change = _owner_change(services, body.name, body.team, staff.actor)
    return _changed(reference, staff, session, services, change)


@router.post(
    "/cases/{reference}/take",
    summary="Take the case yourself (needs the X-Loket-Staff-Name header)",
)
def take(reference: str, staff: StaffDep, session: SessionDep, services: ServicesDep) -> CaseDetail:
    if staff.name is None:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "Say who you are in X-Loket-Staff-Name"
        )
    change = _owner_change(services, staff.name, None, staff.actor)
    return _changed(reference, staff, session, services, change)


@router.post("/cases/{reference}/close", summary="Close the case: afgerond or niet passend")
def close(
    reference: str, body: CaseClose, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> CaseDetail:
    return _changed(
        reference,
        staff,
        session,
        services,
        lambda case, now: casework.close(case, body.outcome, body.note, staff.actor, now),
    )


@router.post("/cases/{reference}/notes", summary="A note on the case's timeline")
def add_note(
    reference: str, body: NoteCreate, staff: StaffDep, session: SessionDep, services: ServicesDep
) -> CaseDetail:
    note = body.text
    return _changed(
        reference,
        staff,
        session,
        services,
        lambda case, now: casework.add_note(case, note, staff.actor, now),
    )
