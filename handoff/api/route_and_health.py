"""Routing without storage, reply-by dates, and the health check."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse

from handoff import __version__
from handoff.cases import reply_by, reply_days
from handoff.deps import RateLimited, RouterDep, ServicesDep
from handoff.health import problems
from handoff.schemas import Health, ReplyBy
from routing import Intake

router = APIRouter(tags=["routing"])

MunicipalityQuery = Annotated[
    str | None, Query(max_length=64, description="Municipality ID; default: the default one.")
]


@router.post("/api/v1/route", dependencies=[RateLimited], summary="Route an intake (no storage)")
def route_intake(intake: Intake, services: ServicesDep) -> dict[str, Any]:
    """The Route JSON, exactly as `loket route` prints it, by the intake's municipality's
    catalogue and rules (an unknown municipality: 422 listing the known IDs)."""
    return services.router_for(intake.municipality).route(intake).model_dump(mode="json")


@router.get(
    "/api/v1/departments/{department}/reply-by",
    dependencies=[RateLimited],
    summary="When a department answers a new case",
)
def department_reply_by(
    department: str, services: ServicesDep, municipality: MunicipalityQuery = None
) -> ReplyBy:
    catalogue = services.catalogue_for(municipality)
    if department not in catalogue.departments:
        valid = ", ".join(sorted(catalogue.departments))
        raise HTTPException(404, f"Unknown department {department!r}; valid values: {valid}")
    settings = services.settings
    today = datetime.now(UTC).date()
    return ReplyBy(
        department=department,
        working_days=reply_days(settings, catalogue, department),
        reply_by=reply_by(settings, catalogue, department, today),
    )


@router.get(
    "/health",
    summary="Is every part of Loket working? 503 names what is not",
    response_model=Health,
    responses={503: {"model": Health, "description": "Degraded: `problems` says what is wrong"}},
)
async def health(services: ServicesDep, router_: RouterDep) -> JSONResponse:
    settings = services.settings
    found = await problems(services.db, settings, settings.rasa_urls)
    body = Health(
        status="degraded" if found else "ok",
        database=not any(p.startswith("database") for p in found),
        problems=found,
        rules_version=router_.rules_version,
        pipeline=router_.pipeline,
        version=__version__,
    )
    return JSONResponse(
        body.model_dump(mode="json"),
        status_code=503 if found else 200,
        headers={"Cache-Control": "no-store"},
    )
