"""Questions about instruments and partners, answered from the catalogue's descriptions."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import entity_values, latest_text
from actions.messages import YES_NO_CONSENT, YES_NO_SUMMARY, faq_text, unknown_topic_text
from actions.slots import find_topic


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        catalogue = knowledge.catalogue()
        values = entity_values(tracker, "topic") or [None]
        topics = [t for t in (find_topic(v, latest_text(tracker), catalogue) for v in values) if t]
        if not topics:
            dispatcher.utter_message(text=unknown_topic_text(catalogue))
        for topic in dict.fromkeys(topics):
            dispatcher.utter_message(text=faq_text(topic, catalogue))
        # Back to the open question. An active form asks its own question again.
        if tracker.active_loop.get("name"):
            return []
        phase = tracker.get_slot("phase")
        if phase == "summary":
            dispatcher.utter_message(
                text="Klopt de samenvatting van uw vraag?", buttons=YES_NO_SUMMARY
            )
        elif phase == "consent":
            dispatcher.utter_message(
                text="Mag ik uw samenvatting doorsturen?", buttons=YES_NO_CONSENT
            )
        elif not tracker.get_slot("goal"):
            dispatcher.utter_message(response="utter_ask_initiative")
        return []
