"""Turns the classifier is unsure about, or sends away, read again with the conversation in mind.

Rasa's intent alone decided what happened to "Kan het sneller? Het is echt dringend." (another
language), "nee" at the wijk question (nothing) or a question about the permit inside the
intake (the general number). Every such turn (`nlu_fallback`, `out_of_scope`,
`other_language`, `dont_know`) comes here first, and is read in this order:

1. a question about the process ("kost het iets?") is answered;
2. inside the intake, an answer to the open question is taken as that answer
   ("weet ik niet" is a valid answer: the question is not asked again);
3. outside the intake, a description of an initiative starts it, and so do a few words that
   name one ("buurtbarbecue", "skatebaan?");
4. only text that is not Dutch gets the remark about language;
5. only a question about another municipal service gets the general number;
6. anything else is a misunderstanding, and the second one offers a human.
"""

from __future__ import annotations

import asyncio
import logging
import re
from abc import ABC, abstractmethod
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH

from actions import knowledge, services
from actions.clients.handoff import HandoffRejected, HandoffUnavailable
from actions.closing import acknowledge, acknowledges, contact_after_sending, only_heard
from actions.common import intake_slots, latest_intent
from actions.consent import says_yes_to_sending
from actions.erasure import asks_to_erase, erasure_reply
from actions.intake import (
    MAX_GOAL_CHARS,
    NO,
    PASSED_OVER,
    WAITING,
    YES,
    an_aside,
    another_service,
    answer_to,
    aside_reply,
    asked_enough,
    asks_meaning,
    asks_what_help_there_is,
    changed_contact,
    contact_values,
    keeps_details_back,
    names_an_initiative,
    new_contact_details,
    not_known,
    person_first,
    prefill_from_message,
    steps_away,
    tells_only_a_problem,
    tells_what_it_is,
    told_in_passing,
    typed_text,
)
from actions.messages import (
    HUMAN_BUTTONS,
    faq_text,
    human_text,
    other_service_text,
    reason_for,
)
from actions.process import Known, answer, asked_topics, asks, process_topics, statement_part
from actions.recipients import answers_consent
from actions.resume import resume
from actions.settings import get_settings
from actions.slots import (
    adds_a_need,
    find_topic,
    intake_from_slots,
    introduces_oneself,
    says_unknown,
    types_for_another,
)
from actions.wordpatterns import addition, words
from routing import Route
from routing.text import fold

log = logging.getLogger(__name__)
OFFER_HUMAN_AFTER = 2
# Dutch words that are no stop words but that every chat in Dutch is full of.
_DUTCH_EXTRA = frozenset(
    [
        "ja",
        "nee",
        "hoi",
        "hallo",
        "doei",
        "dank",
        "bedankt",
        "graag",
        "oke",
        "ok",
        "wij",
        "jullie",
        "ons",
        "onze",
        "gemeente",
        "buurt",
        "wijk",
        "geld",
        "hulp",
        "weet",
        "niet",
        "maakt",
        "uit",
        "ff",
        "effe",
        "gwn",
        "idd",
        "mss",
        "wss",
        "nie",
        "ni",
        "iets",
    ]
)


def is_dutch(text: str) -> bool:
    """True unless the words are clearly of another language (a few Dutch words suffice)."""
    words = re.findall(r"[^\W\d_]+", (text or "").casefold())
    if not words:
        return True
    dutch = sum(w in DUTCH or w in _DUTCH_EXTRA for w in words)
    english = sum(w in ENGLISH and w not in DUTCH for w in words)
    if re.search(r"[\u0400-\u04ff\u0600-\u06ff\u0590-\u05ff\u4e00-\u9fff]", text):
        return dutch > 0 and dutch >= len(words) // 2
    return (dutch > 0 and dutch >= english) or (dutch == 0 and english == 0 and len(words) <= 2)


# Asking for help in a few words ("ik zoek hulp", "kunt u mij helpen?", "help me pls").
_ASKS_FOR_HELP = words(
    r"(zoek|zoeken|nodig|wil|wil\s+graag|heb|hebben)\s+(\w+\s+)?hulp|hulp\s+(nodig|zoeken|gezocht)|"
    r"(kunt|kan|kunnen)\s+(u|jij|je|jullie)\s+(mij|me|ons)\s+helpen|help\s+(mij|me|ons)\b"
)


