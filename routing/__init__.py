"""Loket's routing engine: from an intake to teams, partners, instruments and SDGs, with reasons.

Pure Python (pydantic, PyYAML, spaCy): usable from scripts, tests, the API and the Rasa actions.
"""

from routing.catalogue import Catalogue, load_catalogue
from routing.errors import IntakeError, RoutingError, RulesError
from routing.models import Analysis, Intake, NeedHit, Reason, Route

__all__ = [
    "Analysis",
    "Catalogue",
    "Intake",
    "IntakeError",
    "NeedHit",
    "Reason",
    "Route",
    "RoutingError",
    "RulesError",
    "load_catalogue",
]
