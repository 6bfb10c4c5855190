"""Erasure by typing ("wis alles"): ask for confirmation, then erase the case, its deliveries
and the conversation the way the status page and "Wis gesprek" do, and say what was erased.

The case goes through the API (`DELETE /api/v1/cases?conversation_id=`, service token). The
conversation itself is erased by the chat proxy once this turn is stored: Rasa writes a turn's
events after its actions ran, so erasing them from here would not last (handoff/web/receipts.py).
"""

from __future__ import annotations

import asyncio
import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge, services
from actions.clients.handoff import HandoffRejected, HandoffUnavailable
from actions.intake import NO, YES, keeps_details_back, typed_text
from actions.messages import ERASE_OR_KEEP_WORDS, ERASE_WORDS, KEEP_NO_LONGER
from actions.process import asks
from actions.recipients import dutch_list
from actions.resume import resume
from actions.wordpatterns import WANTING, words
from routing import Catalogue

log = logging.getLogger(__name__)

PENDING_SLOT = "erase_pending"
# While the question is open, `phase` is unset (so a "ja" is never read as consent to send or
# as "the summary is right") and kept here, to be restored when the inwoner says no.
PHASE_SLOT = "phase"
KEPT_PHASE_SLOT = "phase_before_erasure"
YES_NO_ERASE = [
    {"title": "Ja, wis alles", "payload": "/affirm"},
    {"title": "Nee, niet wissen", "payload": "/deny"},
]
# What the chat proxy acts on after the turn (handoff.web.receipts.ERASE_CONVERSATION).
ERASE_REQUEST = {"loket": "erase_conversation"}


# "Weet u zeker …?" answered with keeping: "nee", "toch niet", "laat maar staan", "wacht even",
# "ik bedenk me", "bewaar het maar". Erasing cannot be undone, so any of these keeps all.
_KEEP = words(
    r"niet\s+(\w+\s+)?(wissen|wist|verwijderen|weghalen|weggooien|doen)|toch\s+(maar\s+)?niet|"
    r"(laat|laten)\s+(\w+\s+){0,3}staan|bewaar\w*\s+(\w+\s+){0,2}maar|laat\s+maar|"
    r"(be)?denk\s+(me|mij)|bedacht|wacht|stop|annuleer\w*|cancel|nog\s+niet|liever\s+niet|"
    r"hoeft\s+niet|doe\s+maar\s+niet|niet\s+nodig|toch\s+bewaren|houden|houd|hou\s+(het|maar)|"
    r"blijven|blijft|bestaan"
)
# ... and with erasing: a yes ("ja", "prima", "doe maar"), a word of erasing ("verwijder alles
# maar", "wis maar"), or of throwing away ("weg ermee", "alles mag weg", "gooi het weg").
_ERASE = words(
    r"zeker(\s+weten)?|weet\s+(het|ik)\s+zeker|weg\s+ermee|(mag|kan|moet)\s+(\w+\s+){0,2}weg|"
    r"(alles|allemaal|het|maar)\s+weg|gooi\w*\s+(\w+\s+){0,3}weg|ga\s+je\s+gang|"
    r"doe\s+(het\s+)?maar|graag|akkoord|prima|yes|jep"
)
# "Kunnen jullie alles verwijderen?", "kan ik dit gesprek laten wissen?", "ik wil dat mijn
# gegevens weg zijn": a request to erase, however politely it is asked. Not a question about
# the rules ("wanneer worden mijn gegevens gewist?", "hoe lang bewaren jullie het?").
_REQUEST = words(
    rf"{WANTING}|kunnen|kunt|kun|kan|kon|mag|mogen|graag|laten|moet|moeten|svp|aub|"
    r"alstublieft|alsjeblieft|a\.u\.b|verwijder|wis|haal|gooi"
)
_ABOUT_RULES = words(
    r"wanneer|hoe\s+lang|hoelang|na\s+hoeveel|automatisch|waarom|bewaard|"
    r"(wie|wat)\s+(kan|mag|wordt)|^\W*(worden|wordt|werd)"
)
_AWAY = words(
    r"weghalen|weg\s+doen|weggooien|weg\s+hebben|weg\s+(zijn|is)|"
    r"(mag|mogen|kan|kunnen|moet|moeten)\s+((?!de\s)\w+\s+){0,3}weg"
)


