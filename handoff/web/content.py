"""What the pages show from each municipality's catalogue (names, numbers, mailboxes).

One registry (`routing.get_municipalities()`) knows the municipality folders; a page needs
only the catalogue, which loads in milliseconds. The full router (spaCy) is only needed by
the "zo werkt het" page and the staff endpoints.
"""

from __future__ import annotations

from functools import lru_cache

import routing
from routing import Catalogue, Municipalities, load_catalogue

FALLBACK_CONTACT = "14 + netnummer"  # only if a catalogue cannot be read at all


def registry() -> Municipalities:
    return routing.get_municipalities()


def municipality_ids() -> list[str]:
    return list(registry().ids)


def default_municipality() -> str:
    return registry().default


def known(municipality: str | None) -> bool:
    return municipality in registry()


@lru_cache(maxsize=32)
def catalogue(municipality: str | None = None) -> Catalogue:
    """The catalogue of `municipality` (default: the default one); `UnknownMunicipality`
    for an ID without a folder."""
    folder = registry().folder(registry().check(municipality))
    return load_catalogue(folder / "catalogue.yml")


def general_contact(municipality: str | None = None) -> str:
    try:
        return catalogue(municipality if known(municipality) else None).general_contact
    except Exception:  # the proxy's error message must never fail itself
        return FALLBACK_CONTACT