def _is_sentence(text: str) -> bool:
    """A few words of Dutch that read as a sentence, not a typo or a lone word."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return len(words) >= 5 and sum(w in DUTCH for w in words) >= 2


# Process topics that only Loket can answer, whatever else the message is about.
_LOKET_TOPICS = frozenset(
    {
        "subsidie",
        "toestemming",
        "privacy",
        "zonder_contact",
        "waarom_vragen",
        "robot",
        "rondgestuurd",
        "teams",
        "waarom_teams",
    }
)


def said_again(tracker: Tracker, text: str) -> bool:
    """Whether the inwoner sent this message before in the conversation (case and spaces
    aside): the earlier reply did not help."""
    said = " ".join(text.casefold().split())
    earlier = [e for e in tracker.events if e.get("event") == "user"][:-1]
    return bool(said) and any(
        " ".join(str(e.get("text") or "").casefold().split()) == said for e in earlier
    )


def about_another_service(text: str, topics: list[str]) -> bool:
    """A question about another municipal service ("wanneer wordt het grofvuil opgehaald?",
    "mijn afvalpas is kwijt", "ik ben verhuisd, waar geef ik mijn nieuwe adres door?"), not
    about the initiative or Loket: it gets the general number."""
    if not text or not another_service(text, None):
        return False
    if set(topics) & _LOKET_TOPICS:
        # A topic of Loket heard only in the words of the service itself ("nieuwe adres …
        # doorgeven" is no question about the data in this chat) is the service's.
        return not set(process_topics(without_service_words(text))) & _LOKET_TOPICS
    return True


# The municipality itself ("mijn gegevens", opening hours): its words are also the words of a
# question about Loket ("wat doen jullie met mijn gegevens?"), so they are never taken out.
_THE_MUNICIPALITY_ITSELF = "buiten:algemeen"


def without_service_words(text: str) -> str:
    """The text without the words that name another municipal service."""
    said = {
        word
        for label, found in knowledge.analyse(text, None).signals.items()
        if label.startswith("buiten:") and label != _THE_MUNICIPALITY_ITSELF
        for phrase in found
        for word in phrase.split()
    }
    for word in said:
        text = re.sub(rf"\b{re.escape(word)}\b", " ", text, flags=re.IGNORECASE)
    return text


def start_intake(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Start the intake from a message that describes an initiative (the slots it already
    gives, then the form); nothing when it gives no goal."""
    values = prefill_from_message(tracker)
    if not values.get("goal") and not values.get("goal_hint"):
        return []
    dispatcher.utter_message(text="Dank u. Ik stel u nog een paar korte vragen.")
    return [
        *(SlotSet(name, value) for name, value in values.items()),
        FollowupAction("intake_form"),
    ]


def asks_help_with_initiative(text: str, tracker: Tracker) -> bool:
    """A question whether the municipality helps with something an initiative does ("kan de
    gemeente helpen met een buurtfeest?"): it names a theme or a need, and no other service."""
    if not text or not asks(text) or another_service(text, tracker):
        return False
    analysis = knowledge.analyse(text, tracker)
    return bool(analysis.themes or analysis.needs)


def looks_like_initiative(text: str, tracker: Tracker) -> bool:
    analysis = knowledge.analyse(text, tracker)
    return (
        tells_what_it_is(text)
        and not another_service(text, tracker)
        and bool(analysis.needs or analysis.themes)
        and len(text.split()) >= 5
    )