# What "weg" can be said of in this chat: data, the request, the conversation, or "it"
# right before "weg" ("ik wil dat het weg is"); not an old sofa ("ik moet een oude bank weg
# doen, grofvuil").
_GIVEN = words(
    r"gegevens|data|aanvraag|gesprek|chat|naam|nummer|e-?mail\w*|samenvatting|dossier|profiel|"
    r"info\w*|alles|allemaal|(het|dit|dat)\s+(\w+\s+)?(weg|eruit)\b"
)
# Any sign of erasing, keeping or privacy (the words of lex_erase in data/nlu/lexicon.yml
# among them): a message with none of these that the classifier took for an erase request
# inside the intake ("Ik heb geen plek. Meer machines heb ik niet.") answers the open question.
_ERASE_OR_PRIVACY = words(
    r"intrek\w*|trek\s+(\w+\s+){0,3}in|schrap\w*|vernietig\w*|weg\w*|gooi\w*|haal\w*|eruit|"
    r"systeem|vastleg\w*|privacy|gegevens|data|stop\w*|vergeet|annul\w*|cancel\w*|afzien|"
    r"zie\s+(\w+\s+)?af|niet\s+meer|niet\s+door"
)


def asks_to_erase(text: str) -> bool:
    """Whether a message asks to erase what the inwoner gave ("Kunnen jullie alles wat ik heb
    ingevuld verwijderen?"), not how erasing works ("wanneer worden mijn gegevens gewist?").
    Throwing away without an erasing word is about what they gave only when it says so."""
    text = text or ""
    if _ABOUT_RULES.search(text):
        return False
    if not ERASE_WORDS.search(text) and not (_AWAY.search(text) and _GIVEN.search(text)):
        return False
    return bool(_REQUEST.search(text))


# What the inwoner gave: everything, their data, what they wrote, this conversation.
_OWN_WORDS = words(
    r"alles|allemaal|mijn\s+(gegevens|aanvraag|naam|nummer|telefoonnummer|mail\w*|info\w*|verhaal)|"
    r"m['’]?n\s+(gegevens|aanvraag|naam|nummer|mail\w*|verhaal)|(wat|dat)\s+ik\s+(\w+\s+){0,3}"
    r"(geschreven|ingevuld|getypt|gezegd|verteld|gestuurd|opgegeven)|(dit|het|ons|dat)\s+gesprek|"
    r"(deze|de|dit)\s+chat"
)


def keep_wish(text: str) -> bool:
    """Whether a typed answer wishes the data kept no longer than needed ("ja, maar bewaar het
    niet langer dan nodig"), without asking to erase it now."""
    text = (text or "").strip()
    return (
        not text.startswith("/") and bool(KEEP_NO_LONGER.search(text)) and not asks_to_erase(text)
    )


def asks_to_erase_what_was_given(text: str) -> bool:
    """Whether an answer inside the intake asks to erase what the inwoner gave ("Kunt u alles
    wat ik net heb geschreven weer verwijderen?"), not something the plan removes ("we willen
    de graffiti verwijderen", "het zwerfvuil moet weg")."""
    return asks_to_erase(text) and bool(_OWN_WORDS.search(text or ""))


def erasure_answer(text: str) -> str | None:
    """How a typed answer to "Weet u zeker dat u alles wilt wissen?" reads: "keep", "erase",
    or None (a question, or something else)."""
    text = (text or "").strip()
    if not text or text.startswith("/") or asks(text):
        return None
    if NO.match(text) or _KEEP.search(text):
        return "keep"
    if YES.match(text) or ERASE_WORDS.search(text) or _ERASE.search(text):
        return "erase"
    return None


def erasure_reply(tracker: Tracker, text: str) -> str | None:
    """While "Weet u zeker …?" is open, the action a typed answer to it leads to (erase or
    cancel), whatever the classifier made of it; None otherwise."""
    if not tracker.get_slot(PENDING_SLOT):
        return None
    answer = erasure_answer(text)
    if answer == "erase":
        return "action_erase_everything"
    if answer == "keep":
        return "action_cancel_erasure"
    return None


