"""Questions about instruments and partners, answered from the catalogue's descriptions."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import entity_values, latest_text
from actions.interpret import consent_reply
from actions.messages import faq_text, unknown_topic_text
from actions.resume import resume
from actions.slots import find_topic


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = latest_text(tracker)
        follow = consent_reply(tracker, text)
        if follow:  # "ja, maar niet naar het Werkgeversservicepunt" names a partner, asks nothing
            return [FollowupAction(follow)]
        catalogue = knowledge.catalogue(tracker)
        values = entity_values(tracker, "topic") or [None]
        topics = [t for t in (find_topic(v, latest_text(tracker), catalogue) for v in values) if t]
        if not topics:
            dispatcher.utter_message(text=unknown_topic_text(catalogue))
        for topic in dict.fromkeys(topics):
            dispatcher.utter_message(text=faq_text(topic, catalogue))
        return resume(dispatcher, tracker)
