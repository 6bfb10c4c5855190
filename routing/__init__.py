"""Loket's routing engine: from an intake to teams, partners, instruments and SDGs, with reasons.

Pure Python (pydantic, PyYAML, spaCy): usable from scripts, tests, the API and the Rasa actions.
"""

from functools import lru_cache
from pathlib import Path

from routing.catalogue import Catalogue, load_catalogue
from routing.engine import Router
from routing.errors import IntakeError, RoutingError, RulesError, UnknownMunicipality
from routing.intake import known_values_only
from routing.models import Analysis, Intake, NeedHit, Reason, Route
from routing.municipalities import Municipalities
from routing.settings import RoutingSettings

MUNICIPALITIES_DIR = Path(__file__).resolve().parent.parent / "data" / "municipalities"
DEFAULT_MUNICIPALITY = "delft"


def municipalities_dir() -> Path:
    """The folder of municipality folders: `LOKET_MUNICIPALITIES_DIR`, else the repository's
    `data/municipalities`."""
    return RoutingSettings().municipalities_dir or MUNICIPALITIES_DIR


def default_municipality() -> str:
    """`LOKET_DEFAULT_MUNICIPALITY`, else delft."""
    return RoutingSettings().default_municipality or DEFAULT_MUNICIPALITY


def routing_dir() -> Path | None:
    """`LOKET_ROUTING_DIR`: one municipality's folder that replaces the municipalities (a copy
    to try a change in), or None."""
    return RoutingSettings().routing_dir


def data_dir() -> Path:
    """The default municipality's data folder; `LOKET_ROUTING_DIR` overrides it."""
    return routing_dir() or municipalities_dir() / default_municipality()


@lru_cache(maxsize=1)
def get_municipalities() -> Municipalities:
    """Every municipality's router, loaded on first use (see `municipalities_dir()`)."""
    return Municipalities(municipalities_dir(), default_municipality())


@lru_cache(maxsize=1)
def get_router() -> Router:
    """The default municipality's router, loaded and validated once per process; with
    `LOKET_ROUTING_DIR` the router of that folder."""
    folder = routing_dir()
    return Router.load(folder) if folder else get_municipalities().get()


__all__ = [
    "Analysis",
    "Catalogue",
    "Intake",
    "IntakeError",
    "Municipalities",
    "NeedHit",
    "Reason",
    "Route",
    "Router",
    "RoutingError",
    "RulesError",
    "UnknownMunicipality",
    "data_dir",
    "default_municipality",
    "get_municipalities",
    "get_router",
    "known_values_only",
    "load_catalogue",
    "municipalities_dir",
    "routing_dir",
]
