"""Acknowledgements and closings ("ok", "top", "helder", "prima 👍", "ok dan bel ik wel").

People answer a referral, a receipt or an explanation with a word that only says "heard it".
That is no misunderstanding and no answer to an open question: it gets a short fitting reply,
and whatever was open (a question of the intake, the summary, consent, erasure) is asked
again. Where a yes/no question is open, a yes-word among them ("ok", "prima") is a yes, and is
read as one before this module is asked.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_text
from actions.process import asks
from actions.resume import resume


def _wordset(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# The words that say "heard it", "fine" or "thanks", in spreektaal and chat spelling; at least
# one must be there ("ik bel wel" alone is no acknowledgement, "ok ik bel wel" is).
_CORE = _wordset(
    """
    ok oke oké okee okey okay okidoki oki okido kk top topper toppie prima goed helder
    duidelijk begrepen snap gesnapt genoteerd goedzo mooi fijn super perfect netjes keurig
    geweldig gaaf cool chill nice akkoord check ah aha ahzo oh alright allright fine
    dank dankje dankjewel dankuwel danku bedankt thanks thx tnx thnx merci
    """
)
_THANKS = _wordset("dank dankje dankjewel dankuwel danku bedankt thanks thx tnx thnx merci")
# Words that may go with them and change nothing ("ja top", "dat is duidelijk", "ok dan weet
# ik genoeg", "ik bel ze wel", "dan ga ik zelf bellen", "super bedankt voor de info").
_WITH = _wordset(
    """
    ja jaja jawel yes yep jep ah oh o nou tja hoor wel dan zo lekker right
    je u jullie voor de het dat dit is was ik we wij ze zij nu even ff effe
    weet genoeg alles helemaal heel erg echt zeker maar toch nog ook al
    bel bellen kijk kijken regel regelen zoek zoeken probeer proberen doe doen ga gaan
    zelf zal zullen verder mee op komt kom informatie info uitleg antwoord hulp moeite
    """
)
# Those that also say yes ("top", "prima"); the others only say "heard it" ("helder", "aha").
_YES = _wordset(
    """
    ok oke oké okee okey okay okidoki oki okido kk top topper toppie prima goed goedzo akkoord
    yes yep jep ja jaja jawel perfect super keurig netjes mooi fijn cool chill nice geweldig
    gaaf
    """
)
# Emoji and symbols that say the same (👍 👌 🙏 🙂 😊 ✅ ❤️ …).
_ACK_SYMBOLS = re.compile(
    r"[\U0001F44D\U0001F44C\U0001F64F\U0001F642\U0001F60A\u2705\u2764\u263A\U0001F600-\U0001F60F]"
)
_SYMBOLS = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MAX_WORDS = 8


_STRETCHED = re.compile(r"(\w)\1{2,}")


def _words(text: str) -> list[str]:
    return _WORD.findall(_SYMBOLS.sub(" ", text or "").casefold())


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether a word is in `vocabulary`, also when stretched in chat ("okeee", "toppp",
    "cooool")."""
    return any(
        form in vocabulary
        for form in (word, _STRETCHED.sub(r"\1", word), _STRETCHED.sub(r"\1\1", word))
    )


def acknowledges(text: str) -> bool:
    """Whether a message only acknowledges or closes ("ok. top.", "prima 👍", "oké, helder",
    "👍", "ok dan bel ik ze wel"): short, no question, every word one of acknowledging or
    of the few that go with it, and at least one word or symbol that says it."""
    text = (text or "").strip()
    if not text or text.startswith("/") or asks(text):
        return False
    said = _words(text)
    if len(said) > _MAX_WORDS:
        return False
    if not said:
        return bool(_ACK_SYMBOLS.search(text))
    if any(not _known(w, _CORE) and not _known(w, _WITH) for w in said):
        return False
    return any(_known(w, _CORE) for w in said) or bool(_ACK_SYMBOLS.search(text))


def only_heard(text: str) -> bool:
    """An acknowledgement without a yes in it ("helder", "ah zo", "begrepen, dank u"): no
    consent to send, whatever the classifier made of it."""
    return acknowledges(text) and not any(_known(word, _YES) for word in _words(text))


def acknowledge(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A short reply that fits the moment; then the open question again, if there is one."""
    from actions.erasure import ask_again  # (erasure -> intake -> this module's words)

    if tracker.get_slot("erase_pending"):
        return ask_again(dispatcher, tracker)
    if tracker.active_loop.get("name"):
        dispatcher.utter_message(text="Goed.")
        return [FollowupAction("intake_form")]  # which asks its open question again
    phase = tracker.get_slot("phase")
    if phase in ("summary", "consent"):
        dispatcher.utter_message(text="Goed.")
        return resume(dispatcher, tracker)
    opener = "Graag gedaan." if _THANKS & set(_words(latest_text(tracker))) else "Fijn."
    if tracker.get_slot("case_reference") or tracker.get_slot("goal") or phase == "done":
        dispatcher.utter_message(
            text=(
                f"{opener} Heeft u nog een vraag? Stel die gerust. "
                "Anders wens ik u veel succes met uw initiatief!"
            )
        )
        return []
    dispatcher.utter_message(
        text=(
            f"{opener} Heeft u een idee voor de buurt of de stad, of een sociale "
            "onderneming? Vertel er dan gerust over. Anders wens ik u een fijne dag."
        )
    )
    return []


def contact_after_sending(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A new phone number, e-mail address or name once the request was sent: the case cannot
    be changed from the chat any more, so say so, and where to send the new details with the
    reference (the lead team's mailbox, else the loket team's, and the general number)."""
    from actions import knowledge
    from actions.messages import team_email

    catalogue = knowledge.catalogue(tracker)
    lead = catalogue.departments.get(str(tracker.get_slot("case_lead") or ""))
    mailbox = lead.email if lead and lead.email else team_email(catalogue)
    reference = tracker.get_slot("case_reference")
    dispatcher.utter_message(
        text=(
            f"Uw aanvraag {reference} is al doorgestuurd. Ik kan uw gegevens daarin niet meer "
            f"aanpassen. Mail uw nieuwe gegevens met uw kenmerk {reference} naar {mailbox}, of "
            f"bel {catalogue.general_contact}. Dan past het team het aan."
        )
    )
    return []
