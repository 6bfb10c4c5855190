"""What the pages show from each municipality's catalogue (names, numbers, mailboxes).

The municipalities are the app's own (`Services.municipalities()`, the folders of
`LOKET_MUNICIPALITIES_DIR`). A page needs only the catalogue, which loads in milliseconds;
the full router (spaCy) is only needed by the "zo werkt het" page and the staff endpoints.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import Request

from routing import Catalogue, Municipalities, load_catalogue

FALLBACK_CONTACT = "het algemene nummer van uw gemeente"  # only if no catalogue can be read


def registry(request: Request) -> Municipalities:
    """The municipalities this app serves."""
    registry: Municipalities = request.app.state.services.municipalities()
    return registry


def catalogue(registry: Municipalities, municipality: str | None = None) -> Catalogue:
    """The catalogue of `municipality` (default: the default one); `UnknownMunicipality`
    for an ID without a folder."""
    return _load(registry.folder(registry.check(municipality)) / "catalogue.yml")


@lru_cache(maxsize=64)
def _load(path: Path) -> Catalogue:
    return load_catalogue(path)


def general_contact(registry: Municipalities, municipality: str | None = None) -> str:
    try:
        known = municipality if municipality in registry else None
        return catalogue(registry, known).general_contact
    except Exception:  # the proxy's error message must never fail itself
        return FALLBACK_CONTACT
