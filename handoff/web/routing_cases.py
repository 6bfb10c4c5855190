"""Staff endpoint of the web pages: run every staff routing case (`data/municipalities/*/cases`).

Guarded by the handoff service's staff bearer token, like the rest of the staff API.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel

import routing
from handoff.deps import ServicesDep, StaffDep
from routing.staff_cases import run_cases

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


class RoutingCaseResult(BaseModel):
    name: str
    passed: bool
    message: str
    fired: list[str]


class RoutingCasesReport(BaseModel):
    municipality: str
    total: int
    passed: int
    failed: int
    rules_version: str
    cases: list[RoutingCaseResult]


@router.get(
    "/routing-cases",
    response_model=RoutingCasesReport,
    summary="Run all staff routing cases with the loaded rules; pass/fail per case",
    responses={401: {"description": "Missing staff token"}, 403: {"description": "Wrong token"}},
)
def routing_cases(
    staff: StaffDep,
    services: ServicesDep,
    municipality: Annotated[
        str | None, Query(max_length=64, description="Default: the staff token's municipality.")
    ] = None,
) -> RoutingCasesReport:
    chosen = municipality or staff.municipality
    if chosen is not None and not staff.sees(chosen):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "This staff token is for another municipality."
        )
    # The app's router for that municipality; a stand-in (tests) has no staff cases, so then
    # the municipality's own engine runs them.
    found = services.router_for(chosen)
    router_ = found if isinstance(found, routing.Router) else services.municipalities().get(chosen)
    results = [
        RoutingCaseResult(name=r.name, passed=r.passed, message=r.message, fired=list(r.fired))
        for r in run_cases(router_)
    ]
    passed = sum(r.passed for r in results)
    return RoutingCasesReport(
        municipality=router_.catalogue.municipality.id,
        total=len(results),
        passed=passed,
        failed=len(results) - passed,
        rules_version=router_.rules_version,
        cases=results,
    )
