"""The chat on a municipality's own website: the one-line snippet's script, its stylesheet, the
chat page it frames, and each municipality's theme (docs/embed.md).

`/<id>/widget.js` and `/<id>/widget.css` are loaded by the host page, so they may be read
cross-origin. `/<id>/embed` is the only page that may be framed, and only by the origins
allowed for that municipality (its site.yml, or LOKET_EMBED_ORIGINS): its CSP names exactly
those in `frame-ancestors`; every other page keeps `frame-ancestors 'none'`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import yaml
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from handoff.deps import ServicesDep
from handoff.headers import content_security_policy
from handoff.settings import Settings
from handoff.web.pages import STATIC, templates
from handoff.web.theme import load_theme, theme_css

router = APIRouter(include_in_schema=False)

# scheme://host[:port] and nothing else: no path, no wildcard, nothing a header could split on.
_ORIGIN = re.compile(r"^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")
# Read by the host page from another origin (a script and a stylesheet), so not same-origin.
CROSS_ORIGIN = {"Cross-Origin-Resource-Policy": "cross-origin", "Cache-Control": "max-age=300"}


def known(municipality: str, services: ServicesDep) -> str:
    """The municipality of the path (one of the app's registry), or a 404 for anything Loket
    does not know."""
    if municipality not in services.municipalities():
        raise HTTPException(status_code=404, detail="Onbekende gemeente.")
    return municipality


Municipality = Annotated[str, Depends(known)]


def valid_origins(origins: object, source: str) -> tuple[str, ...]:
    if not isinstance(origins, list):
        raise ValueError(f"{source}: embed_origins must be a list of origins")
    for origin in origins:
        if not isinstance(origin, str) or not _ORIGIN.match(origin):
            raise ValueError(
                f"{source}: {origin!r} is not an origin like https://www.gemeente.example"
                " (lower case, no path, no trailing slash)"
            )
    return tuple(origins)


def embed_origins(folder: Path, settings: Settings) -> tuple[str, ...]:
    """The origins that may frame the chat of the municipality of this folder (the app's:
    `Services.municipalities().folder(id)`): from the settings when they name the
    municipality, else from its site.yml; none when neither does."""
    municipality = folder.name
    if municipality in settings.embed_origins:
        return valid_origins(settings.embed_origins[municipality], "LOKET_EMBED_ORIGINS")
    site = folder / "site.yml"
    if not site.is_file():
        return ()
    data = yaml.safe_load(site.read_text(encoding="utf-8")) or {}
    return valid_origins(data.get("embed_origins", []), str(site))


CACHED = {"Cache-Control": "max-age=300"}


def _css(text: str, headers: dict[str, str] = CACHED) -> Response:
    return Response(text, media_type="text/css", headers=headers)


@router.get("/{municipality}/widget.js")
def widget_script(municipality: Municipality) -> FileResponse:
    return FileResponse(STATIC / "widget.js", media_type="text/javascript", headers=CROSS_ORIGIN)


@router.get("/{municipality}/widget.css")
def widget_stylesheet(municipality: Municipality, services: ServicesDep) -> Response:
    """The launcher and the panel, in the municipality's colours, scoped to `.loket-widget`
    so nothing leaks into the host page's own styles."""
    rules = (STATIC / "widget.css").read_text(encoding="utf-8")
    theme = load_theme(services.municipalities().folder(municipality))
    return _css(theme_css(theme, ".loket-widget") + rules, CROSS_ORIGIN)


@router.get("/{municipality}/theme.css")
def theme_stylesheet(municipality: Municipality, services: ServicesDep) -> Response:
    return _css(theme_css(load_theme(services.municipalities().folder(municipality))))


@router.get("/{municipality}/logo.svg")
def logo(municipality: Municipality, services: ServicesDep) -> FileResponse:
    path: Path = load_theme(services.municipalities().folder(municipality)).logo
    return FileResponse(path, media_type="image/svg+xml", headers=CACHED)


@router.get("/{municipality}/embed", response_class=HTMLResponse)
def embedded_chat(request: Request, municipality: Municipality, services: ServicesDep) -> Response:
    """The chat alone, for the widget's frame; also usable as a page of its own."""
    origins = embed_origins(services.municipalities().folder(municipality), services.settings)
    ancestors = " ".join(origins) if origins else "'none'"
    info = services.catalogue_for(municipality).municipality
    response = templates.TemplateResponse(
        request,
        "embed.html",
        {
            "title": "Chat met Loket",
            "municipality": info.name,
            "municipality_id": municipality,
            "theme_id": municipality,
            "site": f"/{municipality}",
            "general_contact": info.general_contact,
            "embed_origins": list(origins),
        },
    )
    # Its own CSP: the strict one with exactly these frame-ancestors (handoff.headers then
    # leaves this header alone and sends no X-Frame-Options, which cannot name sites).
    response.headers["Content-Security-Policy"] = content_security_policy(ancestors)
    return response