async def known_facts(tracker: Tracker, with_reply_by: bool) -> Known:
    """What the answer to a process question may rely on: the case, else the route so far."""
    reference = tracker.get_slot("case_reference")
    if reference:
        reply_by = None
        day = tracker.get_slot("case_reply_by")
        if day:
            reply_by = (0, date.fromisoformat(str(day)))
        route = None
        lead = tracker.get_slot("case_lead")
        if lead:
            route = Route(
                in_scope=True,
                departments=[str(lead)],
                general_contact=knowledge.catalogue(tracker).general_contact,
                rules_version="",
            )
        return Known(
            route=route,
            reply_by=reply_by,
            reference=str(reference),
            has_contact=bool(tracker.get_slot("case_contact")),
            callback=bool(tracker.get_slot("case_callback")),
            before_consent=False,
            municipality=knowledge.municipality(tracker),
        )
    slots = intake_slots(tracker)
    if not slots.get("goal") and not slots.get("needs"):
        return Known(municipality=knowledge.municipality(tracker))
    route = knowledge.route(intake_from_slots(slots), tracker)
    reply_by = None
    if with_reply_by and route.lead:
        try:
            result = await asyncio.to_thread(
                services.handoff_client().reply_by, route.lead, knowledge.municipality(tracker)
            )
            reply_by = (result.working_days, result.reply_by)
        except (HandoffUnavailable, HandoffRejected, KeyError, ValueError) as exc:
            log.warning("no reply-by date for %s: %s", route.lead, type(exc).__name__)
    return Known(
        route=route if route.in_scope else None,
        reply_by=reply_by,
        phase=tracker.get_slot("phase"),
        contact_wanted=tracker.get_slot("contact_wanted") is True,
        municipality=knowledge.municipality(tracker),
        asking=tracker.get_slot("requested_slot") if tracker.active_loop.get("name") else None,
    )


_WHAT_IS = re.compile(
    r"\b(wat|wie)\s+(is|zijn|doet|doen|betekent|bedoel\w*|houdt)\b|\bwat\s+voor\b|"
    # asked in a clause ("Mag ik vragen wat Delftse Fondsen precies is?", "weet u wat MAEX doet?")
    r"\b(wat|wie)\s+([\w'’-]+\s+){1,4}(precies\s+|eigenlijk\s+|nou\s+)?(is|zijn|doet|doen|"
    r"inhoudt|betekent)\b|"
    r"\b(nooit\s+van\s+gehoord|ken\s+ik\s+niet|zegt\s+mij\s+niets)\b|"
    # named first, then asked about ("Die Rabobank Foundation, is dat een lening of een gift?")
    r"[,:]\s*(is|zijn|doet|doen|geeft|geven|biedt|bieden)\s+(dat|die|het|dit|ze|zij|hij)\b[^?]*\?",
    re.IGNORECASE,
)


# A name alone, asked ("MAEX?", "Buy Social??").
_ONLY_A_NAME = re.compile(r"\W*[\w'’&. -]{2,40}\?+\W*")


# "wat is de volgende stap", "wie is mijn contactpersoon": a question about the process, not
# what a team or partner is ("Wie neemt het besluit over inkoop, en wat is de volgende stap?").
_WHAT_IS_NEXT = re.compile(
    r"\b(wat|wie)\s+(is|zijn)\s+(nu\s+|dan\s+|daarna\s+)?(de|het|mijn|ons)\s+(volgende\s+stap\w*|"
    r"vervolg|procedure|bedoeling|planning|termijn|eerste\s+stap|volgorde|contactpersoon|"
    r"aanspreekpunt|beslisser)\b",
    re.IGNORECASE,
)


def item_asked(text: str, tracker: Tracker) -> str | None:
    """The partner, instrument or team a question asks about ("wat doet MAEX eigenlijk?"),
    else None."""
    text = _WHAT_IS_NEXT.sub(" ", text or "")
    if not text or not (_WHAT_IS.search(text) or _ONLY_A_NAME.fullmatch(text)):
        return None
    return find_topic(None, text, knowledge.catalogue(tracker))


async def why_it_is_there(tracker: Tracker, item: str, text: str) -> str | None:
    """Why a team or partner of the route is there, when the question asks why ("Waarom staat
    de Vrijwilligerscentrale erbij?"): the reason of the rule that brought it in. None when
    the question asks no why, or the party is not in the route (yet)."""
    if "waarom" not in process_topics(text):
        return None
    route = (await known_facts(tracker, with_reply_by=False)).route
    if route is None or item not in route.recipients:
        return None
    reason = reason_for(route, item)
    name = knowledge.catalogue(tracker).name_of(item)
    return f"Waarom {name}? {reason}" if reason else None


