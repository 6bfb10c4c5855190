"""Questions about instruments and partners, answered from the catalogue's descriptions."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import entity_values, latest_text
from actions.interpret import ConsentFirstAction
from actions.messages import faq_text, unknown_topic_text
from actions.resume import resume
from actions.slots import find_topic


class ActionAnswerFaq(ConsentFirstAction):
    """A question about an instrument or partner; "ja, maar niet naar het
    Werkgeversservicepunt" at the consent question names a partner but asks nothing."""

    def name(self) -> str:
        return "action_answer_faq"

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        catalogue = knowledge.catalogue(tracker)
        values = entity_values(tracker, "topic") or [None]
        topics = [t for t in (find_topic(v, latest_text(tracker), catalogue) for v in values) if t]
        if not topics:
            dispatcher.utter_message(text=unknown_topic_text(catalogue))
        for topic in dict.fromkeys(topics):
            dispatcher.utter_message(text=faq_text(topic, catalogue))
        return resume(dispatcher, tracker)
