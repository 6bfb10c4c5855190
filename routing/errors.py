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


def closest(value: str, valid: list[str]) -> str | None:
    """The valid ID closest to a misspelt one (difflib), for 'did you mean' hints."""
    import difflib

    found = difflib.get_close_matches(value, valid, n=1, cutoff=0.5)
    return found[0] if found else None


def unknown_message(kind: str, value: object, valid: list[str]) -> str:
    """`unknown need 'financiering'; did you mean 'financiering'?` (or the valid values)."""
    hint = closest(value, valid) if isinstance(value, str) else None
    if hint:
        return f"unknown {kind} {value!r}; did you mean {hint!r}?"
    return f"unknown {kind} {value!r}; valid: {', '.join(valid)}"


class UnknownMunicipality(RoutingError, LookupError):
    """No data folder for this municipality ID; `known` lists the IDs there are."""

    def __init__(self, municipality: object, known: list[str]) -> None:
        self.municipality = municipality
        self.known = known
        super().__init__(
            f"unknown municipality {municipality!r}; known municipalities: {', '.join(known)}"
        )
