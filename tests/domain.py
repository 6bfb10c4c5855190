"""The bot's domain (bot/domain/*.yml) as plain data, for tests and fakes that must agree with it.

Read with PyYAML, not Rasa: the app environment has no Rasa.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DOMAIN_DIR = Path(__file__).resolve().parents[1] / "bot" / "domain"
# What a button sends: `/intent` or `/intent{"entity": "value"}`.
PAYLOAD = re.compile(r"^/(?P<intent>\w+)(?P<entities>\{.*\})?$")


@dataclass(frozen=True)
class Domain:
    intents: tuple[str, ...]
    entities: tuple[str, ...]
    slots: dict[str, Any]
    responses: dict[str, Any]

    def payload_problem(self, payload: str) -> str | None:
        """Why Rasa would not understand a button payload, or None when it would."""
        match = PAYLOAD.match(payload)
        if not match:
            return f"{payload!r} is not /intent or /intent{{json}}"
        if match["intent"] not in self.intents:
            return f"unknown intent {match['intent']!r} in {payload!r}"
        try:
            entities = json.loads(match["entities"] or "{}")
        except json.JSONDecodeError:
            return f"entities in {payload!r} are not JSON"
        unknown = sorted(set(entities) - set(self.entities))
        return f"unknown entity {unknown[0]!r} in {payload!r}" if unknown else None


@lru_cache(maxsize=4)
def load_domain(directory: Path = DOMAIN_DIR) -> Domain:
    """Every `*.yml` in the domain folder, merged the way Rasa merges a split domain."""
    intents: list[str] = []
    entities: list[str] = []
    slots: dict[str, Any] = {}
    responses: dict[str, Any] = {}
    for path in sorted(directory.glob("*.yml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        intents += _names(part.get("intents"))
        entities += _names(part.get("entities"))
        slots.update(part.get("slots") or {})
        responses.update(part.get("responses") or {})
    if not intents:
        raise ValueError(f"{directory}: no intents: not a Rasa domain")
    return Domain(tuple(intents), tuple(entities), slots, responses)


def _names(items: list[Any] | None) -> list[str]:
    return [i if isinstance(i, str) else next(iter(i)) for i in items or []]
