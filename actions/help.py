"""Ways out: a human, a call-back request, and what to do when the assistant does not understand."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import latest_text
from actions.intake import (
    CALL_REQUEST,
    WANTS_A_PERSON,
    asks_whether_called,
    stops_for_a_person,
    takes_back_a_person,
    typed_text,
    yes_to_contact,
)
from actions.interpret import (
    ActionInterpretTurn,
    ConsentFirstAction,
    answer_process,
    consent_reply,
    process_question,
    taken_as_answer,
    yes_at_the_open_question,
)
from actions.messages import ERASE_WORDS, HUMAN_BUTTONS, HUMAN_WORDS, human_text
from actions.municipality import remember
from actions.process import ONE_POINT_OF_CONTACT, asked_topics, asks
from actions.resume import resume
from actions.settings import get_settings
from actions.wordpatterns import words


class ActionOfferHuman(Action):
    def name(self) -> str:
        return "action_offer_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = typed_text(tracker)
        if takes_back_a_person(text):
            # "Kan ik niet beter iemand spreken? Ach nee, laat maar. Ga maar door.": on we go.
            return resume(dispatcher, tracker)
        if tracker.active_loop.get("name") and yes_to_contact(tracker, text):
            # "Ja graag, maar liever bellen" answers the contact question: the form reads it.
            return []
        if tracker.get_slot("requested_slot") and stops_for_a_person(tracker, text):
            # Inside the form the form's own validation stops the questions and says how to
            # reach a person (validate_intake_form): said once, not twice.
            return []
        if HUMAN_WORDS.search(text) and not HUMAN_WORDS.search(_SALUTATION.sub(" ", text)):
            # "Geachte medewerker, als directeur van een basisschool wil ik u iets voorleggen":
            # the only person named is the one greeted; the turn is read as what it tells.
            return [FollowupAction("action_interpret_turn")]
        follow = consent_reply(tracker, text)
        if follow and not WANTS_A_PERSON.search(text):
            # "Ja, maar niet naar het Werkgeversservicepunt, daar hebben we al een eigen
            # contactpersoon" answers the consent question; it asks for no person.
            return [FollowupAction(follow)]
        if (
            asks(text)
            and ONE_POINT_OF_CONTACT.search(text)
            and not {"waarom", "waarom_teams"} & set(asked_topics(text))
        ):
            # "Krijgen wij een vaste contactpersoon, of moeten wij met iedere afdeling apart
            # praten?" asks how it goes on; it asks for no person now.
            return await answer_process(dispatcher, tracker, ["vervolg"])
        if asks_whether_called(text):
            # "bellen jullie dan? ik neem niet op als ik het nummer niet ken" asks how it goes;
            # it asks for no person.
            return await answer_process(dispatcher, tracker, ["bellen"])
        if not HUMAN_WORDS.search(text):
            # "Ja, stuur het maar naar iedereen die kan helpen" at the consent question is a
            # yes, not a wish for a person: the classifier heard "iemand die kan helpen".
            follow = yes_at_the_open_question(tracker, text)
            if follow:
                return [FollowupAction(follow)]
            topics = process_question(text, tracker)
            if topics is not None:
                # "Waarom gaat het naar zoveel partijen? Ik had liever één aanspreekpunt." asks
                # why; it names no person.
                return await answer_process(dispatcher, tracker, topics)
        has_intake = bool(tracker.get_slot("goal") or tracker.get_slot("needs"))
        dispatcher.utter_message(
            text=human_text(knowledge.catalogue(tracker), get_settings().team_hours, has_intake),
            buttons=HUMAN_BUTTONS,
        )
        return []


# A letter's salutation ("Geachte medewerker,", "Beste mensen van de gemeente,").
_SALUTATION = re.compile(
    r"^\W*(geachte|beste|lieve|hallo|hoi|dag|goedendag|goedemiddag|goedemorgen)\s+(\w+\s+)?"
    r"(heer|mevrouw|medewerker|medewerkers|mensen|team|dames\s+en\s+heren)\b"
    r"([\s/,]+(mevrouw|heer))?(\s+van\s+de\s+gemeente)?",
    re.IGNORECASE,
)


# Words of being called or contacted at all: without one, a turn the classifier took for a
# call-back request ("kinderen beter mee laten komen op school") answers the open question.
_CALLING = words(
    r"\w*bel\w*|gebeld|telefo\w*|contact|spreken|opnemen|mens|medewerker|persoon|iemand|"
    r"nummer|mail\w*"
)


class ActionStartCallback(ConsentFirstAction):
    """The intake becomes a call-back request: the form asks only the topic and contact. A
    question about being called ("word ik gebeld?") is answered instead."""

    def name(self) -> str:
        return "action_start_callback"

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot") if tracker.active_loop.get("name") else None
        if text and requested and not _CALLING.search(text):
            answered = taken_as_answer(tracker, requested, text)
            if answered:
                return answered  # the form goes on with its next question
        if (
            text
            and asked_topics(text)
            and not (_CALLING.search(text) and CALL_REQUEST.search(text))
        ):
            # A question with no word of calling ("wat kunnen jullie concreet voor me doen?")
            # is answered; "kunt u mij bellen?" asks to be called.
            then = await answer_process(dispatcher, tracker, asked_topics(text))
            if tracker.active_loop.get("name"):
                return []  # the form asks its open question again
            return then or [FollowupAction("action_listen")]
        opening = "Goed. Iemand van het team neemt contact met u op."
        if tracker.get_slot("goal"):
            dispatcher.utter_message(text=f"{opening} Ik stuur mee wat u al vertelde.")
        else:
            dispatcher.utter_message(text=f"{opening} Daarvoor vraag ik nog twee dingen.")
        events: list[EventType] = [SlotSet("callback", True), SlotSet("contact_wanted", True)]
        if tracker.get_slot("phase") in ("consent", "done"):
            events.append(SlotSet("phase", None))
        return events


# Words that ask to start again; without them a turn the classifier took for that ("we moeten
# nog alles regelen") is read again in context, and nothing is forgotten.
_RESTART_WORDS = words(
    r"opnieuw|overnieuw|over\s+nieuw|herstart\w*|reset\w*|restart|van\s+vo+r(en)?\s+af|"
    r"(terug\s+naar|vanaf|bij)\s+het\s+begin|nieuw\w*\s+(gesprek|start|begin)|over\s+doen|"
    r"fresh\s+start|begin\s+(maar\s+)?(weer|opnieuw)"
)


def _before_this_turn(tracker: Tracker) -> tuple[bool, str | None]:
    """Whether the intake form was active before the inwoner's last message (the rule that
    ran before this action stopped it), and which question it had asked."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    loop, requested = None, None
    for event in events[: last_user + 1]:
        if event.get("event") == "active_loop":
            loop = event.get("name")
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            requested = event.get("value")
    return loop == "intake_form", requested if loop == "intake_form" else None


