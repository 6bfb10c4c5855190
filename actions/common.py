"""Small tracker helpers shared by the action modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker

from actions.slots import CONTACT_SLOTS, INTAKE_SLOTS

# Intents that interrupt the intake; custom slot extraction never reads them as an answer.
# The domain's `&interruptions` list (bot/domain/intake.yml) but for `dont_know` (an answer
# here) and `give_contact`; tests/actions/test_interruptions.py keeps the two in step.
INTERRUPTIONS = frozenset(
    {
        "ask_about",
        "request_human",
        "request_callback",
        "out_of_scope",
        "start_over",
        "bot_challenge",
        "other_language",
        "greet",
        "goodbye",
        "thank",
        "change_field",
        "affirm",
        "deny",
        "give_contact",
        "ask_question",
        "request_erasure",
    }
)
ALL_INTAKE_SLOTS = tuple(
    dict.fromkeys(
        (*INTAKE_SLOTS, *CONTACT_SLOTS, "callback", "needs_hint", "goal_hint", "stage_hint")
    )
)


def latest_intent(tracker: Tracker) -> str | None:
    name = (tracker.latest_message or {}).get("intent", {}).get("name")
    return str(name) if name is not None else None


def latest_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def entity_values(tracker: Tracker, entity: str, since: int = 0) -> list[Any]:
    """The values of `entity` in the latest message; with `since`, only those tagged from
    that character on (what an answer says after it corrects itself; an entity without a
    position is kept)."""
    return [
        e.get("value")
        for e in (tracker.latest_message or {}).get("entities", [])
        if e.get("entity") == entity
        and e.get("value") is not None
        and (since == 0 or e.get("start") is None or int(e["start"]) >= since)
    ]


def intake_slots(tracker: Tracker) -> dict[str, Any]:
    return {name: tracker.get_slot(name) for name in ALL_INTAKE_SLOTS}


def first_normalised(
    tracker: Tracker, entity: str, normalise: Callable[..., Any], *args: Any
) -> Any:
    """The first entity value of the latest message that `normalise(value, *args)` accepts,
    else None."""
    values = (normalise(value, *args) for value in entity_values(tracker, entity))
    return next((v for v in values if v), None)
