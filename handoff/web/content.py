"""What the pages show from the routing catalogue (names, contacts), loaded once.

The catalogue alone loads in milliseconds; the full router (spaCy) is only needed by the
"zo werkt het" page and the staff endpoints, which take the app's router (`handoff.deps.EngineDep`).
"""

from __future__ import annotations

from functools import lru_cache

from routing import Catalogue, data_dir, load_catalogue


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return load_catalogue(data_dir() / "catalogue.yml")


def general_contact() -> str:
    try:
        return catalogue().general_contact
    except Exception:  # the proxy's error message must never fail itself
        return "14 015"
