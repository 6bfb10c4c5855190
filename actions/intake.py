"""The intake flow: start from the first description, fill the form, change one answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import (
    ALL_INTAKE_SLOTS,
    INTERRUPTIONS,
    entity_values,
    first_normalised,
    latest_intent,
    latest_text,
)
from actions.slots import (
    CONTACT_SLOTS,
    Analyse,
    field_slot,
    is_meaningful_goal,
    normalise_needs,
    normalise_organisation,
    normalise_stage,
    normalise_wijk,
    parse_contact,
)
from routing import Catalogue

MAX_GOAL_CHARS = 2000


def typed_text(tracker: Tracker) -> str:
    """The message as typed; a button payload ("/inform_need{...}") is no text."""
    text = latest_text(tracker).strip()
    return "" if text.startswith("/") else text


def prefill_from_message(tracker: Tracker) -> dict[str, Any]:
    """Slot values the first message already gives: entities first, then the text analysis."""
    catalogue = knowledge.catalogue()
    text = typed_text(tracker)
    analysis = knowledge.analyse(text) if text else None
    values: dict[str, Any] = {}

    if (
        not tracker.get_slot("goal")
        and text
        and (latest_intent(tracker) == "describe_initiative" or len(text.split()) >= 6)
    ):
        values["goal"] = text[:MAX_GOAL_CHARS]

    needs = normalise_needs(entity_values(tracker, "need"), catalogue, knowledge.analyse)
    if not needs and analysis is not None:
        needs = [n for n in analysis.needs if n in catalogue.needs]
    if needs and not tracker.get_slot("needs"):
        values["needs"] = needs

    for slot, normalise, derived in (
        ("stage", normalise_stage, analysis.stage if analysis else None),
        ("organisation", normalise_organisation, analysis.organisation if analysis else None),
    ):
        if tracker.get_slot(slot):
            continue
        found = first_normalised(
            tracker, slot, lambda v, f=normalise: f(v, catalogue, knowledge.analyse)
        ) or normalise(derived, catalogue, knowledge.analyse)
        if found:
            values[slot] = found

    if not tracker.get_slot("wijk"):
        wijk = first_normalised(tracker, "wijk", lambda v: normalise_wijk(v, catalogue))
        if not wijk and analysis is not None and analysis.wijk:
            wijk = catalogue.wijk_name(analysis.wijk)
        if wijk:
            values["wijk"] = wijk
    return values


class ActionStartIntake(Action):
    """Begins (or, after a finished one, restarts) the intake with what the text tells."""

    def name(self) -> str:
        return "action_start_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events: list[EventType] = []
        if tracker.get_slot("phase") == "done":
            # A new initiative after a finished one: forget the previous answers.
            events += [SlotSet(name, None) for name in ALL_INTAKE_SLOTS]
            events += [SlotSet("phase", None), SlotSet("idempotency_key", None)]
            for name in ALL_INTAKE_SLOTS:
                tracker.slots[name] = None
        values = prefill_from_message(tracker)
        if values.get("goal"):
            dispatcher.utter_message(text="Dank u. Ik stel u nog een paar korte vragen.")
        events += [SlotSet(name, value) for name, value in values.items()]
        return events


class ValidateIntakeForm(FormValidationAction):
    """Normalises every answer to catalogue IDs and asks only what is still missing."""

    def name(self) -> str:
        return "validate_intake_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("callback"):
            # A call-back needs only what it is about and how to reach the inwoner.
            return ["goal", "contact"]
        if tracker.get_slot("contact_wanted") is not True:
            return [s for s in domain_slots if s != "contact"]
        return list(domain_slots)

    # -- custom extraction: answers in words, when no entity was recognised ------------------

    def _answer_text(self, tracker: Tracker, slot: str) -> str:
        if tracker.get_slot("requested_slot") != slot or latest_intent(tracker) in INTERRUPTIONS:
            return ""
        return typed_text(tracker)

    async def extract_needs(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = self._answer_text(tracker, "needs")
        if not text or entity_values(tracker, "need"):
            return {}
        derived = knowledge.analyse(text).needs
        return {"needs": list(derived)} if derived else {}

    def _extract_from_answer(
        self,
        tracker: Tracker,
        slot: str,
        normalise: Callable[[Any, Catalogue, Analyse], str | None],
    ) -> dict[str, Any]:
        """A typed answer to the question for `slot` that no entity covered, normalised."""
        text = self._answer_text(tracker, slot)
        if not text or entity_values(tracker, slot):
            return {}
        found = normalise(text, knowledge.catalogue(), knowledge.analyse)
        return {slot: found} if found else {}

    async def extract_stage(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract_from_answer(tracker, "stage", normalise_stage)

    async def extract_organisation(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract_from_answer(tracker, "organisation", normalise_organisation)

    async def extract_wijk(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract_from_answer(tracker, "wijk", normalise_wijk)

    # -- validation --------------------------------------------------------------------------

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if not is_meaningful_goal(text):
            dispatcher.utter_message(
                text="Kunt u iets meer vertellen? Bijvoorbeeld: wat wilt u doen, en voor wie?"
            )
            return {"goal": None}
        return {"goal": text[:MAX_GOAL_CHARS]}

    def validate_needs(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        needs = normalise_needs(value, knowledge.catalogue(), knowledge.analyse)
        if not needs:
            dispatcher.utter_message(
                text="Dat heb ik niet goed begrepen. Kies een van de knoppen, of zeg het anders."
            )
            return {"needs": None}
        return {"needs": needs}

    def validate_stage(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        stage = normalise_stage(value, knowledge.catalogue(), knowledge.analyse)
        if not stage:
            dispatcher.utter_message(text="Dat heb ik niet goed begrepen. Kies een van de knoppen.")
        return {"stage": stage}

    def validate_organisation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        found = normalise_organisation(value, knowledge.catalogue(), knowledge.analyse)
        if not found:
            dispatcher.utter_message(text="Dat heb ik niet goed begrepen. Kies een van de knoppen.")
        return {"organisation": found}

    def validate_wijk(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        wijk = normalise_wijk(value, knowledge.catalogue(), knowledge.analyse)
        if not wijk:
            dispatcher.utter_message(
                text="Die wijk ken ik niet. Kies een wijk hieronder, of 'De hele stad'."
            )
        return {"wijk": wijk}

    def validate_contact_wanted(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is False:
            clear: dict[str, Any] = {
                "contact": None,
                "contact_name": None,
                "contact_email": None,
                "contact_phone": None,
            }
            return {"contact_wanted": False, **clear}
        return {"contact_wanted": bool(value)}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        details = parse_contact(str(value or ""))
        if not details.reachable:
            dispatcher.utter_message(
                text=(
                    "Ik zie geen e-mailadres of telefoonnummer. Wilt u dat nog geven? "
                    "Wilt u toch geen contact? Zeg dan 'nee'."
                )
            )
            return {"contact": None}
        return {
            "contact": str(value).strip()[:500],
            "contact_name": details.name,
            "contact_email": details.email,
            "contact_phone": details.phone,
        }


class ActionStartChange(Action):
    """Clears the answer the inwoner wants to change, so the form asks it again."""

    def name(self) -> str:
        return "action_start_change"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        field = first_normalised(tracker, "field", field_slot) or field_slot(typed_text(tracker))
        if field is None:
            dispatcher.utter_message(response="utter_ask_what_to_change")
            return []
        if field == "contact":
            return [SlotSet(name, None) for name in ("contact_wanted", *CONTACT_SLOTS)]
        return [SlotSet(field, None)]
