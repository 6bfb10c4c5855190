"""Questions about instruments and partners, answered from the catalogue's descriptions."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import entity_values, latest_text
from actions.intake import NO
from actions.messages import faq_text, unknown_topic_text
from actions.recipients import answers_consent
from actions.resume import resume
from actions.slots import find_topic


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = latest_text(tracker)
        if tracker.get_slot("phase") == "consent" and answers_consent(text):
            # "ja, maar niet naar het Werkgeversservicepunt" names a partner but asks nothing.
            follow = "action_decline_consent" if NO.match(text) else "action_submit_case"
            return [FollowupAction(follow)]
        catalogue = knowledge.catalogue()
        values = entity_values(tracker, "topic") or [None]
        topics = [t for t in (find_topic(v, latest_text(tracker), catalogue) for v in values) if t]
        if not topics:
            dispatcher.utter_message(text=unknown_topic_text(catalogue))
        for topic in dict.fromkeys(topics):
            dispatcher.utter_message(text=faq_text(topic, catalogue))
        resume(dispatcher, tracker)
        return []
