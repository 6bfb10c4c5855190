"""Ways out: a human, a call-back request, and what to do when the assistant does not understand."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import latest_text
from actions.messages import ERASE_WORDS, HUMAN_BUTTONS, human_text
from actions.municipality import remember
from actions.settings import get_settings


class ActionOfferHuman(Action):
    def name(self) -> str:
        return "action_offer_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        has_intake = bool(tracker.get_slot("goal") or tracker.get_slot("needs"))
        dispatcher.utter_message(
            text=human_text(knowledge.catalogue(tracker), get_settings().team_hours, has_intake),
            buttons=HUMAN_BUTTONS,
        )
        return []


class ActionStartCallback(Action):
    """The intake becomes a call-back request: the form asks only the topic and contact."""

    def name(self) -> str:
        return "action_start_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        opening = "Goed. Iemand van het team neemt contact met u op."
        if tracker.get_slot("goal"):
            dispatcher.utter_message(text=f"{opening} Ik stuur mee wat u al vertelde.")
        else:
            dispatcher.utter_message(text=f"{opening} Daarvoor vraag ik nog twee dingen.")
        events: list[EventType] = [SlotSet("callback", True), SlotSet("contact_wanted", True)]
        if tracker.get_slot("phase") in ("consent", "done"):
            events.append(SlotSet("phase", None))
        return events


class ActionStartOver(Action):
    """'Opnieuw beginnen': forget every answer (the form is stopped by the rule before)."""

    def name(self) -> str:
        return "action_start_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = "Goed, we beginnen opnieuw. Uw eerdere antwoorden gebruik ik niet meer."
        if ERASE_WORDS.search(latest_text(tracker)):
            # Starting over does not erase what is stored; the button does (privacy page).
            text += (
                " Wilt u ook alles wissen wat al is opgeslagen? Klik dan op de knop 'Wis gesprek'."
            )
        dispatcher.utter_message(text=text)
        dispatcher.utter_message(response="utter_ask_initiative")
        return [AllSlotsReset(), remember(tracker)]
