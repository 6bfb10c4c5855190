"""The municipalities one Loket serves: one data folder and one Router each.

A municipality is a folder `<root>/<id>/` with a `catalogue.yml` (the root also holds the
shared `vocabulary.yml` and `signalen.yml`). Adding a folder adds a municipality; no code
changes. Routers are loaded on first use and share one spaCy pipeline.
"""

from __future__ import annotations

import threading
from pathlib import Path

from routing.engine import Router
from routing.errors import UnknownMunicipality
from routing.text import Pipeline, load_pipeline

CATALOGUE = "catalogue.yml"


def discover(root: Path) -> list[str]:
    """IDs of the municipality folders under `root` (those with a catalogue.yml), sorted."""
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / CATALOGUE).is_file())


class Municipalities:
    """A registry of routers by municipality ID, loaded lazily and thread-safely."""

    def __init__(self, root: Path, default: str, pipeline: Pipeline | None = None) -> None:
        self.root = Path(root)
        self.ids = discover(self.root)
        if default not in self.ids:
            raise UnknownMunicipality(default, self.ids)
        self.default = default
        self._pipeline = pipeline
        self._routers: dict[str, Router] = {}
        self._lock = threading.Lock()

    def __contains__(self, municipality: object) -> bool:
        return municipality in self.ids

    def folder(self, municipality: str) -> Path:
        self.check(municipality)
        return self.root / municipality

    def check(self, municipality: str | None) -> str:
        """The ID itself (the default for None); `UnknownMunicipality` listing the known IDs."""
        if municipality is None:
            return self.default
        if municipality not in self.ids:
            raise UnknownMunicipality(municipality, self.ids)
        return municipality

    def get(self, municipality: str | None = None) -> Router:
        """The router of `municipality` (default: the default one), loaded once."""
        key = self.check(municipality)
        with self._lock:
            router = self._routers.get(key)
            if router is None:
                if self._pipeline is None:
                    self._pipeline = load_pipeline()
                router = Router.load(self.root / key, self._pipeline)
                self._routers[key] = router
            return router

    def all(self) -> dict[str, Router]:
        """Every municipality's router (loads those not loaded yet)."""
        return {m: self.get(m) for m in self.ids}
