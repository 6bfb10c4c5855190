"""Questions about instruments and partners, answered from the catalogue's descriptions."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import entity_values, latest_text
from actions.intake import needs_from_message
from actions.interpret import ConsentFirstAction, why_it_is_there
from actions.messages import faq_text, unknown_topic_text
from actions.resume import resume
from actions.slots import find_topic
from actions.wordpatterns import words


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
            why = await why_it_is_there(tracker, topic, text)
            if why:
                dispatcher.utter_message(text=why)
            dispatcher.utter_message(text=faq_text(topic, catalogue))
        return [*_need_asked_for(tracker, text), *resume(dispatcher, tracker)]


# Asking how to apply for or get help ("hoe vraag ik het wijkbudget aan?", "kom ik in
# aanmerking voor de vrijwilligersmatch?") is asking for what it gives.
_APPLIES = words(
    r"aan\s*vragen|aanvraag\w*|vraag\s+(ik|je|we|wij|u)\s+(\w+\s+){0,3}aan|krijgen|krijg|"
    r"in\s+aanmerking|aanmelden|meld\s+(ik|je|we|wij|u)\s+(\w+\s+){0,3}aan|gebruik\s+maken|"
    r"(kom|komen)\s+(ik|we|wij|je)\s+(\w+\s+){0,2}aan"
)


def _need_asked_for(tracker: Tracker, text: str) -> list[EventType]:
    """The needs a question asks to apply for, noted for the intake when none are noted yet
    (the needs question then asks what else is needed)."""
    if tracker.get_slot("needs") or tracker.get_slot("needs_hint") or not _APPLIES.search(text):
        return []
    needs = needs_from_message(tracker, text)
    return [SlotSet("needs_hint", needs)] if needs else []
