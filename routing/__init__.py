"""Loket's routing engine: from an intake to teams, partners, instruments and SDGs, with reasons.

Pure Python (pydantic, PyYAML, spaCy): usable from scripts, tests, the API and the Rasa actions.
"""

from functools import lru_cache
from pathlib import Path

from routing.catalogue import Catalogue, load_catalogue
from routing.engine import Router
from routing.errors import IntakeError, RoutingError, RulesError
from routing.models import Analysis, Intake, NeedHit, Reason, Route
from routing.settings import RoutingSettings

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "routing"


def data_dir() -> Path:
    """The routing data folder: `LOKET_ROUTING_DIR`, else the repository's `data/routing`."""
    return RoutingSettings().routing_dir or DEFAULT_DATA_DIR


@lru_cache(maxsize=1)
def get_router() -> Router:
    """The default router, loaded and validated once per process (see `data_dir()`)."""
    return Router.load(data_dir())


__all__ = [
    "Analysis",
    "Catalogue",
    "Intake",
    "IntakeError",
    "NeedHit",
    "Reason",
    "Route",
    "Router",
    "RoutingError",
    "RulesError",
    "data_dir",
    "get_router",
    "load_catalogue",
]
