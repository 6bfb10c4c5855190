"""The monitoring routes: the outcome API, open data, the dashboard and the impact page."""

from fastapi import APIRouter

from handoff.monitoring import api, opendata, web

router = APIRouter()
router.include_router(api.router)
router.include_router(opendata.router)
router.include_router(web.router)