def in_the_intake_before(tracker: Tracker) -> bool:
    """Whether the intake form asked a question right before the inwoner's last message."""
    in_form, requested = _before_this_turn(tracker)
    return in_form and bool(requested)


async def read_again(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType]:
    """A turn taken for "start again" that does not say so: an erase request asks to confirm;
    anything else is read in context, and the intake goes on where it was."""
    if ERASE_WORDS.search(typed_text(tracker)):
        return [FollowupAction("action_ask_erasure")]
    in_form, requested = _before_this_turn(tracker)
    if in_form:
        tracker.active_loop = {"name": "intake_form"}
        tracker.slots["requested_slot"] = requested
    events = await ActionInterpretTurn().run(dispatcher, tracker, domain)
    if in_form and not any(e.get("event") == "followup" for e in events):
        events.append(FollowupAction("intake_form"))
    return events


class ActionStartOver(Action):
    """'Opnieuw beginnen': forget every answer (the form is stopped by the rule before). A turn
    that does not ask for that is read again instead: nothing is forgotten."""

    def name(self) -> str:
        return "action_start_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        typed = typed_text(tracker)
        if typed and not _RESTART_WORDS.search(typed):
            return await read_again(dispatcher, tracker, domain)
        text = "Goed, we beginnen opnieuw. Uw eerdere antwoorden gebruik ik niet meer."
        if ERASE_WORDS.search(latest_text(tracker)):
            # Starting over does not erase what is stored; the button does (privacy page).
            text += (
                " Wilt u ook alles wissen wat al is opgeslagen? Klik dan op de knop 'Wis gesprek'."
            )
        dispatcher.utter_message(text=text)
        dispatcher.utter_message(response="utter_ask_initiative")
        return [AllSlotsReset(), remember(tracker)]
