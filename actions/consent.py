"""The route, explicit consent, and handing the case to the handoff API."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import uuid
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge, services
from actions.clients.handoff import CaseReceipt, HandoffRejected, HandoffUnavailable
from actions.closing import only_heard
from actions.common import ALL_INTAKE_SLOTS, intake_slots, latest_text
from actions.erasure import keep_wish
from actions.intake import NO, YES, new_contact_details, yes_or_no
from actions.messages import (
    CONSENT_AGAIN,
    ERASE_OR_KEEP_WORDS,
    ERASE_WORDS,
    KEEP_NO_LONGER,
    YES_NO_CONSENT,
    consent_unclear_text,
    declined_text,
    handoff_down_text,
    handoff_rejected_text,
    out_of_scope_route_text,
    route_text,
    team_email,
)
from actions.recipients import (
    PARENT_BUTTONS,
    PARENT_NEEDED,
    consent_question,
    contact_given,
    details_withheld,
    dutch_list,
    exclusion_check_text,
    is_minor,
    lead_required_text,
    leaves_out_a_name,
    names_not_listed,
    only_parties,
    parent_agrees,
    reachable,
    route_changed_text,
    withheld_text,
    without_exclusion,
    without_withheld,
)
from actions.recipients import (
    left_out as parties_left_out,
)
from actions.review import answered_as_question, corrections
from actions.settings import get_settings, service_token
from actions.slots import field_slot, intake_from_slots, unknown_choices_left_out
from actions.wordpatterns import TURNS_TO_NO, addition, correction_start, words
from routing import Catalogue, Route
from routing.dutch import dutch_date

log = logging.getLogger(__name__)
# The parties the inwoner left out so far while the consent question is open.
EXCLUDED_SLOT = "consent_excluded"
# The parties the consent question named: a yes sends to these only. When what was said since
# changed the route (a party added), the question is asked again naming every party.
NAMED_SLOT = "consent_named"
# The handoff API accepts these conversation ids (schemas.CaseCreate.conversation_id).
_CONVERSATION_ID = re.compile(r"^[\w.:-]{1,200}$")
# Words that take a typed "ja" back: erasing, not sending, not keeping, stopping. A "ja" with
# one of them ("ja, wis alles") is no clear consent, so nothing is sent and the question is
# asked again. Consent must be unambiguous; asking once more costs the inwoner one click.
_WITHDRAWN = words(
    r"wis\w*|gewist|verwijder\w*|delete|weg\s*halen|niet|geen|nee|nooit|stop\w*|bewaar\w*|"
    r"opslaan|annuleer\w*|laat\s+maar"
)


# A refusal without a "nee" first: an answer turned to no ("laat maar", "toch maar niet",
# the one spelling in wordpatterns), or not wanting it sent ("ik wil niet dat het verstuurd
# wordt").
_REFUSAL = words(
    rf"{TURNS_TO_NO}|liever\s+niet|(ik|we|wij)\s+(wil|willen)\s+(\w+\s+){{0,2}}niet\s+dat|"
    r"niet\s+(door)?(sturen|versturen|delen)|niet\s+doen|geen\s+toestemming|"
    r"(geef|geven)\s+(\w+\s+)?(niet|nie)\s+(\w+\s+)?toestemming|"
    # not yet ("Nee, liever nog niet. Ik wil dit eerst met de kerkenraad bespreken")
    r"liever\s+nog\s+(niet|nie)|^\W*(nee\W*)?nog\s+(niet|nie)(?=\s*([.!,]|$))|"
    r"eerst\s+(\w+\s+){0,6}(bespreken|overleggen|voorleggen|vragen)\b|"
    r"voordat\s+(er\s+)?(\w+\s+){0,3}(naar\s+anderen|doorgestuurd|verstuurd|gedeeld)"
)


# Saying yes to sending without the word "ja" ("stuur maar door", "de rest is prima").
_SEND_IT = words(
    r"stuur\s+(het\s+|alles\s+|u\s+|jij\s+|je\s+)?(maar\s+|gerust\s+)?(door|op)|"
    r"de\s+rest\s+(is\s+|mag\s+)?(het\s+)?(prima|goed|oké|oke|ok|hebben)|doe\s+maar|"
    r"ga\s+(je|uw)\s+gang|"
    # leave given in words ("U heeft mijn toestemming om dit door te sturen", "het mag
    # doorgestuurd worden")
    r"(geef|geven)\s+(bij\s+deze\s+|hierbij\s+|graag\s+|u\s+|jullie\s+)*(mijn\s+|onze\s+)?"
    r"toestemming|(heeft|hebt|hebben|krijgt)\s+(u\s+|je\s+|jullie\s+)?(mijn|onze)\s+toestemming|"
    r"met\s+(mijn|onze)\s+toestemming|toestemming\s+(gegeven|verleend)|"
    r"(mag|mogen)\s+(u\s+|je\s+|jullie\s+)?(het\s+|dit\s+|dat\s+|alles\s+)?"
    r"((?!niet\b|nie\b|geen\b)\w+\s+)?(doorgestuurd|doorsturen|versturen|verstuurd|opsturen|gedeeld|delen)\b"
)


# A line of the summary said to be wrong ("de wijk klopt niet", "mijn nummer is fout").
_FIELD_WRONG = words(
    r"(klopt|klopte|kloppen)\s+(\w+\s+)?(niet|nie)|(is|zijn|staat|staan)\s+(\w+\s+)?(fout|verkeerd|"
    r"niet\s+goed|niet\s+juist)|moet\s+anders"
)


def says_yes_to_sending(text: str) -> bool:
    """Whether a typed answer to the consent question says yes: a button, a yes, or "stuur
    maar door". Anything else sends nothing ("Het is trouwens in Tanthof, niet Voorhof" is no
    yes, whatever the classifier made of it)."""
    text = (text or "").strip()
    if not text or text.startswith("/"):
        return True  # a button (its payload or no text at all)
    return yes_or_no(text) is True or bool(_SEND_IT.search(text))


# Where a yes and a wish said with it part: a comma or sentence end, "maar", "als", "mits".
_CLAUSES = re.compile(r"[,.;!?]+|\b(?:maar|als|mits|zolang)\b", re.IGNORECASE)


def without_keep_wish(text: str) -> str:
    """The answer without its clause about keeping: what is left must be a yes."""
    return " ".join(c for c in _CLAUSES.split(text or "") if c and not KEEP_NO_LONGER.search(c))


# A hope or "it does not matter" beside a yes ("Als het maar niet weer blijft liggen", "Maakt
# mij niet uit, stuur maar door"): its "niet" does not take the yes back, unless it speaks of
# sending, keeping or erasing.
_HOPE_BESIDE = words(
    r"als\s+(het|dat|ie|er|jullie|u|ze)\s+(\w+\s+){0,2}maar\s+[^.,;!?]*|(ik\s+|we\s+|wij\s+)?"
    r"(hoop|hopen)\s+[^.,;!?]*|hopelijk\s+[^.,;!?]*|maakt\s+(\w+\s+)?(niet|nie)\s+(zoveel\s+)?uit"
)
_ABOUT_SENDING = words(
    r"\w*stuur\w*|\w*gestuurd|deel\w*|gedeeld|door|wis\w*|gewist|verwijder\w*|bewaar\w*|"
    r"bewar\w*|opslaan|opgeslagen|annuleer\w*|stop\w*|naar|gegevens|delen"
)


def consent_is_unclear(text: str) -> bool:
    """A typed yes that also says to erase, not send or stop (a button payload is clear)."""
    text = (text or "").strip()
    if text.startswith("/"):
        return False
    text = _HOPE_BESIDE.sub(
        lambda m: m.group(0) if _ABOUT_SENDING.search(m.group(0)) else " ", text
    )
    return bool(_WITHDRAWN.search(text))


def case_payload(
    slots: dict[str, Any],
    sender_id: str,
    recipients: list[str] | None = None,
    municipality: str | None = None,
) -> dict[str, Any]:
    """The body of POST /api/v1/cases: intake, consent and the parties it covers, chosen
    contact details, call-back wish, conversation, and the conversation's municipality."""
    intake = intake_from_slots(slots)
    payload: dict[str, Any] = {"intake": intake.model_dump(mode="json"), "consent": True}
    if municipality:
        payload["intake"]["municipality"] = municipality
    if recipients is not None:
        payload["recipients"] = recipients
    contact = contact_given(slots)
    if contact:
        if slots.get("contact_time"):
            contact = {**contact, "preferred_time": str(slots["contact_time"])[:100]}
        payload["contact"] = contact
        # The API takes a call-back only with a way to reach the inwoner; the field is sent
        # only when true, so a case without one stays valid for an API without the field.
        if slots.get("callback") and (contact.get("phone") or contact.get("email")):
            payload["callback_requested"] = True
    if sender_id and _CONVERSATION_ID.match(sender_id):
        payload["conversation_id"] = sender_id
    return payload


