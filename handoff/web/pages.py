"""The HTML pages (Dutch) and their static assets; everything is served from this origin."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from handoff.web.content import catalogue
from handoff.web.how_it_works import routing_explanation

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")

router = APIRouter(include_in_schema=False)


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    cat = catalogue()
    return templates.TemplateResponse(
        request,
        name,
        {
            "municipality": cat.municipality.name,
            "general_contact": cat.general_contact,
            "catalogue": cat,
            "path": request.url.path,
            **context,
        },
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return page(request, "home.html", title="Hulp bij uw initiatief")


@router.get("/medewerkers", response_class=HTMLResponse)
def staff(request: Request) -> HTMLResponse:
    cat = catalogue()
    names = {
        "departments": {k: v.name for k, v in cat.departments.items()},
        "partners": {k: v.name for k, v in cat.partners.items()},
        "instruments": {k: v.name for k, v in cat.instruments.items()},
        "sdgs": {str(k): v for k, v in cat.sdgs.items()},
        "needs": dict(cat.needs),
    }
    return page(request, "staff.html", title="Medewerkers: routering en initiatieven", names=names)


@router.get("/partner", response_class=HTMLResponse)
def partner(request: Request) -> HTMLResponse:
    return page(request, "partner.html", title="Partners: aanvragen")


@router.get("/privacy", response_class=HTMLResponse)
def privacy(request: Request) -> HTMLResponse:
    return page(request, "privacy.html", title="Privacyverklaring Loket")


@router.get("/toegankelijkheid", response_class=HTMLResponse)
def accessibility(request: Request) -> HTMLResponse:
    return page(request, "toegankelijkheid.html", title="Toegankelijkheidsverklaring")


@router.get("/zo-werkt-het", response_class=HTMLResponse)
def how_it_works(request: Request) -> HTMLResponse:
    return page(request, "zo-werkt-het.html", title="Zo werkt Loket", x=routing_explanation())


@router.get("/static/{name}")
def static(name: str) -> Response:
    """Flat directory of assets; anything else (paths, dotfiles) is a 404."""
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        return Response(status_code=404)
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "max-age=300"})
