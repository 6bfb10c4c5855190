"""Staff endpoint of the web pages: run every staff routing case (`data/routing/cases`).

Guarded by the staff bearer token (`LOKET_STAFF_TOKEN`); without a configured token the
endpoint is closed (401), so a fresh install never exposes it by accident.
"""

from __future__ import annotations

import hmac
import importlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel

from handoff.web.security import SecureRoute
from handoff.web.settings import WebSettings, get_web_settings
from routing import get_router

router = APIRouter(prefix="/api/v1/staff", route_class=SecureRoute, tags=["staff"])


class RoutingCaseResult(BaseModel):
    name: str
    passed: bool
    message: str


class RoutingCasesReport(BaseModel):
    total: int
    passed: int
    failed: int
    rules_version: str
    cases: list[RoutingCaseResult]


def require_staff(
    settings: Annotated[WebSettings, Depends(get_web_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    scheme, _, token = (authorization or "").partition(" ")
    expected = settings.staff_token or ""
    # compare_digest on equal-type bytes: no timing signal about the token's content.
    valid = bool(expected) and hmac.compare_digest(token.encode(), expected.encode())
    if scheme.lower() != "bearer" or not valid:
        raise HTTPException(
            status_code=401,
            detail="Geen toegang: geef een geldig medewerkerstoken mee.",
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.get(
    "/routing-cases",
    response_model=RoutingCasesReport,
    dependencies=[Depends(require_staff)],
    summary="Run all staff routing cases and report pass/fail per case",
    responses={401: {"description": "Missing or wrong staff token"}},
)
def routing_cases() -> RoutingCasesReport:
    router_ = get_router()
    # routing.cases is the routing engine's case runner (contract in docs/architecture.md).
    cases: Any = importlib.import_module("routing.cases")
    results = [
        RoutingCaseResult(name=str(r.name), passed=bool(r.passed), message=str(r.message or ""))
        for r in cases.run_cases(router_)
    ]
    passed = sum(r.passed for r in results)
    return RoutingCasesReport(
        total=len(results),
        passed=passed,
        failed=len(results) - passed,
        rules_version=router_.rules_version,
        cases=results,
    )
