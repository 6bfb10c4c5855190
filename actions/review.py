"""The summary before anything is sent, and corrections in place ("nee, het is in Voorhof")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.common import entity_values, first_normalised, intake_slots, latest_intent
from actions.erasure import asks_to_erase_what_was_given
from actions.intake import MAX_GOAL_CHARS, changed_contact, stops_for_a_person, typed_text
from actions.messages import YES_NO_SUMMARY, changed_text, summary_lines, summary_text
from actions.resume import resume
from actions.slots import (
    adds_a_need,
    is_meaningful_goal,
    merge_needs,
    normalise_needs,
    normalise_organisation,
    normalise_stage,
    normalise_wijk,
    wijk_meant,
    without_negated,
)
from actions.wordpatterns import NEGATED, addition, as_corrected, sentences


def show_summary(dispatcher: CollectingDispatcher, tracker: Tracker, slots: dict[str, Any]) -> None:
    text = summary_text(slots, knowledge.catalogue(tracker))
    dispatcher.utter_message(text=text, buttons=YES_NO_SUMMARY)


# Where the writer lives, said beside a correction ("Ik woon zelf in Wippolder, maar het
# repaircafé zit in Hof van Delft"): about the place, not about who is behind it.
_LIVES_IN = re.compile(
    r"\b(ik|wij|we)\s+(woon|wonen)\s+(\w+\s+){0,2}(in|aan|op|bij)\b[^,.;:!?]*|"
    r"\b(woon|wonen)\s+(ik|wij|we)\b[^,.;:!?]*",
    re.IGNORECASE,
)


# A need said to be missing from the summary ("Nee, er mist iets: we hebben ook een
# omgevingsvergunning nodig", "vergeet niet dat we ook geld zoeken").
# Naming what the summary says before correcting it ("Ik zie dat er stichting staat, maar …").
_NAMES_WHAT_IS_NOTED = re.compile(
    r"\b(ik\s+zie|ik\s+lees|er\s+staat|daar\s+staat|u\s+schrijft|jullie\s+schrijven|"
    r"u\s+heeft\s+(\w+\s+)?(genoteerd|opgeschreven))\b[^,.;:!?]*",
    re.IGNORECASE,
)


def corrections(tracker: Tracker) -> dict[str, Any]:
    """The slot changes a correction message asks for; empty when it names nothing."""
    catalogue = knowledge.catalogue(tracker)
    text = typed_text(tracker)
    intent = latest_intent(tracker)
    changes: dict[str, Any] = {}

    # "Nee, het is in Voorhof", whatever the intent; "het is niet in Hof van Delft maar in
    # Voordijkshoorn": the words say which wijk is meant, not which one the tagger took.
    wijk = wijk_meant(text, catalogue, tracker.get_slot("wijk")) if text else None
    if not wijk:
        wijk = first_normalised(tracker, "wijk", lambda v: normalise_wijk(v, catalogue))
    if not wijk and intent == "inform_wijk" and text:
        wijk = normalise_wijk(text, catalogue, knowledge.analyser(tracker))
    if wijk:
        changes["wijk"] = wijk

    needs = normalise_needs(entity_values(tracker, "need"), catalogue, knowledge.analyser(tracker))
    if not needs and text and (intent == "inform_need" or adds_a_need(text)):
        needs = [n for n in knowledge.analyse(text, tracker).needs if n in catalogue.needs]
    if needs:
        changes["needs"] = merge_needs(tracker.get_slot("needs"), needs, text)

    whole = text
    for slot, normalise in (("stage", normalise_stage), ("organisation", normalise_organisation)):
        analyse = knowledge.analyser(tracker)
        text = _LIVES_IN.sub(" ", whole) if slot == "organisation" and whole else whole
        found = first_normalised(tracker, slot, normalise, catalogue, analyse)
        # "het draait al, o wacht, nee: we zijn vorige maand pas begonnen": from the
        # correction on, when that names one.
        corrected = as_corrected(text) != text
        said = (normalise(as_corrected(text), catalogue, analyse) if corrected else None) or (
            normalise(text, catalogue, analyse) if text else None
        )
        # What the last sentence that names one says, without what it takes back ("… niet meer
        # aan het opstarten, de eerste groep is in januari begonnen. Het draait dus al.") and
        # without the value it first names as noted ("Ik zie dat er stichting staat, maar …").
        # (For who is behind it the whole message is read: "In de Wippolder woon ik alleen"
        # is no correction of that.)
        plain = None
        negated = bool(text and NEGATED.search(text))
        parts = (sentences(text) if slot == "stage" else [text]) if negated else []
        for part in reversed(parts):
            kept = _NAMES_WHAT_IS_NOTED.sub(" ", without_negated(part))
            plain = normalise(kept, catalogue, analyse) if kept.strip() else None
            if plain:
                break
        if plain:
            # "we zijn niet meer aan het opstarten hoor, we draaien gewoon": what is taken
            # back is no value; what is said plainly is.
            said = plain
        elif text and NEGATED.search(text) and said in (None, tracker.get_slot(slot)):
            # "Ik zie dat er stichting staat, maar … we zijn geen stichting, gewoon bewoners":
            # the old value is named first; what the last part says counts.
            last_part = re.split(r"[:;]|\bmaar\b", text)[-1]
            said = normalise(last_part, catalogue, analyse) or said
        if (
            slot == "stage"
            and text
            and not plain
            and NEGATED.search(text)
            and said in (None, tracker.get_slot(slot))
        ):
            # "We zijn niet meer aan het opstarten, de eerste groep begon in januari. Het draait
            # dus al.": the last sentence that names another stage says what it is now. (Not
            # for who is behind it: "In de Wippolder woon ik alleen" is no correction of that.)
            for sentence in reversed(sentences(text)):
                other = normalise(sentence, catalogue, analyse)
                if other and other != tracker.get_slot(slot) and not NEGATED.search(sentence):
                    said = other
                    break
        if slot == "organisation" and said == "sociale-onderneming":
            # "geen stichting meer, een bv, een sociale onderneming": the words decide.
            found = said
        elif said and said != tracker.get_slot(slot) and (NEGATED.search(text) or corrected):
            # "we zijn geen stichting, gewoon een groep bewoners": the tagged word is the one
            # taken back; the reading of the whole answer decides.
            found = said
        elif not found and intent == f"inform_{slot}":
            found = said
        if plain and found != plain:
            # a word tagged in what is taken back ("niet meer aan het opstarten") is no change
            found = plain if plain != tracker.get_slot(slot) else None
        if (
            slot == "organisation"
            and found
            and text != whole
            and not normalise(text, catalogue, analyse)
            and normalise(whole, catalogue, analyse) == found
        ):
            found = None  # a word tagged in where they live ("ik woon zelf in Wippolder")
        if found:
            changes[slot] = found
    text = whole

    if text:
        # An e-mail address or phone number is a change of contact details, whatever the
        # classifier made of the turn ("nee, mijn nummer is 06-…").
        changes.update(changed_contact(text, tracker))

    added = addition(text)
    if not changes and added and tracker.get_slot("goal"):
        # "Ja, dat klopt. Een kleine aanvulling: ook mensen van buiten de kerk zijn welkom":
        # added to what they want, not instead of it.
        goal = str(tracker.get_slot("goal")).rstrip()
        goal += "" if goal.endswith((".", "!", "?")) else "."
        changes["goal"] = f"{goal} {added}"[:MAX_GOAL_CHARS]
    elif not changes and intent == "describe_initiative" and is_meaningful_goal(text):
        changes["goal"] = text[:MAX_GOAL_CHARS]
    return changes


_CONSENT_ACTIONS = frozenset({"action_submit_case", "action_decline_consent"})


def consent_answer(tracker: Tracker) -> str | None:
    """At the consent question, a typed answer that says whom (not) to send to ("ja, maar niet
    naar de Vrijwilligerscentrale, alleen buren") is that answer, whatever the classifier made
    of it (a need, who is behind it): the action that handles it, else None."""
    from actions.interpret import consent_reply

    if tracker.get_slot("phase") != "consent" or tracker.latest_action_name in _CONSENT_ACTIONS:
        # (not back to the consent action that handed this turn on: that would loop)
        return None
    return consent_reply(tracker, typed_text(tracker))


def changed_lines(tracker: Tracker, changes: dict[str, Any]) -> list[str]:
    """The summary lines that `changes` would change (empty: it changes nothing)."""
    before = intake_slots(tracker)
    catalogue = knowledge.catalogue(tracker)
    old_lines = summary_lines(before, catalogue)
    new_lines = summary_lines({**before, **changes}, catalogue)
    return [line for key, line in new_lines.items() if line != old_lines.get(key)]


async def answered_as_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A question at the summary or consent ("wat is het verschil tussen een team en een
    partner?") is answered and the same question asked again; it is no correction."""
    from actions.interpret import answer_process, process_question
    from actions.process import asks
    from actions.recipients import answers_consent

    text = typed_text(tracker)
    if not text or (answers_consent(text) and not asks(text)):
        # "ja, maar niet naar de KVK" answers the consent question; "ik weet het niet… wie
        # krijgen het dan?" asks.
        return False
    topics = process_question(text, tracker)
    if topics is None:
        return False
    await answer_process(dispatcher, tracker, topics)
    return True


class ActionShowSummary(Action):
    def name(self) -> str:
        return "action_show_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        follow = consent_answer(tracker)
        if follow:
            return [FollowupAction(follow)]
        typed = typed_text(tracker)
        if stops_for_a_person(tracker, typed):
            return []  # the form stopped for a person: no summary of a half intake
        if tracker.get_slot("phase") != "summary" and asks_to_erase_what_was_given(typed):
            # The form stopped for a typed request to erase: confirm that first.
            return [FollowupAction("action_ask_erasure")]
        if tracker.get_slot("phase") == "consent" and await answered_as_question(
            dispatcher, tracker
        ):
            return []
        show_summary(dispatcher, tracker, intake_slots(tracker))
        return [SlotSet("phase", "summary")]


class ActionApplyCorrection(Action):
    """Applies what a 'nee, …' at the summary says and shows the summary again."""

    def name(self) -> str:
        return "action_apply_correction"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("phase") in ("summary", "consent") and await answered_as_question(
            dispatcher, tracker
        ):
            return []
        follow = consent_answer(tracker)
        if follow:
            return [FollowupAction(follow)]
        changes = corrections(tracker)
        events: list[EventType] = []
        if tracker.get_slot("phase") != "summary":
            events.append(SlotSet("phase", "summary"))
        if not changes:
            dispatcher.utter_message(response="utter_ask_what_to_change")
            return events
        slots = {**intake_slots(tracker), **changes}
        changed = changed_lines(tracker, changes)
        if not changed:
            # What was said is what we had: nothing to change, so do not claim a change.
            dispatcher.utter_message(text="Dat had ik al zo genoteerd.")
            if tracker.get_slot("phase") == "consent":
                # A reminder at the consent question ("o ja, we willen ook subsidie"): the
                # question stands.
                return resume(dispatcher, tracker)
            dispatcher.utter_message(response="utter_ask_what_to_change")
            return events
        dispatcher.utter_message(text=changed_text(changed))
        show_summary(dispatcher, tracker, slots)
        return [*events, *(SlotSet(k, v) for k, v in changes.items())]
