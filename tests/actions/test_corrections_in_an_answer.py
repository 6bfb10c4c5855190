"""An answer that corrects itself counts from its last correction (issue #12, point 3): one
reading (`actions.wordpatterns.correction_start`) for every question answered in words, read
where a turn is read as the answer to the open question (`actions.intake.answer_to`), in the
form's own validation and in the turn the classifier was unsure of. Every text is written for
these tests (tests/actions/phrasings.yml)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.consent import ActionDeclineConsent
from actions.intake import ActionStartChange, ValidateIntakeForm, answer_to, yes_or_no
from actions.interpret import ActionInterpretTurn
from actions.wordpatterns import as_corrected, correction_start
from tests.actions.conftest import make_tracker, phrasings, run_action

FILLED = {
    "goal": "Een ruilkast voor boeken in de portiek",
    "needs": ["vrijwilligers"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Ruiven",
    "contact_wanted": True,
    "contact_name": "Lotte Vermeer",
    "contact_email": "lotte@example.nl",
}


def form_domain(requested: str) -> dict[str, Any]:
    return {"forms": {"intake_form": {"required_slots": ["goal", requested]}}}


async def form_reads(
    text: str, requested: str, entities: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The slots the intake form's own validation sets for `text` typed at `requested`, with
    the candidates Rasa's slot mappings made of it: the tagged entities, or the whole text
    for the goal."""
    slot_of = {"need": "needs"}
    candidates = {slot_of.get(e["entity"], e["entity"]): e["value"] for e in entities or []}
    if "needs" in candidates:
        candidates["needs"] = [candidates["needs"]]
    if requested == "goal":
        candidates["goal"] = text
    events = [{"event": "user", "text": text}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in candidates.items()]
    reply = await run_action(
        ValidateIntakeForm(),
        text,
        "inform",
        domain=form_domain(requested),
        entities=entities,
        asking=requested,
        slots={"goal": "Een buurtmoestuin voor de flat"} if requested != "goal" else {},
        events=events,
        latest_action_name="intake_form",
    )
    return reply.slots


_WIJKEN = ("Buitenhof", "Tanthof", "Voorhof", "Vrijenban", "TU-wijk", "Binnenstad")


def tagged(text: str, entity: str, word: str) -> dict[str, Any]:
    """An entity the tagger found in `text` at `word` (first occurrence, any case)."""
    start = text.casefold().index(word.casefold())
    return {"entity": entity, "value": word, "start": start, "end": start + len(word)}


# -- the one reading --


@pytest.mark.parametrize(("text", "corrects"), phrasings("answer that corrects itself"))
def test_a_correction_is_read_where_there_is_one_and_only_there(text, corrects):
    assert (correction_start(text) > 0) is corrects
    if not corrects:
        assert as_corrected(text) == text  # a filler or a negation keeps the whole answer


def test_what_counts_is_the_part_after_the_last_correction():
    assert as_corrected("Buitenhof, nee wacht, Tanthof. O nee, sorry, Ruiven") == "Ruiven"
    # words that correct and answer at once stay part of it
    assert as_corrected("Ja graag. Of nee, toch maar niet") == "toch maar niet"
    # a correction with nothing after it corrects nothing
    assert as_corrected("Vrijenban, nee wacht") == "Vrijenban, nee wacht"


# -- each question --


@pytest.mark.parametrize(("text", "wijk"), phrasings("corrected wijk answer"))
async def test_a_corrected_wijk_answer_keeps_the_wijk_it_ends_with(real_words, text, wijk):
    tracker = make_tracker(text=text, asking="wijk", active_loop="intake_form")
    assert answer_to("wijk", text, tracker) == {"wijk": wijk}
    # also when the tagger took the first wijk it named
    first = next(w for w in _WIJKEN if w.casefold() in text.casefold())
    slots = await form_reads(text, "wijk", [tagged(text, "wijk", first)])
    assert slots.get("wijk") == wijk


@pytest.mark.parametrize(("text", "organisation"), phrasings("corrected organisation answer"))
async def test_a_corrected_organisation_answer_keeps_who_it_ends_with(
    real_words, text, organisation
):
    tracker = make_tracker(text=text, asking="organisation", active_loop="intake_form")
    assert answer_to("organisation", text, tracker) == {"organisation": organisation}
    # the form keeps it, whatever legal form the tagger found before the correction
    form = "stichting" if organisation == "bewoner" else "buren"
    first = next(
        word for word in ("stichting", "vereniging", "ondernemer", form) if word in text.casefold()
    )
    entity = {"stichting": "stichting-vereniging", "vereniging": "stichting-vereniging"}
    slots = await form_reads(
        text,
        "organisation",
        [{**tagged(text, "organisation", first), "value": entity.get(first, first)}],
    )
    assert slots.get("organisation") == organisation


@pytest.mark.parametrize(("text", "stage"), phrasings("corrected stage answer"))
async def test_a_corrected_stage_answer_keeps_the_stage_it_ends_with(real_words, text, stage):
    tracker = make_tracker(text=text, asking="stage", active_loop="intake_form")
    assert answer_to("stage", text, tracker) == {"stage": stage}
    slots = await form_reads(text, "stage", [{"entity": "stage", "value": "lopend"}])
    assert slots.get("stage") == stage