def case_facts(payload: dict[str, Any], receipt: Any) -> list[EventType]:
    """What later questions ("wanneer hoor ik iets?") need to know of the case just made."""
    contact = payload.get("contact") or {}
    return [
        SlotSet("case_lead", getattr(receipt, "lead", None)),
        SlotSet("case_reply_by", receipt.reply_by.isoformat() if receipt.reply_by else None),
        SlotSet("case_contact", bool(contact.get("email") or contact.get("phone"))),
        SlotSet("case_callback", bool(payload.get("callback_requested"))),
    ]


def idempotency_key(nonce: str) -> str:
    """The Idempotency-Key of a case: HMAC of the slot's random nonce with the service token.

    The API answers a retry with the same key and body with the case's status token, and the
    tracker store holds the slot and the body; the key itself therefore stays out of Rasa.
    Without a service token yet, the nonce is the key."""
    secret = service_token()
    if not secret:
        return nonce
    return hmac.new(secret.encode("utf-8"), nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def reset_intake() -> list[EventType]:
    """Forget the intake once it is sent or declined (the form slots of a finished case)."""
    return [SlotSet(name, None) for name in ALL_INTAKE_SLOTS] + [
        SlotSet(EXCLUDED_SLOT, None),
        SlotSet(NAMED_SLOT, None),
    ]


def user_texts(tracker: Tracker) -> list[str]:
    """Everything the inwoner typed in this conversation (for an age they mentioned)."""
    texts = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    return [*texts, latest_text(tracker)]


def route_of(slots: dict[str, Any], tracker: Tracker) -> Route:
    return knowledge.route(intake_from_slots(slots), tracker)


def receipt_text(
    receipt: CaseReceipt,
    catalogue: Catalogue,
    sent_to: list[str],
    left_out: list[str],
    contact: dict[str, str],
    working_days: int | None,
    not_listed: str | None = None,
    withheld: list[str] | None = None,
    keep_short: bool = False,
) -> str:
    """The reference, who got it, and what happens next. A reply is promised only when the
    team can reach the inwoner (e-mail or phone); otherwise: how to follow it up. A name they
    left out that was not on the list (`not_listed`) is said not to get it."""
    names = dutch_list([catalogue.name_of(p) for p in sent_to])
    lines = [
        f"Dank u wel. Uw vraag is doorgestuurd naar {names}. Uw kenmerk is {receipt.reference}."
    ]
    if left_out:
        skipped = dutch_list([catalogue.name_of(p) for p in left_out])
        lines.append(f"Zoals u vroeg, is uw vraag niet naar {skipped} gegaan.")
    if not_listed:
        lines.append(f"{not_listed} stond niet in de lijst, dus die krijgt uw vraag ook niet.")
    if withheld:
        lines.append(withheld_text(withheld))
    if keep_short:
        lines.append(
            "U vroeg uw gegevens niet langer te bewaren dan nodig. Ze worden alleen voor deze "
            "vraag gebruikt, en u kunt uw aanvraag zelf verwijderen met de link hieronder."
        )
    lead = receipt.lead_name or catalogue.name_of(receipt.lead or "")
    team = catalogue.departments.get(receipt.lead or "")
    email = (team.email if team else None) or team_email(catalogue)
    if reachable(contact):
        when = f"binnen {working_days} werkdagen" if working_days else "zo snel mogelijk"
        by = f", uiterlijk op {dutch_date(receipt.reply_by)}" if receipt.reply_by else ""
        lines.append(f"{lead} neemt {when} contact met u op{by}.")
    else:
        lines.append(
            "U gaf geen e-mailadres of telefoonnummer. Het team kan u dus niet zelf bereiken."
        )
    lines.append(
        "Met de link hieronder ziet u hoe het ervoor staat. Daar kunt u uw aanvraag ook "
        "verwijderen. Bewaar de link goed: wij kunnen hem niet nog een keer sturen."
    )
    lines.append(f"Vragen? Mail {email} of bel {catalogue.general_contact} en noem uw kenmerk.")
    return "\n".join(lines)


class ActionShowRoute(Action):
    """Who picks it up and why, which partners and instruments, when; then asks consent."""

    def name(self) -> str:
        return "action_show_route"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("phase") == "summary" and await answered_as_question(
            dispatcher, tracker
        ):
            return []  # a question taken for "the summary is right": answered, asked again
        if new_contact_details(tracker, latest_text(tracker)) or (
            tracker.get_slot("phase") == "summary" and addition(latest_text(tracker))
        ):
            # "Ja, klopt. Een kleine aanvulling: …": applied and shown before consent.
            return [FollowupAction("action_apply_correction")]
        catalogue = knowledge.catalogue(tracker)
        slots = intake_slots(tracker)
        route = route_of(slots, tracker)
        if not route.in_scope:
            text = out_of_scope_route_text(catalogue, get_settings().website)
            dispatcher.utter_message(text=text)
            return [SlotSet("phase", "done"), *reset_intake()]
        reply_by = None
        if route.lead:
            try:
                answer = await asyncio.to_thread(
                    services.handoff_client().reply_by, route.lead, knowledge.municipality(tracker)
                )
                reply_by = (answer.working_days, answer.reply_by)
            except (HandoffUnavailable, HandoffRejected, KeyError, ValueError) as exc:
                log.warning("no reply-by date for %s: %s", route.lead, exc)
        contact = contact_given(slots)
        dispatcher.utter_message(text=route_text(route, catalogue, reply_by, reachable(contact)))
        minor = is_minor(user_texts(tracker))
        question = consent_question(route, catalogue, route.recipients, contact, minor)
        dispatcher.utter_message(text=question, buttons=YES_NO_CONSENT)
        events: list[EventType] = [
            SlotSet("phase", "consent"),
            SlotSet(EXCLUDED_SLOT, None),
            SlotSet(NAMED_SLOT, list(route.recipients)),
        ]
        if not tracker.get_slot("idempotency_key"):
            events.append(SlotSet("idempotency_key", str(uuid.uuid4())))
        return events


class ConsentAnswerAction(Action, ABC):
    """An answer to the consent question (a yes or a no). A question the classifier took for
    one ("Hoezo dat team?", "ik weet het niet… wie krijgen het dan?") is answered, nothing is
    sent or decided, and the consent question stands; `decide` handles a real answer."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if await answered_as_question(dispatcher, tracker):
            return [SlotSet("phase", "consent")]
        return await self.decide(dispatcher, tracker, latest_text(tracker))

    @abstractmethod
    async def decide(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str
    ) -> list[EventType]:
        """What the answer does."""


class ActionSubmitCase(ConsentAnswerAction):
    """Consent given: POST the case for the parties agreed to, with an Idempotency-Key. When
    the API stays unavailable, nothing is stored here: the answers stay in the conversation
    and the question is asked again, so a later "ja" sends the same case (the same key: never
    twice). A lead team left out or an unclear yes: ask again."""

    def name(self) -> str:
        return "action_submit_case"

    async def decide(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str
    ) -> list[EventType]:
        if new_contact_details(tracker, text):
            # "Ja, maar mijn nummer is nu 06-…": never sent with the old details; the
            # correction is shown at the summary first.
            return [FollowupAction("action_apply_correction")]
        if only_heard(text):
            # "ah zo", "helder", "begrepen": heard, but no yes to sending.
            dispatcher.utter_message(text=CONSENT_AGAIN, buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent")]
        catalogue = knowledge.catalogue(tracker)
        slots = intake_slots(tracker)
        route = route_of(slots, tracker)
        parties = route.recipients
        said = parties_left_out(text, parties, catalogue)
        named = said or []
        left_out = [p for p in parties if p in {*(tracker.get_slot(EXCLUDED_SLOT) or []), *named}]
        if route.lead in left_out:
            kept_out = [p for p in left_out if p != route.lead]
            kept = [p for p in parties if p not in kept_out]
            dispatcher.utter_message(
                text=lead_required_text(route, catalogue, kept), buttons=YES_NO_CONSENT
            )
            return [SlotSet("phase", "consent"), SlotSet(EXCLUDED_SLOT, kept_out or None)]
        if (
            not text.startswith("/")
            and not YES.match(text)
            and (NO.match(text) or _REFUSAL.search(text))
        ):
            # "Hmm, nee. Ik wil toch niet dat mijn gegevens naar al die organisaties gaan":
            # a no, whatever the classifier made of it (leaving parties out included); "ik
            # wil niet dat jullie dit bewaren" also asks to erase (which asks to confirm).
            if ERASE_OR_KEEP_WORDS.search(text):
                return [FollowupAction("action_ask_erasure")]
            return [FollowupAction("action_decline_consent")]
        # "ja maar niet naar voor je buurt": a party in lower case, listed or not, is left out
        # too; what is left must be the yes.
        not_listed = names_not_listed(text, parties, catalogue)
        leaves_out = bool(named) or leaves_out_a_name(text) or not_listed is not None
        plain = without_exclusion(text) if leaves_out else text
        # "Ja, maar zonder mijn telefoonnummer": sent, without that detail.
        withheld = [] if text.startswith("/") else details_withheld(text)
        if withheld:
            plain = without_withheld(plain)
        keeps_short = keep_wish(text)
        if keeps_short:
            plain = without_keep_wish(plain)
        yes = says_yes_to_sending(text) or says_yes_to_sending(plain)
        if not yes and not only_parties(text, parties, catalogue):
            if tracker.latest_action_name != "action_apply_correction" and corrections(tracker):
                # "Het is trouwens in Tanthof, niet Voorhof": a correction, shown at the
                # summary first; no yes to sending.
                return [FollowupAction("action_apply_correction")]
            dispatcher.utter_message(text=consent_unclear_text(False), buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent")]
        # "Ja, maar niet naar <a party that was not on the list>" is still a clear yes: the
        # clause that leaves someone out is not read as taking the yes back.
        if said is None or consent_is_unclear(plain):
            erase = bool(ERASE_WORDS.search(text))
            dispatcher.utter_message(text=consent_unclear_text(erase), buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent")]
        texts = user_texts(tracker)
        # A yes right after the parent question answers it (not one asked in an earlier
        # intake of this conversation).
        last_said = next(
            (e.get("text") for e in reversed(tracker.events) if e.get("event") == "bot"), None
        )
        asked_parent = last_said == PARENT_NEEDED
        if is_minor(texts) and not parent_agrees(texts) and not asked_parent:
            # Under 16 the inwoner's own yes is not enough: a parent or carer agrees too. The
            # question asks that; a yes to it is their yes ("Ja, dat klopt"), a no sends
            # nothing.
            dispatcher.utter_message(text=PARENT_NEEDED, buttons=PARENT_BUTTONS)
            return [SlotSet("phase", "consent")]
        sent_to = [p for p in parties if p not in left_out]
        named_before = tracker.get_slot(NAMED_SLOT)
        unnamed = [p for p in sent_to if named_before is not None and p not in named_before]
        if unnamed:
            # The route changed after the question was asked (something said since added a
            # party): a yes to the old list is no yes to these. Ask again, naming every party.
            dispatcher.utter_message(text=route_changed_text(unnamed, catalogue))
            minor = is_minor(texts)
            question = consent_question(route, catalogue, parties, contact_given(slots), minor)
            dispatcher.utter_message(text=question, buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent"), SlotSet(NAMED_SLOT, list(parties))]
        nonce = tracker.get_slot("idempotency_key") or str(uuid.uuid4())
        key = idempotency_key(nonce)
        kept_back = {f"contact_{detail}": None for detail in withheld}
        sent = {**slots, **kept_back, **unknown_choices_left_out(slots, catalogue)}
        payload = case_payload(sent, tracker.sender_id, sent_to, knowledge.municipality(tracker))
        done: list[EventType] = [SlotSet("phase", "done"), SlotSet("idempotency_key", None)]
        client = services.handoff_client()
        try:
            receipt = await asyncio.to_thread(client.create_case, payload, key)
        except HandoffUnavailable as exc:
            log.warning("handoff API unavailable, case %s not sent yet: %s", key, exc)
            dispatcher.utter_message(text=handoff_down_text(catalogue), buttons=YES_NO_CONSENT)
            # The nonce, not the key, stays in the conversation (the key gets the status token).
            # A detail kept back is forgotten, so the later yes cannot send it.
            return [
                SlotSet("phase", "consent"),
                SlotSet("idempotency_key", nonce),
                *(SlotSet(name, None) for name in kept_back),
            ]
        except HandoffRejected as exc:
            log.error("handoff API rejected case %s: %s", key, exc)
            dispatcher.utter_message(text=handoff_rejected_text(catalogue))
            return [*done, *reset_intake()]
        working_days = None
        if receipt.lead:
            try:
                answer = await asyncio.to_thread(
                    client.reply_by, receipt.lead, knowledge.municipality(tracker)
                )
                working_days = answer.working_days
            except (HandoffUnavailable, HandoffRejected, KeyError, ValueError) as exc:
                log.warning("no reply days for %s: %s", receipt.lead, exc)
        contact = contact_given(sent) if "contact" in payload else {}
        dispatcher.utter_message(
            text=receipt_text(
                receipt,
                catalogue,
                sent_to,
                left_out,
                contact,
                working_days,
                not_listed,
                withheld,
                keeps_short,
            )
        )
        # Only the reference goes through Rasa: the chat proxy turns it into the status link,
        # so the link's token never reaches the tracker store (handoff/web/receipts.py).
        dispatcher.utter_message(
            json_message={"loket": "status_link", "reference": receipt.reference}
        )
        return [
            *done,
            *reset_intake(),
            SlotSet("case_reference", receipt.reference),
            *case_facts(payload, receipt),
        ]


class ActionDeclineConsent(ConsentAnswerAction):
    """Consent refused: nothing is sent or stored as a case; offer the team's contact.
    A "nee" that only leaves parties out ("nee, niet naar de KVK") asks whether the others
    may have it."""

    def name(self) -> str:
        return "action_decline_consent"

    async def decide(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str
    ) -> list[EventType]:
        catalogue = knowledge.catalogue(tracker)
        if YES.match(text) and not NO.match(text):
            # "Ja, maar niet naar <a party not on the list>" taken for a no: it is a yes.
            return [FollowupAction("action_submit_case")]
        if correction_start(text) and yes_or_no(text) is True:
            # "Nee… o wacht, ja, stuur maar door": a no that turns into a yes is no clear
            # consent, and no refusal either; the question is asked once more.
            dispatcher.utter_message(text=consent_unclear_text(False), buttons=YES_NO_CONSENT)
            return [SlotSet("phase", "consent")]
        named: list[str] = []
        if not text.startswith("/"):
            route = route_of(intake_slots(tracker), tracker)
            named = parties_left_out(text, route.recipients, catalogue) or []
        if named:
            if route.lead in named:
                others = [p for p in named if p != route.lead]
                kept = [p for p in route.recipients if p not in others]
                dispatcher.utter_message(
                    text=lead_required_text(route, catalogue, kept), buttons=YES_NO_CONSENT
                )
                return [SlotSet("phase", "consent"), SlotSet(EXCLUDED_SLOT, others or None)]
            kept = [p for p in route.recipients if p not in named]
            dispatcher.utter_message(
                text=exclusion_check_text(kept, named, catalogue), buttons=YES_NO_CONSENT
            )
            return [SlotSet("phase", "consent"), SlotSet(EXCLUDED_SLOT, named)]
        if (
            not text.startswith("/")
            and not _REFUSAL.search(text)
            and tracker.latest_action_name != "action_apply_correction"
            and corrections(tracker)
        ):
            # "Nee, het is in Tanthof" at the consent question corrects the summary; it does
            # not refuse: the correction is applied and the summary shown again. "Nee, ik wil
            # toch niet dat het verstuurd wordt" refuses.
            return [FollowupAction("action_apply_correction")]
        if (
            not text.startswith("/")
            and not _REFUSAL.search(text)
            and _FIELD_WRONG.search(text)
            and field_slot(text)
        ):
            # "nee wacht, de wijk klopt niet": a line of the summary is wrong, but not how;
            # asked what to change, not taken for a no (which would throw the answers away).
            return [FollowupAction("action_apply_correction")]
        dispatcher.utter_message(text=declined_text(catalogue))
        return [SlotSet("phase", "done"), SlotSet("idempotency_key", None), *reset_intake()]
