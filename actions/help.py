"""Ways out: a human, a call-back request, and what to do when the assistant does not understand."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import latest_text
from actions.intake import typed_text
from actions.interpret import consent_reply, yes_at_the_open_question
from actions.messages import ERASE_WORDS, HUMAN_BUTTONS, human_text
from actions.municipality import remember
from actions.settings import get_settings

# Words that ask for a person; without them a typed yes at an open question is that yes.
_HUMAN_WORDS = re.compile(
    r"\b(mens|medewerker|persoon|iemand\s+spreken|spreken|bellen|bel|telefoon|terugbellen|"
    r"contact\s*persoon|echt\s+iemand)\b",
    re.IGNORECASE,
)


class ActionOfferHuman(Action):
    def name(self) -> str:
        return "action_offer_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = typed_text(tracker)
        if not _HUMAN_WORDS.search(text):
            # "Ja, stuur het maar naar iedereen die kan helpen" at the consent question is a
            # yes, not a wish for a person: the classifier heard "iemand die kan helpen".
            follow = yes_at_the_open_question(tracker, text)
            if follow:
                return [FollowupAction(follow)]
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
        text = typed_text(tracker)
        follow = consent_reply(tracker, text)
        if follow:
            # "Ja, maar niet naar de Vrijwilligerscentrale, daar hebben we al contact mee" at
            # the consent question answers it: the classifier heard "contact".
            return [FollowupAction(follow)]
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