@pytest.mark.parametrize(("text", "need"), phrasings("corrected needs answer"))
async def test_a_corrected_needs_answer_keeps_only_the_needs_after_the_correction(
    real_words, text, need
):
    tracker = make_tracker(text=text, asking="needs", active_loop="intake_form")
    assert answer_to("needs", text, tracker) == {"needs": [need]}
    # a need the tagger found before the correction is taken back with it
    first = text.split()[0].strip(".,").casefold()
    slots = await form_reads(text, "needs", [tagged(text, "need", first)])
    assert slots.get("needs") == [need]


async def test_a_needs_answer_that_takes_back_who_is_behind_it_keeps_its_needs(real_words):
    # The correction is of the organisation noted from the story, not of the needs before it.
    text = (
        "Hulp bij de boekhouding graag. O ja, wat ik eerder zei over de vereniging klopt niet, "
        "die is er nog niet, we zijn nu gewoon drie buren. En we zoeken een opslagruimte."
    )
    tracker = make_tracker(
        text=text,
        asking="needs",
        active_loop="intake_form",
        slots={"goal": "een klusbus", "organisation": "stichting-vereniging"},
    )
    assert set(answer_to("needs", text, tracker)["needs"]) == {"kennis", "locatie"}
    dispatcher = CollectingDispatcher()
    events = await ValidateIntakeForm().run(
        dispatcher,
        make_tracker(
            text=text,
            intent="inform_need",
            asking="needs",
            active_loop="intake_form",
            slots={"goal": "een klusbus", "organisation": "stichting-vereniging"},
            latest_action_name="intake_form",
        ),
        {"forms": {"intake_form": {"required_slots": ["goal", "needs", "organisation"]}}},
    )
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set(slots["needs"]) == {"kennis", "locatie"}
    assert slots["organisation"] == "bewoner"


async def test_a_corrected_goal_is_what_it_ends_with(real_words):
    text = "Een rommelmarkt. Nee wacht, een ruilmiddag voor kinderspeelgoed in het buurthuis"
    slots = await form_reads(text, "goal")
    assert slots.get("goal") == "een ruilmiddag voor kinderspeelgoed in het buurthuis"
    # a goal with a filler "eigenlijk" is the whole answer
    text = "We willen eigenlijk gewoon een ruilmiddag voor kinderspeelgoed houden"
    tracker = make_tracker(text=text, asking="goal", active_loop="intake_form")
    assert answer_to("goal", text, tracker) == {"goal": text}


@pytest.mark.parametrize(("text", "wants"), phrasings("corrected contact answer"))
async def test_a_corrected_contact_answer_is_the_yes_or_no_it_ends_with(router, text, wants):
    assert yes_or_no(text) is wants
    slots = await form_reads(text, "contact_wanted")
    assert slots.get("contact_wanted") is wants
    if not wants:  # no contact: no detail asked after stays behind
        assert slots.get("contact_email") is None and slots.get("contact_phone") is None


@pytest.mark.parametrize("text", ["nee", "Nee, dank u", "Nee sorry, liever niet"])
async def test_a_plain_no_to_contact_stays_a_no(router, text):
    slots = await form_reads(text, "contact_wanted")
    assert slots.get("contact_wanted") is False


async def test_a_correction_the_classifier_was_unsure_of_is_read_the_same_way(real_words):
    """The turn the classifier did not take for an answer (action_interpret_turn) reads the
    answer with the same correction."""
    text = "Buitenhof. Nee wacht, Ruiven bedoel ik"
    reply = await run_action(
        ActionInterpretTurn(),
        text,
        "nlu_fallback",
        asking="wijk",
        slots={"goal": "Een buurtmoestuin voor de flat"},
    )
    assert reply.slots.get("wijk") == "Ruiven"


# -- the summary: a change that corrects itself --


@pytest.mark.parametrize(("text", "change"), phrasings("correction at the summary"))
async def test_a_change_at_the_summary_that_corrects_itself_applies_what_it_ends_with(
    real_words, text, change
):
    slot, value = change.split("=")
    first = {"stage": "loopt", "organisation": "vereniging", "wijk": "Ruiven"}[slot]
    entity = {"stage": "lopend", "organisation": "stichting-vereniging", "wijk": "Ruiven"}[slot]
    reply = await run_action(
        ActionStartChange(),
        text,
        "change_field",
        entities=[{**tagged(text, slot, first), "value": entity}],
        slots={**FILLED, "stage": "lopend", "organisation": "stichting-vereniging"},
    )
    assert reply.slots == {slot: value}


# -- consent: a change of mind is asked once more --


async def test_a_no_to_consent_that_turns_into_a_yes_is_asked_once_more(router, api):
    """A no that turns into a yes ("Nee… o wacht, ja") is no refusal, and no clear consent
    either: nothing is sent or thrown away, and the consent question is asked again."""
    reply = await run_action(
        ActionDeclineConsent(),
        "Nee hoor. O wacht, ja, doe toch maar",
        "deny",
        slots={**FILLED, "phase": "consent"},
    )
    assert reply.slots == {"phase": "consent"}
    assert "stuur ik nog niets door" in reply.shown
    assert api.requests == []


