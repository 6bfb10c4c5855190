"""Routing without storage, reply-by dates, and the health check."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException

from handoff import __version__
from handoff.cases import reply_by, reply_days
from handoff.deps import RateLimited, RouterDep, ServicesDep
from handoff.schemas import Health, ReplyBy
from routing import Intake

router = APIRouter(tags=["routing"])


@router.post("/api/v1/route", dependencies=[RateLimited], summary="Route an intake (no storage)")
def route_intake(intake: Intake, router_: RouterDep) -> dict[str, Any]:
    """The Route JSON, exactly as `loket route` prints it."""
    return router_.route(intake).model_dump(mode="json")


@router.get(
    "/api/v1/departments/{department}/reply-by",
    dependencies=[RateLimited],
    summary="When a department answers a new case",
)
def department_reply_by(department: str, router_: RouterDep, services: ServicesDep) -> ReplyBy:
    if department not in router_.catalogue.departments:
        valid = ", ".join(sorted(router_.catalogue.departments))
        raise HTTPException(404, f"Unknown department {department!r}; valid values: {valid}")
    settings = services.settings
    today = datetime.now(UTC).date()
    return ReplyBy(
        department=department,
        working_days=reply_days(settings, department),
        reply_by=reply_by(settings, department, today),
    )


@router.get("/health", summary="Database, rules and pipeline status")
def health(services: ServicesDep, router_: RouterDep) -> Health:
    database = services.db.ping()
    return Health(
        status="ok" if database else "degraded",
        database=database,
        rules_version=router_.rules_version,
        pipeline=router_.pipeline,
        version=__version__,
    )
