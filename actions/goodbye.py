"""`goodbye`: a farewell ends the conversation (and the intake); other words the classifier
took for one are read again in context.

The classifier hears a goodbye in words that also open or carry a conversation: a greeting
that is also a farewell ("Goedendag, ik typ voor mijn moeder …"), a signature under a story
("… Groetjes, Anna"), "dat was het" as the answer to "Zoekt u nog andere hulp?". Ending the
conversation on those leaves the inwoner without help, so the words decide: only a message
that says goodbye, and tells, asks or answers nothing else, is a farewell.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.intake import INTRODUCTION, answer_to, names_something
from actions.interpret import ActionInterpretTurn, ConsentFirstAction, yes_at_the_open_question
from actions.process import asks
from actions.slots import types_for_another
from actions.wordpatterns import WANTING, words

# Words that take leave, anywhere in a message ("ok dat was het, doei", "fijne dag nog").
_FAREWELL = words(
    r"doei\w*|doeg|dag\s+dag|tot\s+(ziens|zo|later|straks|morgen|snel|gauw|kijk|de\s+volgende"
    r"(\s+keer)?)|bye\w*|ciao|houdoe|ajuus|adios|de\s+mazzel|later|laters|"
    r"(fijne|prettige|goede|mooie|fijn)\s+(dag|avond|middag|ochtend|weekend|week)|"
    r"(ik\s+)?(ga|moet)\s+(nu\s+|maar\s+|even\s+|er\s+)*(stoppen|weg|gaan|afsluiten|ervandoor|"
    r"offline|vandoor)|ik\s+(stop|sluit\s+af|haak\s+af|ben\s+klaar|hou\s+het\s+hierbij|"
    r"houd\s+het\s+hierbij)|dat\s+was\s+(het|alles)|groet\w*|mvg"
)
# "Dag" and "goedendag" greet at the start of a message and take leave only at its end.
_CLOSING_DAY = re.compile(r"\b(goeden|goeie|goeiën)?dag\W*$", re.IGNORECASE)
# "Dag" or "goedendag" alone: a greeting when it opens the conversation.
_DAY_ALONE = re.compile(r"\W*(goeden|goede|goeie|goeiën)?dag\W*", re.IGNORECASE)
# What a story says besides a farewell: someone wants or does something ("We willen een
# moestuin in Voorhof. Groetjes, Anna").
_DOING = words(
    rf"{WANTING}|gaan\s+\w+|plan|idee|organiser\w*|beginnen|starten|opzetten|"
    r"zoek|zoeken|nodig|maken|houden|helpen|bieden|draaien|runnen|hebben\s+een|heb\s+een"
)


def without_farewell(text: str) -> str:
    """The message with its words of leave-taking taken out."""
    return _CLOSING_DAY.sub(" ", _FAREWELL.sub(" ", text))


def says_goodbye(text: str) -> bool:
    """Whether a message takes leave and does nothing else: not an introduction ("Goedendag,
    ik typ voor mijn moeder"), not a question ("Tot ziens, maar wanneer hoor ik iets?"), not
    a story signed with a greeting ("We willen een moestuin beginnen. Groetjes, Anna")."""
    text = (text or "").strip()
    if not text or text.startswith("/"):
        return True  # a button
    if not (_FAREWELL.search(text) or _CLOSING_DAY.search(text)):
        return False
    rest = without_farewell(text)
    if asks(rest) or types_for_another(rest) or INTRODUCTION.search(rest):
        return False
    return not (_DOING.search(rest) and names_something(rest))


def opens_with_day(tracker: Tracker, text: str) -> bool:
    """Whether "Goedendag" (or "dag") alone is the conversation's first message: a greeting."""
    said_before = [event for event in tracker.events if event.get("event") == "user"][:-1]
    return bool(_DAY_ALONE.fullmatch(text or "")) and not said_before


def answers_the_open_question(tracker: Tracker, text: str) -> bool:
    """Whether a message answers the intake's open question ("nee, dat was het" at "Zoekt u
    nog andere hulp?")."""
    requested = tracker.get_slot("requested_slot")
    if not tracker.active_loop.get("name") or not requested or not text:
        return False
    if requested == "goal":
        # "ok thx, meer wilde ik nu niet weten. doei" after a question about cost: a farewell
        # at the first question tells of no initiative (a story signed with a greeting is no
        # farewell, `says_goodbye`)
        return False
    return bool(answer_to(str(requested), text, tracker))


class ActionSayGoodbye(ConsentFirstAction):
    """A farewell: goodbye (the rules end the intake when it was running). Anything else the
    classifier took for one is read again in context (`action_interpret_turn`), and the intake
    asks its open question again."""

    def name(self) -> str:
        return "action_say_goodbye"

    def answered(self, tracker: Tracker, text: str) -> str | None:
        # "Ja, stuur maar door. Tot ziens!" answers the summary or consent question.
        rest = without_farewell(text).strip(" ,.!")
        return yes_at_the_open_question(tracker, rest) if rest else None

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        if opens_with_day(tracker, text):
            dispatcher.utter_message(response="utter_greet")
            return [FollowupAction("intake_form")]  # as a greeting: the intake's first question
        if says_goodbye(text) and not answers_the_open_question(tracker, text):
            dispatcher.utter_message(response="utter_goodbye")
            return []
        events = await ActionInterpretTurn().run(dispatcher, tracker, domain)
        if tracker.active_loop.get("name") and not any(
            event.get("event") == "followup" for event in events
        ):
            # The rule would end the intake next: the form asks its open question instead.
            events.append(FollowupAction(tracker.active_loop["name"]))
        return events
