"""Staff endpoint of the web pages: run every staff routing case (`data/routing/cases`).

Guarded by the handoff service's staff bearer token, like the rest of the staff API.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from handoff.deps import StaffDep
from routing import get_router
from routing.staff_cases import run_cases

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


class RoutingCaseResult(BaseModel):
    name: str
    passed: bool
    message: str
    fired: list[str]


class RoutingCasesReport(BaseModel):
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
def routing_cases(_: StaffDep) -> RoutingCasesReport:
    router_ = get_router()
    results = [
        RoutingCaseResult(name=r.name, passed=r.passed, message=r.message, fired=list(r.fired))
        for r in run_cases(router_)
    ]
    passed = sum(r.passed for r in results)
    return RoutingCasesReport(
        total=len(results),
        passed=passed,
        failed=len(results) - passed,
        rules_version=router_.rules_version,
        cases=results,
    )
