"""Errors the routing engine raises; each message names what is wrong and how to fix it."""

from __future__ import annotations


class RoutingError(Exception):
    """Base class for routing errors."""


class IntakeError(RoutingError, ValueError):
    """An intake field holds a value that is not in the catalogue (or is malformed)."""

    def __init__(self, field: str, value: object, valid: list[str], message: str = "") -> None:
        self.field = field
        self.value = value
        self.valid = valid
        super().__init__(
            message or f"{field}: unknown value {value!r}; valid values: {', '.join(valid)}"
        )


class RulesError(RoutingError):
    """The catalogue or rules file is invalid. The message names file, rule and fix."""
