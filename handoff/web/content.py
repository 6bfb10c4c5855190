"""What the pages show from the routing catalogue (names, contacts), loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from handoff.web.settings import WebSettings
from routing import Catalogue, load_catalogue


@lru_cache(maxsize=4)
def _catalogue(routing_dir: str) -> Catalogue:
    return load_catalogue(Path(routing_dir) / "catalogue.yml")


def catalogue(settings: WebSettings) -> Catalogue:
    return _catalogue(settings.routing_dir)


def general_contact(settings: WebSettings) -> str:
    try:
        return catalogue(settings).general_contact
    except Exception:  # the proxy's error message must never fail itself
        return "14 015"