@pytest.mark.parametrize(
    ("answer", "requested", "earlier", "changed"),
    [
        # the stage taken back inside the answer to who is behind it
        (
            "Een vereniging. O ja, wat ik net zei klopt niet: we draaien al sinds januari.",
            "organisation",
            {"stage": "idee"},
            {"stage": "lopend"},
        ),
        # the wijk taken back inside the answer to the stage question
        (
            "Het is nog een plan. En ik heb me vergist, het is in Tanthof, niet in Voorhof.",
            "stage",
            {"wijk": "Voorhof"},
            {"wijk": "Tanthof"},
        ),
    ],
)
async def test_an_earlier_answer_taken_back_inside_another_is_changed(
    real_words, answer, requested, earlier, changed
):
    from tests.actions.conftest import validate_form

    filled = {"goal": "Een ruilhoek voor speelgoed", "needs": ["locatie"], **earlier}
    slots = await validate_form(answer, requested, filled, intent="inform")
    assert {name: slots.get(name) for name in changed} == changed


async def test_a_value_for_an_earlier_question_without_taking_it_back_changes_nothing(real_words):
    from tests.actions.conftest import validate_form

    filled = {"goal": "Een ruilhoek voor speelgoed", "needs": ["locatie"], "stage": "idee"}
    slots = await validate_form(
        "Een vereniging, die bestaat al sinds 2010.", "organisation", filled, intent="inform"
    )
    assert "stage" not in slots


async def test_a_wijk_said_in_passing_is_not_the_one_it_takes_back(real_words):
    from tests.actions.conftest import validate_form

    filled = {"goal": "Een ruilhoek voor speelgoed", "needs": ["locatie"]}
    slots = await validate_form(
        "Nog maar een idee. Het wordt in Tanthof, niet in Voorhof.",
        "stage",
        filled,
        intent="inform",
    )
    assert slots.get("wijk") == "Tanthof"


async def test_a_taken_back_answer_wins_over_the_old_value_the_validation_put_back(real_words):
    """Rasa fills the stage from a word the tagger took ("lopend") at the organisation question;
    the validation puts the old value back, as it does for a tagged word at another question;
    the words that take the earlier answer back decide."""
    from actions.intake import ValidateIntakeForm
    from tests.actions.conftest import slot_events

    text = "Een vereniging. O ja, wat ik net zei klopt niet: we draaien al sinds januari."
    tracker = make_tracker(
        text=text,
        intent="inform_stage",
        entities=[{"entity": "stage", "value": "lopend"}],
        active_loop="intake_form",
        slots={"goal": "Een ruilhoek", "needs": ["locatie"], "stage": "lopend"},
        events=[
            {"event": "slot", "name": "stage", "value": "idee"},
            {"event": "slot", "name": "requested_slot", "value": "organisation"},
            {"event": "user", "text": text},
            {"event": "slot", "name": "stage", "value": "lopend"},
        ],
        latest_action_name="intake_form",
    )
    tracker.slots["requested_slot"] = "organisation"
    domain = {"forms": {"intake_form": {"required_slots": ["goal", "organisation"]}}}
    events = await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain)
    stages = [e["value"] for e in events if e.get("event") == "slot" and e["name"] == "stage"]
    assert stages and stages[-1] == "lopend"
    assert slot_events(events)["organisation"] == "stichting-vereniging"


# -- an earlier answer corrected at a yes-or-no question --


@pytest.mark.parametrize(
    "text",
    [
        "Oh wacht, sorry: nee, het is in Voorhof, niet Buitenhof. Ik haal ze altijd door elkaar.",
        "nee het is Voorhof niet Buitenhof",
    ],
)
@pytest.mark.parametrize("tagged_first", [False, True])
async def test_a_nee_that_corrects_an_earlier_answer_is_no_answer_to_the_contact_question(
    real_words, text, tagged_first
):
    """The "nee" takes back the wijk, not the contact: the wijk changes, the changed line is
    shown and the contact question is asked again; also when Rasa already set the wijk it
    tagged before the validation ran."""
    events = [
        {"event": "slot", "name": "wijk", "value": "Buitenhof"},
        {"event": "user", "text": text},
        *([{"event": "slot", "name": "wijk", "value": "Voorhof"}] if tagged_first else []),
    ]
    reply = await run_action(
        ValidateIntakeForm(),
        text,
        "deny",
        domain=form_domain("contact_wanted"),
        entities=[tagged(text, "wijk", "Voorhof")],
        asking="contact_wanted",
        slots={
            **FILLED,
            "wijk": "Voorhof" if tagged_first else "Buitenhof",
            "contact_wanted": None,
            "contact_name": None,
        },
        events=events,
        latest_action_name="intake_form",
    )
    assert reply.slots.get("wijk") == "Voorhof"
    assert reply.slots.get("contact_wanted") is None
    assert "Wijk: Voorhof" in reply.shown