def ask_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The question "Weet u zeker …?" once more, for a turn that did not answer it."""
    text = confirm_text(tracker.get_slot("case_reference"))
    dispatcher.utter_message(text=text, buttons=YES_NO_ERASE)
    return []


def confirm_text(reference: str | None) -> str:
    what = (
        f"dit gesprek en uw aanvraag {reference}, ook bij de teams en partners"
        if reference
        else "dit gesprek"
    )
    return f"Weet u zeker dat u alles wilt wissen? Dan wis ik {what}. Dit kan niet terug."


def erased_text(references: list[str]) -> str:
    if not references:
        return (
            "Ik heb dit gesprek gewist. U had nog geen aanvraag gedaan, dus er is niets "
            "doorgestuurd en niets bewaard."
        )
    cases = "uw aanvraag" if len(references) == 1 else "uw aanvragen"
    return (
        f"Ik heb {cases} {dutch_list(references)} gewist, met uw contactgegevens en de "
        "samenvattingen voor de teams en partners. Ook dit gesprek is gewist. "
        "Heeft een team of partner uw samenvatting al per e-mail gekregen? Vraag hen dan om "
        "die te wissen."
    )


def erase_failed_text(catalogue: Catalogue) -> str:
    return (
        "Het wissen lukt nu niet. Er is niets gewist. Probeer het over een paar minuten "
        f"opnieuw, of bel {catalogue.general_contact}."
    )


def close_question(tracker: Tracker) -> list[EventType]:
    """Close the question and put the phase back to where the conversation was."""
    return [
        SlotSet(PENDING_SLOT, False),
        SlotSet(PHASE_SLOT, tracker.get_slot(KEPT_PHASE_SLOT)),
        SlotSet(KEPT_PHASE_SLOT, None),
    ]


class ActionAskErasure(Action):
    """ "Verwijder mijn gegevens": says what would be erased and asks "Weet u zeker …?"."""

    def name(self) -> str:
        return "action_ask_erasure"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        from actions.help import in_the_intake_before, read_again  # they read these words
        from actions.interpret import consent_reply  # interpret reads this module's words

        typed = typed_text(tracker)
        follow = (
            consent_reply(tracker, typed)
            if typed and (keep_wish(typed) or not ERASE_OR_KEEP_WORDS.search(typed))
            else None
        )
        if follow:
            # "ja maar niet naar de TU, we willen los van de uni blijven" answers the consent
            # question; without a word of erasing it asks to erase nothing. Nor does "ja, maar
            # bewaar het niet langer dan nodig": a wish about keeping, said with a yes.
            return [FollowupAction(follow)]
        if (
            typed
            and not tracker.get_slot(PENDING_SLOT)
            and not ERASE_OR_KEEP_WORDS.search(typed)
            and not _ERASE_OR_PRIVACY.search(typed)
            and in_the_intake_before(tracker)
        ):
            # Nothing in it of erasing or keeping: the classifier misheard an answer ("Ik heb
            # geen plek. Meer machines heb ik niet." at the needs question). It is read again
            # in context, as the answer to the intake's open question.
            return await read_again(dispatcher, tracker, domain)
        no_contact = keeps_details_back(tracker, typed) if typed else {}
        if no_contact and tracker.get_slot("goal") and not tracker.get_slot("case_reference"):
            # "liever niet, laat mijn gegevens maar weg" at the contact question: no contact;
            # the intake goes on (its rule closed the form for an erase request).
            return [
                *(SlotSet(name, value) for name, value in no_contact.items()),
                FollowupAction("intake_form"),
            ]
        if tracker.get_slot(PENDING_SLOT) and typed:
            # Asked "Weet u zeker …?" and the answer asks to erase again ("Ja, graag
            # verwijderen", "wis het maar"): that is the confirmation, not a new request. One
            # that keeps ("nee, niet wissen", "laat maar staan") keeps everything.
            return [FollowupAction(erasure_reply(tracker, typed) or "action_erase_everything")]
        text = confirm_text(tracker.get_slot("case_reference"))
        dispatcher.utter_message(text=text, buttons=YES_NO_ERASE)
        events: list[EventType] = [SlotSet(PENDING_SLOT, True)]
        if tracker.active_loop.get("name"):
            # Reached from a question inside the intake ("kunnen jullie alles verwijderen?"):
            # the form waits, else it would ask its question over this one.
            events.append(ActiveLoop(None))
        if not tracker.get_slot(PENDING_SLOT):  # asked twice: keep the phase from before
            phase = tracker.get_slot(PHASE_SLOT)
            events += [SlotSet(KEPT_PHASE_SLOT, phase), SlotSet(PHASE_SLOT, None)]
        return events


class ActionEraseEverything(Action):
    """Confirmed: erase the conversation's cases through the API, then ask the chat proxy to
    erase the conversation, and say truthfully what was erased."""

    def name(self) -> str:
        return "action_erase_everything"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if erasure_answer(typed_text(tracker)) == "keep":
            # A yes in the classifier's eyes that keeps ("ja, nee wacht, toch niet"): nothing
            # that cannot be undone on a doubt.
            return [FollowupAction("action_cancel_erasure")]
        client = services.handoff_client()
        try:
            references = await asyncio.to_thread(client.erase_conversation, tracker.sender_id)
        except (HandoffUnavailable, HandoffRejected, KeyError, ValueError) as exc:
            log.warning("erasure by typing failed: %s", exc)
            dispatcher.utter_message(text=erase_failed_text(knowledge.catalogue(tracker)))
            return close_question(tracker)
        dispatcher.utter_message(text=erased_text(references))
        dispatcher.utter_message(json_message=ERASE_REQUEST)
        return [AllSlotsReset()]


class ActionCancelErasure(Action):
    """Not confirmed: nothing is erased; the conversation goes on where it was."""

    def name(self) -> str:
        return "action_cancel_erasure"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text="Goed, ik wis niets. We gaan verder waar we waren.")
        events = close_question(tracker)
        kept = tracker.get_slot(KEPT_PHASE_SLOT)
        if kept:
            events += resume(dispatcher, tracker, phase=kept)
        elif tracker.get_slot("goal") and not tracker.get_slot("case_reference"):
            # In the middle of the intake: the form asks its open question again.
            events.append(FollowupAction("intake_form"))
        return events
