"""The route, explicit consent, and handing the case to the handoff API."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge, services
from actions.clients.handoff import HandoffRejected, HandoffUnavailable
from actions.common import ALL_INTAKE_SLOTS, intake_slots, latest_text
from actions.messages import (
    ERASE_WORDS,
    YES_NO_CONSENT,
    case_created_text,
    consent_question,
    consent_unclear_text,
    declined_text,
    handoff_down_text,
    handoff_rejected_text,
    out_of_scope_route_text,
    route_text,
)
from actions.settings import get_settings
from actions.slots import intake_from_slots

log = logging.getLogger(__name__)
# The handoff API accepts these conversation ids (schemas.CaseCreate.conversation_id).
_CONVERSATION_ID = re.compile(r"^[\w.:-]{1,200}$")
# Words that take a typed "ja" back: erasing, not sending, not keeping, stopping. A "ja" with
# one of them ("ja, wis alles") is no clear consent, so nothing is sent and the question is
# asked again. Consent must be unambiguous; asking once more costs the inwoner one click.
_WITHDRAWN = re.compile(
    r"\b(wis\w*|gewist|verwijder\w*|delete|weg\s*halen|niet|geen|nee|nooit|stop\w*|"
    r"bewaar\w*|opslaan|annuleer\w*|laat\s+maar)\b",
    re.IGNORECASE,
)


def consent_is_unclear(text: str) -> bool:
    """A typed yes that also says to erase, not send or stop (a button payload is clear)."""
    text = (text or "").strip()
    return not text.startswith("/") and bool(_WITHDRAWN.search(text))


def case_payload(slots: dict[str, Any], sender_id: str) -> dict[str, Any]:
    """The body of POST /api/v1/cases: intake, consent, chosen contact details, call-back
    wish, conversation."""
    intake = intake_from_slots(slots)
    payload: dict[str, Any] = {"intake": intake.model_dump(mode="json"), "consent": True}
    contact = {
        key: slots.get(f"contact_{key}")
        for key in ("name", "email", "phone")
        if slots.get(f"contact_{key}")
    }
    if contact and slots.get("contact_wanted") is not False:
        payload["contact"] = contact
        # The API takes a call-back only with a way to reach the inwoner; the field is sent
        # only when true, so a case without one stays valid for an API without the field.
        if slots.get("callback") and (contact.get("phone") or contact.get("email")):
            payload["callback_requested"] = True
    if sender_id and _CONVERSATION_ID.match(sender_id):
        payload["conversation_id"] = sender_id
    return payload


def reset_intake() -> list[EventType]:
    """Forget the intake once it is sent or declined (the form slots of a finished case)."""
    return [SlotSet(name, None) for name in ALL_INTAKE_SLOTS]


class ActionShowRoute(Action):
    """Who picks it up and why, which partners and instruments, when; then asks consent."""

    def name(self) -> str:
        return "action_show_route"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        catalogue = knowledge.catalogue()
        slots = intake_slots(tracker)
        route = knowledge.route(intake_from_slots(slots))
        if not route.in_scope:
            text = out_of_scope_route_text(catalogue, get_settings().website)
            dispatcher.utter_message(text=text)
            return [SlotSet("phase", "done"), *reset_intake()]
        reply_by = None
        if route.lead:
            try:
                answer = await asyncio.to_thread(services.handoff_client().reply_by, route.lead)
                reply_by = (answer.working_days, answer.reply_by)
            except (HandoffUnavailable, HandoffRejected, KeyError, ValueError) as exc:
                log.warning("no reply-by date for %s: %s", route.lead, exc)
        dispatcher.utter_message(text=route_text(route, catalogue, reply_by))
        dispatcher.utter_message(text=consent_question(route, catalogue), buttons=YES_NO_CONSENT)
        events: list[EventType] = [SlotSet("phase", "consent")]
        if not tracker.get_slot("idempotency_key"):
            events.append(SlotSet("idempotency_key", str(uuid.uuid4())))
        return events


class ActionSubmitCase(Action):
    """Consent given: POST the case with an Idempotency-Key. When the API stays unavailable,
    nothing is stored here: the answers stay in the conversation and the question is asked
    again, so a later "ja" sends the same case (the same key: never twice)."""

    def name(self) -> str:
        return "action_submit_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        catalogue = knowledge.catalogue()
        text = latest_text(tracker)
        if consent_is_unclear(text):
            erase = bool(ERASE_WORDS.search(text))
            dispatcher.utter_message(text=consent_unclear_text(erase), buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent")]
        key = tracker.get_slot("idempotency_key") or str(uuid.uuid4())
        payload = case_payload(intake_slots(tracker), tracker.sender_id)
        done: list[EventType] = [SlotSet("phase", "done"), SlotSet("idempotency_key", None)]
        try:
            receipt = await asyncio.to_thread(services.handoff_client().create_case, payload, key)
        except HandoffUnavailable as exc:
            log.warning("handoff API unavailable, case %s not sent yet: %s", key, exc)
            dispatcher.utter_message(text=handoff_down_text(catalogue), buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent"), SlotSet("idempotency_key", key)]
        except HandoffRejected as exc:
            log.error("handoff API rejected case %s: %s", key, exc)
            dispatcher.utter_message(text=handoff_rejected_text(catalogue))
            return [*done, *reset_intake()]
        dispatcher.utter_message(
            text=case_created_text(
                receipt.reference, receipt.lead_name, receipt.reply_by, receipt.status_url
            )
        )
        return [*done, *reset_intake(), SlotSet("case_reference", receipt.reference)]


class ActionDeclineConsent(Action):
    """Consent refused: nothing is sent or stored as a case; offer the team's contact."""

    def name(self) -> str:
        return "action_decline_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=declined_text(knowledge.catalogue()))
        return [SlotSet("phase", "done"), SlotSet("idempotency_key", None), *reset_intake()]