async def answer_process(
    dispatcher: CollectingDispatcher, tracker: Tracker, topics: list[str], go_on: bool = True
) -> list[EventType]:
    """Answer the question (at most two topics, and what a named partner or instrument is,
    and why it is there when asked), then go on where the conversation was (`go_on`: say so)."""
    catalogue = knowledge.catalogue(tracker)
    text = typed_text(tracker)
    item = item_asked(text, tracker) or (
        find_topic(None, text, catalogue) if "waarom" in topics else None
    )
    if item:
        why = await why_it_is_there(tracker, item, text)
        if why:
            dispatcher.utter_message(text=why)
        dispatcher.utter_message(text=faq_text(item, catalogue))
        topics = [t for t in topics if t not in ("uitleg", "vervolg", *(["waarom"] if why else []))]
    known = await known_facts(tracker, with_reply_by="doorlooptijd" in topics)
    for topic in topics[:2]:
        dispatcher.utter_message(text=answer(topic, known, catalogue))
    if not go_on:
        return []
    events = resume(dispatcher, tracker)
    if events and not tracker.get_slot("goal") and not tracker.get_slot("needs"):
        # The intake starts after a first question that asked for help ("Hoeveel subsidie kan
        # ik krijgen voor een straatfeest?"): that help is noted, and the needs question asks
        # what else ("Ik noteer al: …"); taken as all they need, a permit named later was lost.
        asked_for = prefill_from_message(tracker).get("needs")
        if asked_for:
            events = [SlotSet("needs_hint", asked_for), *events]
    return events


def process_question(text: str, tracker: Tracker) -> list[str] | None:
    """The topics of a question about the process or about a named partner or instrument
    (possibly empty for the latter); None when the message asks neither."""
    topics = asked_topics(text)
    if topics and not about_another_service(text, topics):
        return topics
    if item_asked(text, tracker):
        return []
    return None


