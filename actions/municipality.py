"""The municipality of a conversation: the site it runs on.

The chat proxy sends every message with the metadata `{"municipality": "<id>"}` of the page
(`/<id>/`); `action_session_start` keeps it in the slot `municipality`. Everything
municipality-specific the actions say (wijken, team names, numbers) comes from that
municipality's catalogue (`actions.knowledge`).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge

SLOT = "municipality"


def _from_metadata(metadata: Any) -> str | None:
    value = metadata.get(SLOT) if isinstance(metadata, dict) else None
    return value if isinstance(value, str) and value else None


def municipality_of(tracker: Tracker) -> str:
    """The site the latest message came from (its metadata), else the slot, else the site
    the session started on, else the default; an ID no data folder has counts as not given.
    The message wins over the slot: the inwoner is on that site now."""
    known = knowledge.known_municipalities()
    for candidate in (
        _from_metadata((tracker.latest_message or {}).get("metadata")),
        tracker.get_slot(SLOT),
        _from_metadata(tracker.get_slot("session_started_metadata")),
    ):
        if candidate in known:
            return str(candidate)
    return knowledge.default_municipality()


def remember(tracker: Tracker) -> EventType:
    """The event that keeps the conversation's municipality (also after all slots are reset)."""
    return SlotSet(SLOT, municipality_of(tracker))


class ActionSessionStart(Action):
    """Rasa's session start, plus the municipality of the site the first message came from."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Slots are not carried over (bot/domain/core.yml), so nothing else to copy.
        return [SessionStarted(), remember(tracker), ActionExecuted("action_listen")]
