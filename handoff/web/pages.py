"""The HTML pages (Dutch) and their static assets; everything is served from this origin.

Each municipality has its own site: /<id>/ (the chat), /<id>/privacy, /<id>/toegankelijkheid
and /<id>/zo-werkt-het, with the name, numbers and mailboxes of its catalogue. A host named
in `LOKET_SITE_HOSTS` serves one municipality at / itself. Elsewhere / lists the
municipalities, and the older paths (/privacy...) redirect to the default municipality's.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from handoff import lifecycle
from handoff.deps import ServicesDep
from handoff.settings import Settings
from handoff.web import content
from handoff.web.how_it_works import routing_explanation
from routing import Router

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")

router = APIRouter(include_in_schema=False)
# /<municipality>/… pages: included last (handoff/web/routes.py), after the embed's fixed
# /<municipality>/widget.js… paths, which /<municipality>/<below> would otherwise take.
site_router = APIRouter(include_in_schema=False)

# The pages every municipality has: path below its site -> (template, title).
SITE_PAGES = {
    "": ("home.html", "Hulp bij uw initiatief"),
    "privacy": ("privacy.html", "Privacyverklaring Loket"),
    "toegankelijkheid": ("toegankelijkheid.html", "Toegankelijkheidsverklaring"),
    "zo-werkt-het": ("zo-werkt-het.html", "Zo werkt Loket"),
}


def host_municipality(request: Request, settings: Settings) -> str | None:
    """The municipality whose own host name this request came in on, if any."""
    host = (request.headers.get("host") or "").split(":")[0].lower()
    found = settings.site_hosts.get(host)
    return found if found in content.registry(request) else None


def page(
    request: Request, name: str, municipality: str | None = None, site: str = "", **context: Any
) -> HTMLResponse:
    """A page with the texts of `municipality`'s catalogue (default: the default one);
    `site` is the path its own pages live under ("/haarlem", or "" on its own host)."""
    cat = content.catalogue(content.registry(request), municipality)
    team = cat.departments.get(cat.loket_team)
    return templates.TemplateResponse(
        request,
        name,
        {
            "municipality": cat.municipality.name,
            "municipality_id": cat.municipality.id,
            "city": cat.municipality.city,
            "general_contact": cat.general_contact,
            "team_name": cat.name_of(cat.loket_team),
            "team_email": (team.email if team else None) or cat.municipality.privacy_contact,
            "privacy_contact": cat.municipality.privacy_contact,
            "catalogue": cat,
            "theme_id": cat.municipality.id,  # /<id>/theme.css: colours, font (theme.py)
            "site": site,
            "path": request.url.path,
            **context,
        },
    )


def site_page(request: Request, municipality: str, site: str, below: str) -> HTMLResponse:
    template, title = SITE_PAGES[below]
    extra: dict[str, Any] = {}
    if below == "zo-werkt-het":
        # The app's router for it (one path to the router); a stand-in router (tests) has no
        # rules to explain, so then the municipality's own engine.
        found = request.app.state.services.router_for(municipality)
        engine = found if isinstance(found, Router) else content.registry(request).get(municipality)
        extra["x"] = routing_explanation(engine)
    return page(request, template, municipality, site, title=title, **extra)


def not_found(request: Request) -> HTMLResponse:
    response = page(request, "niet-gevonden.html", title="Pagina niet gevonden")
    response.status_code = 404
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, services: ServicesDep) -> Response:
    own = host_municipality(request, services.settings)
    if own:
        return site_page(request, own, "", "")
    registry = content.registry(request)
    if len(registry.ids) == 1:
        return RedirectResponse(f"/{registry.ids[0]}/", status_code=307)
    sites = [(m, content.catalogue(registry, m).municipality.name) for m in registry.ids]
    return page(request, "gemeenten.html", title="Kies uw gemeente", sites=sites)


@router.get("/medewerkers", response_class=HTMLResponse)
def staff(request: Request) -> HTMLResponse:
    cat = content.catalogue(content.registry(request))
    names = {
        "departments": {k: v.name for k, v in cat.departments.items()},
        "partners": {k: v.name for k, v in cat.partners.items()},
        "instruments": {k: v.name for k, v in cat.instruments.items()},
        "sdgs": {str(k): v for k, v in cat.sdgs.items()},
        "needs": dict(cat.needs),
    }
    return page(
        request,
        "staff.html",
        title="Medewerkers: routering en initiatieven",
        names=names,
        states=lifecycle.CASE_STATES,
    )


@router.get("/partner", response_class=HTMLResponse)
def partner(request: Request) -> HTMLResponse:
    return page(request, "partner.html", title="Partners: aanvragen")


def _older_path(below: str) -> Any:
    def older(request: Request, services: ServicesDep) -> Response:
        """A path from before there were several municipalities: on a municipality's own
        host its page, elsewhere a redirect to the default municipality's."""
        own = host_municipality(request, services.settings)
        if own:
            return site_page(request, own, "", below)
        default = content.registry(request).default
        return RedirectResponse(f"/{default}/{below}", status_code=307)

    return older


for _below in ("privacy", "toegankelijkheid", "zo-werkt-het"):
    router.add_api_route(f"/{_below}", _older_path(_below), methods=["GET"])


# Before the municipality paths, which would otherwise take /static/<name>.
@router.get("/static/{name}")
def static(name: str) -> Response:
    """Flat directory of assets; anything else (paths, dotfiles) is a 404."""
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        return Response(status_code=404)
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "max-age=300"})


@site_router.get("/{municipality}/", response_class=HTMLResponse)
def municipality_home(request: Request, municipality: str) -> HTMLResponse:
    if municipality not in content.registry(request):
        return not_found(request)
    return site_page(request, municipality, f"/{municipality}", "")


@site_router.get("/{municipality}/{below}", response_class=HTMLResponse)
def municipality_page(request: Request, municipality: str, below: str) -> HTMLResponse:
    if municipality not in content.registry(request) or not below or below not in SITE_PAGES:
        return not_found(request)
    return site_page(request, municipality, f"/{municipality}", below)