class ConsentFirstAction(Action, ABC):
    """An action for an intent the classifier may have heard in an answer to the consent
    question ("Ja, maar niet naar de Vrijwilligerscentrale, daar hebben we al contact mee" is
    no call-back request): such a typed answer answers it (`consent_reply`); `reply` handles
    every other message, with its typed text."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = typed_text(tracker)
        # "Weet u zeker …?" answered in words ("Ja, verwijder alles maar", "laat maar staan")
        # comes first: whatever the classifier heard, that question is open.
        follow = erasure_reply(tracker, text) or self.answered(tracker, text)
        if (
            not follow
            and tracker.get_slot("phase") in ("summary", "consent")
            and not asks(text)
            and new_contact_details(tracker, text)
        ):
            # "Mijn achternaam schrijf je met een d: Smid" is no question about privacy.
            follow = "action_apply_correction"
        if (
            not follow
            and tracker.get_slot("phase") == "summary"
            and not asks(text)
            and (addition(text) or adds_a_need(text))
        ):
            # "Zet er wel bij dat het vooral voor statushouders is, dat is belangrijk voor
            # subsidies." names a team, and asks nothing about it: an addition to the summary;
            # so is a need said to be missing ("Nee, er mist iets: we hebben ook een
            # omgevingsvergunning nodig", whatever the classifier heard in it).
            follow = "action_apply_correction"
        if follow:
            return [FollowupAction(follow)]
        return await self.reply(dispatcher, tracker, domain, text)

    def answered(self, tracker: Tracker, text: str) -> str | None:
        """The action that handles the message as an answer to the consent question."""
        return consent_reply(tracker, text)

    @abstractmethod
    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        """What the action does with a message that does not answer the consent question."""


class ActionAnswerProcess(ConsentFirstAction):
    """A question about the process (via `ask_question`, actions/question.py): answer it, then
    go on where we were."""

    def name(self) -> str:
        return "action_answer_process"

    async def reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, text: str
    ) -> list[EventType]:
        topics = asked_topics(text)
        if about_another_service(text, topics):
            # "Wanneer wordt het grofvuil opgehaald?" asks when, but not about Loket.
            return await ActionInterpretTurn().run(dispatcher, tracker, domain)
        if item_asked(text, tracker):
            return await answer_process(dispatcher, tracker, topics)
        if not topics and not asks(text):
            # No word of the process and no question: the classifier was wrong. Read the turn
            # again in context (an answer to the open question, a yes, …).
            return await ActionInterpretTurn().run(dispatcher, tracker, domain)
        in_form = tracker.active_loop.get("name") == "intake_form"
        requested = tracker.get_slot("requested_slot") if in_form else None
        told = statement_part(text) if not topics and requested and asks_meaning(text) else ""
        if told:
            # "Wat is dat? Ik ben alleen. Misschien later met mijn buurvrouw.": asked what the
            # question means, and answered it anyway; the answer counts.
            events = taken_as_answer(tracker, str(requested), told)
            if events:
                return events
        if not topics and requested == "needs":
            # At the needs question, a question that asks for help ("Kunnen jullie ons aan elkaar
            # koppelen?") is the answer.
            events = taken_as_answer(tracker, "needs", text)
            if events:
                return events
        if not topics:
            # A question about the plan itself, not the process ("zijn we eigenlijk verzekerd
            # als er een kind van het springkussen valt?"): said honestly that it is taken
            # along, and kept with the goal for the team to answer.
            kept = question_taken_along(tracker, text)
            said = (
                "eigen vraag" if kept or tracker.get_slot("case_reference") else "eigen vraag open"
            )
            # What it says to the open question counts too ("Dat zeg ik later wel, eerst wil
            # ik weten of het kan": not known), so the question is not asked again.
            also = (
                not_known(str(requested))
                if requested in ("needs", "stage", "organisation", "wijk") and says_unknown(text)
                else {}
            )
            passed_over = not also and asked_enough(tracker, str(requested))
            if passed_over:
                # The third turn at the same question that only asks: not asked a fourth time.
                also = not_known(str(requested))
            events = await answer_process(dispatcher, tracker, [said], go_on=not also)
            if passed_over:
                dispatcher.utter_message(text=PASSED_OVER[str(requested)])
            return [*(SlotSet(name, value) for name, value in also.items()), *events, *kept]
        return await answer_process(dispatcher, tracker, topics)


def question_taken_along(tracker: Tracker, text: str) -> list[EventType]:
    """The goal with a question the inwoner asked about their plan, so the summary carries it
    to the team (nothing when the request was sent already, or the goal has no room)."""
    goal = str(tracker.get_slot("goal") or "")
    question = text.strip()
    if not goal or tracker.get_slot("case_reference") or fold(question) in fold(goal):
        return []
    if tracker.get_slot("phase") in ("summary", "consent"):
        # The summary the inwoner saw, and the parties the consent question named, follow
        # from the goal: changing it now would send something else than they agreed to.
        return []
    kept = f"{goal} Vraag: {question}"
    return [SlotSet("goal", kept)] if len(kept) <= MAX_GOAL_CHARS else []


def consent_reply(tracker: Tracker, text: str) -> str | None:
    """At the consent question, a typed answer that says whom (not) to send to ("ja, maar niet
    naar het Werkgeversservicepunt") answers it, whatever the classifier made of it: the
    action that handles it; None otherwise."""
    if tracker.get_slot("phase") == "consent" and answers_consent(text):
        return "action_decline_consent" if NO.match(text) else "action_submit_case"
    return None


# After a "nee": that it may be sent after all ("nee hoor, stuur maar door", "nee, prima").
_YES_AFTER_ALL = words(r"stuur|doe|prima|goed|akkoord|ja|graag|mag\s+(het|wel|best)")


def yes_at_the_open_question(tracker: Tracker, text: str) -> str | None:
    """The action a typed yes leads to at the summary or consent question ("Ja, ze vindt het
    goed"), when the classifier did not read it as a yes; None otherwise."""
    follow = erasure_reply(tracker, text) or consent_reply(tracker, text)
    if follow:
        return follow
    if asks(text) or tracker.get_slot("erase_pending"):
        return None
    if tracker.get_slot("phase") == "consent" and says_yes_to_sending(text):
        # "U heeft mijn toestemming om dit door te sturen": a yes in other words
        return "action_submit_case"
    if (
        tracker.get_slot("phase") == "consent"
        and NO.match(text)
        and not _YES_AFTER_ALL.search(text)
    ):
        # "nee weet je wat, laat maar. ik regel het zelf wel": a no, whatever else it says
        # ("nee hoor, stuur maar" says yes after all)
        return "action_decline_consent"
    if not YES.match(text):
        return None
    return {"summary": "action_show_route", "consent": "action_submit_case"}.get(
        str(tracker.get_slot("phase"))
    )


def misunderstood(
    dispatcher: CollectingDispatcher, tracker: Tracker, english: bool
) -> list[EventType]:
    """A polite fallback; from the second misunderstanding on it offers a human."""
    count = int(tracker.get_slot("misunderstandings") or 0) + 1
    if english:
        dispatcher.utter_message(
            text="Sorry, ik begrijp alleen Nederlands. (Sorry, I only understand Dutch.)"
        )
    if count >= OFFER_HUMAN_AFTER:
        catalogue = knowledge.catalogue(tracker)
        dispatcher.utter_message(
            text=(
                "Het lukt mij niet goed om u te begrijpen. Wilt u liever een mens spreken? "
                + human_text(catalogue, get_settings().team_hours, has_intake=False)
            ),
            buttons=HUMAN_BUTTONS,
        )
    elif not english:
        dispatcher.utter_message(
            text="Sorry, dat begreep ik niet. Kunt u het op een andere manier zeggen?"
        )
    else:
        dispatcher.utter_message(text="Kunt u uw vraag in het Nederlands stellen?")
    return [SlotSet("misunderstandings", float(count))]


def opens_with_an_initiative(tracker: Tracker, text: str) -> bool:
    """Whether nothing is going on yet and a few words name an initiative ("voedselbank",
    "koor"), whatever small talk the classifier heard in them: the intake starts."""
    return (
        not tracker.active_loop.get("name")
        and tracker.get_slot("phase") not in ("summary", "consent")
        and not tracker.get_slot("goal")
        and not acknowledges(text)
        and names_an_initiative(text, tracker)
    )


def taken_as_answer(tracker: Tracker, requested: str, text: str) -> list[EventType]:
    """The slots a turn sets as the answer to the form's open question ([] when it answers
    nothing), whatever the classifier made of it."""
    values = answer_to(requested, text, tracker)
    if not values:
        return []
    events: list[EventType] = [SlotSet(name, value) for name, value in values.items()]
    if requested in ("needs", "stage", "organisation", "wijk"):
        # What the answer says plainly about another question ("Nog een idee, we zijn met de
        # bewonerscommissie"), as the form's own validation keeps it.
        events += told_in_passing(tracker, requested, text, events)
    return events


# People a problem is about ("mijn buurvrouw van 84", "de jongeren", "mijn tweeling").
_OF_PEOPLE = words(
    r"buurvrouw\w*|buurman|buurmannen|buren|bewoners|ouderen|senioren|kinderen|kids|jongeren|"
    r"tieners|pubers|zoon|zoons|zonen|dochter\w*|tweeling|klein(kind|zoon|dochter)\w*|moeder|"
    r"vader|ouders|opa|oma|vrouwen|mannen|mensen|gezinnen|nieuwkomers|statushouders|"
    r"vluchtelingen|mantelzorgers|eenzaam\w*"
)


class ActionInterpretTurn(Action):
    def name(self) -> str:
        return "action_interpret_turn"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = typed_text(tracker)
        in_form = tracker.active_loop.get("name") == "intake_form"
        requested = tracker.get_slot("requested_slot") if in_form else None

        follow = erasure_reply(tracker, text)
        if follow:
            return [FollowupAction(follow)]
        if text and asks_to_erase(text) and not keeps_details_back(tracker, text):
            return [FollowupAction("action_ask_erasure")]
        if text and not in_form:
            # A corrected number, address or name after the summary ("o wacht, mijn mail is
            # eigenlijk …"): applied and shown at the summary or consent; after sending, said
            # where to send it, also when asked as a request that asks nothing of the process
            # ("Kunt u ook mijn telefoonnummer toevoegen? Het is 06-…").
            statement = not asks(text)
            phase = tracker.get_slot("phase")
            if statement and phase in ("summary", "consent") and changed_contact(text, tracker):
                return [FollowupAction("action_apply_correction")]
            if statement and phase == "summary" and adds_a_need(text):
                # "Nee, er mist iets: we hebben ook een omgevingsvergunning nodig": added to the
                # summary, whatever service words the classifier heard in it.
                return [FollowupAction("action_apply_correction")]
            if (
                tracker.get_slot("case_reference")
                and contact_values(text)
                and (statement or not asked_topics(text))
            ):
                return contact_after_sending(dispatcher, tracker)

        topics = process_question(text, tracker)
        if (
            topics is None
            and acknowledges(text)
            and (requested != "contact_wanted" or only_heard(text))
        ):
            # "ok. top.", "helder", "👍": heard, no answer and no misunderstanding. A yes-word
            # at the summary or consent is a yes.
            follow = yes_at_the_open_question(tracker, text)
            if follow:
                return [FollowupAction(follow)]
            return acknowledge(dispatcher, tracker)
        if (
            topics is None
            and tracker.get_slot("phase") in ("summary", "consent")
            and not tracker.get_slot("erase_pending")
            and (an_aside(text) or steps_away(text))
            and not NO.match(text)
            and not yes_at_the_open_question(tracker, text)
        ):
            # "Hmm, even denken." or "haha sorry dat ik zo doorratel" at the summary or the
            # consent question: no answer yet; "ben zo terug": the question waits.
            dispatcher.utter_message(text=WAITING if steps_away(text) else aside_reply(text))
            return resume(dispatcher, tracker)
        if topics is not None:
            # An answer with a question in it ("Nog een idee. Kost het iets?"): both count.
            also: dict[str, Any] = (
                answer_to(requested, text, tracker)
                if requested and not asks_what_help_there_is(requested, topics)
                else {}
            )
            events = await answer_process(dispatcher, tracker, topics, go_on=not also)
            return [*(SlotSet(name, value) for name, value in also.items()), *events]

        if requested:
            events = taken_as_answer(tracker, requested, text)
            if events:
                return events

        phase = tracker.get_slot("phase")
        starts = not in_form and phase not in ("summary", "consent") and bool(text)
        if starts and person_first(text):
            return person_first(text)
        if starts and (
            looks_like_initiative(text, tracker)
            or names_an_initiative(text, tracker)
            # "mijn tweeling van 15 verveelt zich kapot deze vakantie": a problem of people told
            # first, the start of a story; the goal question asks what they want to do about
            # it. (A street that is dirty is a report for the general number.)
            or (
                tells_only_a_problem(text)
                and _OF_PEOPLE.search(text) is not None
                and not another_service(text, tracker)
            )
        ):
            started = start_intake(dispatcher, tracker)
            if started:
                return started

        follow = yes_at_the_open_question(tracker, text)
        if follow:
            return [FollowupAction(follow)]

        if text and not is_dutch(text):
            events = misunderstood(dispatcher, tracker, english=True)
            return events

        analysis = knowledge.analyse(text, tracker) if text else None
        # The same message again after the general number was given: that was not what they
        # meant, and the same referral would only loop.
        other_service = analysis is not None and another_service(text, tracker)
        # "Dag, ik help mijn buurman, zijn Nederlands is niet zo goed" or "Mijn naam is …, ik
        # ben 81 en woon in Hof van Delft" is an introduction, whatever the classifier made
        # of it; a matter of another service stays one.
        introduction = (types_for_another(text) or introduces_oneself(text)) and not asks(text)
        referral = other_service or (
            latest_intent(tracker) == "out_of_scope" and not in_form and not introduction
        )
        if referral and not said_again(tracker, text):
            catalogue = knowledge.catalogue(tracker)
            dispatcher.utter_message(text=other_service_text(catalogue, get_settings().website))
            return resume(dispatcher, tracker, start_form=False)
        if (
            starts
            and not tracker.get_slot("goal")
            and not tracker.get_slot("case_reference")
            and (_is_sentence(text) or _ASKS_FOR_HELP.search(text))
        ):
            # Nothing is going on yet and the message is no question we know: an
            # introduction ("ik typ dit namens mijn buurvrouw, ze heeft een goed idee"), or a
            # plain request for help ("wollah ik zoek hulp").
            # The intake starts with its first question instead of "dat begreep ik niet".
            dispatcher.utter_message(text="Fijn dat u er bent. Ik help u graag verder.")
            return [FollowupAction("intake_form")]
        if (
            text
            and (in_form or tracker.get_slot("goal"))
            and asks(text)
            and not about_another_service(text, asked_topics(text))
        ):
            # A question in Dutch the classifier took for something else ("Moet ik verzekerd
            # zijn?" heard as a goodbye): a question about the plan, answered honestly and
            # taken along, not "dat begreep ik niet".
            return await ActionAnswerProcess().reply(dispatcher, tracker, domain, text)
        return misunderstood(dispatcher, tracker, english=False)


class ActionCoreFallback(Action):
    """Rasa's core fallback (no policy is sure what comes next).

    Right after the inwoner's message it is a turn read again in context, like
    `action_interpret_turn`. After one of the assistant's own actions (an erasure, a case sent
    by a typed yes) it says nothing: the assistant has answered and waits for the inwoner,
    instead of adding "Sorry, dat begreep ik niet" to an answer that was fine.
    """

    def name(self) -> str:
        return "action_core_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.latest_action_name not in (None, "action_listen"):
            # Waiting for the inwoner: without this, no policy is sure of the next action
            # again, the fallback runs again, and Rasa's circuit breaker ends the turn with
            # no reply at all (the chat then answers 502).
            return [FollowupAction("action_listen")]
        return await ActionInterpretTurn().run(dispatcher, tracker, domain)


async def answer_capabilities(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str
) -> list[EventType]:
    """ "Wat kun jij?": what Loket does. A message the classifier took for that question but
    that describes an initiative ("Ik wil iets doen tegen eenzaamheid") starts the intake."""
    topics = process_question(text, tracker)
    if topics is not None:  # "Hoe kan ik straks zien hoe het ervoor staat?": the process
        return await answer_process(dispatcher, tracker, topics)
    if (
        not tracker.get_slot("goal")
        and text
        and not asks(text)
        and looks_like_initiative(text, tracker)
    ):
        started = start_intake(dispatcher, tracker)
        if started:
            return started
    nothing_yet = not tracker.get_slot("goal") and not tracker.get_slot("case_reference")
    if (
        nothing_yet
        and not tracker.active_loop.get("name")
        and asks_help_with_initiative(text, tracker)
    ):
        # "Kan de gemeente helpen met een buurtfeest?": yes, and the intake starts with what
        # the question tells (a question is no goal: that is asked).
        values = {k: v for k, v in prefill_from_message(tracker).items() if k != "goal"}
        dispatcher.utter_message(text="Daar help ik graag bij. Ik stel u een paar korte vragen.")
        return [
            *(SlotSet(name, value) for name, value in values.items()),
            FollowupAction("intake_form"),
        ]
    dispatcher.utter_message(text=answer("mogelijkheden", Known(), knowledge.catalogue(tracker)))
    if tracker.active_loop.get("name"):
        return []  # the form asks its open question again
    if not tracker.get_slot("goal") and not tracker.get_slot("case_reference"):
        # The form asks about the initiative, so the answer is read as one.
        return [FollowupAction("intake_form")]
    return []


class ActionAnswerCapabilities(Action):
    """`answer_capabilities` as an action of its own (`ask_question` reaches it through
    actions/question.py)."""

    def name(self) -> str:
        return "action_answer_capabilities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return await answer_capabilities(dispatcher, tracker, typed_text(tracker))
