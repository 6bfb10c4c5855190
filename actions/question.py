"""`ask_question`: a question about Loket itself, answered by its words.

Until issue #12 the classifier told three kinds of question apart (what Loket does, how the
process goes, what happens to the data). It confused them in about one of eight
(5-fold CV F1 0.73–0.90), while the answer depended on the words anyway. Now it is one
intent, and the words and the moment choose the answer, in this order:

1. a typed yes (or "ja, maar niet naar …") at the summary or consent question: that answer;
2. a topic of the process (actions/process.py: cost, time, next step, what happens to the
   data, …) in a message that asks (actions.process.asks): the process answer;
3. other words about data and privacy ("is dit anoniem?"): the privacy text;
4. words that ask for a person ("liever met een echt mens, kan dat?"): how to reach one;
5. words that ask what Loket does ("wat kun je voor ons doen?"): what Loket does;
6. once the inwoner has told their initiative or sent it: what happens next; a turn that is
   no question ("ik typ dit namens mijn buurvrouw …", an answer) is read again in context;
7. before that: what Loket does; a described initiative, or a question whether the
   municipality helps with one ("kan de gemeente helpen met een buurtfeest?"), starts the
   intake.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.erasure import asks_to_erase
from actions.intake import person_first
from actions.interpret import (
    ActionAnswerProcess,
    ActionInterpretTurn,
    ConsentFirstAction,
    about_another_service,
    answer_capabilities,
    answer_process,
    known_facts,
    opens_with_an_initiative,
    process_question,
    yes_at_the_open_question,
)
from actions.process import answer, asked_topics, asks, process_topics
from actions.resume import resume
from actions.wordpatterns import words

_PRIVACY = words(
    r"privacy\w*|priv[eé]|gegevens|persoonsgegevens|avg|gdpr|anoniem\w*|opgeslagen|opslaan|"
    r"slaan\s+(\w+\s+){0,3}op|bewaar\w*|wis(sen|t)?|gewist|verwijder\w*|inzage\w*|"
    r"versleuteld|beveiligd|dossier|gedeeld|delen|deel\s+je|spam|profiel|toegang|meelezen|"
    r"meekijken|lees|leest|gelogd|chatlog|logt|naam|namen|telefoonnummer|nummer|e-?mail\w*|"
    r"mail|adres|doorgegeven|doorgeven|cookies?|toestemming\s+(\w+\s+){0,2}intrekken|"
    r"gegev\w+|privicy|lezen|ingezien|inzien|vastgelegd|vastleggen|bsn|gekoppeld|koppelen|"
    r"geheim|veilig|data|verko\w+|servers?|trainen|politie|bijhouden|achternaam"
)

# Putting people in touch ("kunnen jullie mij aan ze koppelen?", "koppelen met andere clubs"):
# no question about data, whatever words of linking it shares with one.
_PUTS_IN_TOUCH = words(
    r"(aan|met)\s+(\w+\s+){0,3}(koppelen|koppel|gekoppeld)|(koppelen|koppel|gekoppeld)\s+(aan|met)"
)

# "Wat kun je eigenlijk voor ons doen?", "waarvoor ben jij?": what Loket does, at any moment.
_CAPABILITIES = re.compile(
    r"\bwat\s+(kun|kan|kunt|kunnen|doe|doet)\s+(je|jij|u|jullie|loket|deze\s+chat|dit)\b|"
    r"\bwaar(voor|mee)\s+(ben|is|kan|kun|kunt|help)\b|\bwaar\s+(kan|kun)\s+ik\s+(je|jou|jullie|u)\b|"
    r"\bwie\s+ben\s+(je|jij)\b|\bwat\s+is\s+(dit|loket|deze\s+chat)\b|"
    r"\b(deze\s+chat|dit\s+loket|dit\s+ding)\b|\bhoe\s+(werkt|gebruik)\s+(dit|deze|ik\s+dit)\b|"
    r"\b(waar|wat)\s+is\s+dit\s+voor\b|\bvoor\s+wie\s+is\b|\bbedoeling\b|\bop\s+weg\s+helpen\b|"
    r"\b(kan|kun|kunt)\s+(je|jij|u)\s+(me\s+|mij\s+|ons\s+)?helpen\b|\bhelpt?\s+(je|jij|u)\b|"
    r"\bvragen\s+(kan|mag)\s+ik\b|\bwat\s+(kan|kun)\s+ik\s+hier\b|\bwaar\s+ben\s+(je|jij)\s+goed|"
    r"\bsnap\s+(niet|nie)\s+hoe\b|\bsnap\s+(dit|het)\s+(niet|nie)\b|\bwat\s+je\s+doet\b|^\W*(help|hulp)\W*$|\bleg\s+(\w+\s+)?uit\b|"
    r"\buitleg\b|\bhoe\s+dit\s+werkt\b|\bwat\s+(ik|hij|zij|ze)\s+(hier\s+)?(moet|mot|kan)\b|"
    r"\bvoorbeeld\b|\bwaar\s+dient\b|\bhelpen\s+jullie\b|\bdoen\s+jullie\s+ook\b",
    re.IGNORECASE,
)


def kind_of_question(text: str, in_intake: bool, started: bool) -> str:
    """Which answer a question about Loket gets: "process", "privacy", "next" (what happens
    next; or, inside the intake, a turn that is no question read again) or "capabilities".
    `started`: the inwoner has told their initiative or sent it."""
    if asked_topics(text):
        # A story that names a topic but asks nothing ("ik typ dit namens mijn buurvrouw") is
        # read again below.
        return "process"
    if _PRIVACY.search(_PUTS_IN_TOUCH.sub(" ", text)):
        return "privacy"
    if _CAPABILITIES.search(text):
        return "capabilities"
    if started or in_intake or not asks(text):
        # "What happens next"; a turn that is no question (an introduction, an answer) is
        # read again in context instead.
        return "next"
    return "capabilities"


# "Dank u wel, " before what else a message says.
_THANKS = re.compile(r"^\W*(dank\s*(u|je|jullie)?(\s+wel)?|bedankt|thanks|merci)\b\W*", re.I)


class ActionAnswerQuestion(ConsentFirstAction):
    def name(self) -> str:
        return "action_answer_question"

    def answered(self, tracker: Tracker, text: str) -> str | None:
        # Also a plain typed yes at the summary or consent question ("Ja, ze vindt het goed").
        return yes_at_the_open_question(tracker, text)

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        if asks_to_erase(text):
            # "Kunnen jullie alles wat ik heb ingevuld verwijderen?" asks for it: the question
            # to confirm, not the privacy text about how erasing works.
            return [FollowupAction("action_ask_erasure")]
        in_intake = tracker.active_loop.get("name") == "intake_form"
        started = bool(tracker.get_slot("goal") or tracker.get_slot("case_reference"))
        kind = kind_of_question(text, in_intake, started)
        if kind == "process":
            # What it asks, not every word of the process in it ("Die heeft nooit teruggebeld."
            # beside being sent around is a complaint, no question whether one is called).
            topics = asked_topics(text) or process_topics(text)
            if about_another_service(text, topics):
                # "Wanneer wordt het grofvuil opgehaald?" asks when, but not about Loket.
                return await ActionInterpretTurn().run(dispatcher, tracker, domain)
            # Then on where the conversation was: before anything was told, the intake starts
            # ("Hoeveel subsidie kan ik krijgen?" opens a conversation, it does not end it).
            return await answer_process(dispatcher, tracker, topics)
        if kind == "privacy" and about_another_service(text, ["privacy"]):
            # "Ik ben verhuisd, waar geef ik mijn nieuwe adres door?": another service.
            return await ActionInterpretTurn().run(dispatcher, tracker, domain)
        if kind == "privacy":
            known = await known_facts(tracker, with_reply_by=False)
            dispatcher.utter_message(text=answer("privacy", known, knowledge.catalogue(tracker)))
            if tracker.active_loop.get("name") or tracker.get_slot("phase") in (
                "summary",
                "consent",
            ):
                return []  # the form, or the rules, ask the open question again
            return resume(dispatcher, tracker)
        person = person_first(text)
        if person:
            # A wish for a person in a question that asks no process topic (those come
            # first: "ben je een mens?").
            return person
        if kind == "next":
            # "What happens next" for a question; a turn that is no question is read again.
            return await ActionAnswerProcess().run(dispatcher, tracker, domain)
        return await answer_capabilities(dispatcher, tracker, text)


# Words of a machine or a person typing: the question is whether one talks to a computer.
_MACHINE = words(
    r"robot\w*|computer\w*|bot|chatbot|ai|a\.i\.|machine|automatisch\w*|mens|mensen|persoon|"
    r"echt\s+iemand|medewerker|programma|automatie\w*|gegenereerd|"
    r"wie\s+(spreek|praat|chat)\s+ik|typ(t)?\s+(jij|je|u|er\s+iemand)"
)


class ActionAnswerBotChallenge(ConsentFirstAction):
    """`bot_challenge` ("praat ik nu met een computer?"): the one answer to it is the process
    answer for "robot" (actions/process.py; the domain has no second text), with any other
    process topic the message asks, then on where the conversation was. A message with another
    topic and no word of a machine or a person ("is dit alleen een formulier?") gets only that
    topic's answer."""

    def name(self) -> str:
        return "action_answer_bot_challenge"

    def answered(self, tracker: Tracker, text: str) -> str | None:
        return yes_at_the_open_question(tracker, text)

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        asked = asked_topics(text)
        if not asked and not asks(text) and not _MACHINE.search(text):
            # "Hi, ik ben student aan de TU en doe een project": no question and no word of a
            # machine or a person; read as what it tells, not answered as "are you a robot?"
            return [FollowupAction("action_interpret_turn")]
        others = [topic for topic in asked if topic != "robot"]
        questions = [part for part in re.split(r"(?<=[.!?])\s+", text) if "?" in part]
        if others and "robot" not in asked and not any(map(_MACHINE.search, questions)):
            # "helpt de gemeente echt of is dit alleen een formulier?": whether anything comes
            # of it, not whether a person types; "Word ik opgebeld? Met de computer ben ik niet
            # zo vlot.": whether they are called, the computer only said beside it
            return await answer_process(dispatcher, tracker, others)
        return await answer_process(dispatcher, tracker, ["robot", *others])


class ActionThank(ConsentFirstAction):
    """ "Dank u": you're welcome. A thank-you that also answers the summary or consent
    question ("Dank u, ja hoor, stuur maar door") answers it; one that also asks ("Dank u wel.
    En wat gebeurt er nu verder?") gets the answer, and the conversation goes on where it was."""

    def name(self) -> str:
        return "action_thank"

    def answered(self, tracker: Tracker, text: str) -> str | None:
        return yes_at_the_open_question(tracker, _THANKS.sub("", text).strip())

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        if asks(text):
            topics = process_question(text, tracker)
            if topics is not None:
                return await answer_process(dispatcher, tracker, topics or ["vervolg"])
        if opens_with_an_initiative(tracker, text):
            # "voedselbank" is no thank-you: the intake starts.
            return await ActionInterpretTurn().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_thank")
        if tracker.get_slot("erase_pending"):
            from actions.erasure import ask_again

            return ask_again(dispatcher, tracker)
        if tracker.get_slot("phase") in ("summary", "consent") and not tracker.active_loop.get(
            "name"
        ):
            # "Duidelijk, dank u" at the summary or consent is no answer: the question again.
            return resume(dispatcher, tracker)
        return []
