"""An answer that tells something else is kept, and the question is asked again (issue #12).

People who type in short bursts are still telling when the next question comes: "in Voorhof"
at the needs question is the wijk, "we willen van drie naar acht tafels" says it grows. What
they tell is kept and the open question stays open, instead of being noted as not known.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ValidateIntakeForm
from tests.actions.conftest import make_tracker, slot_events

GOAL = "Een repaircafe in het buurthuis, zodat spullen minder snel weggaan"
INTAKE_SLOTS = ["goal", "needs", "stage", "organisation", "wijk"]


async def answered(
    text: str, asking: str, events: list[dict[str, Any]] | None = None, **slots: Any
) -> dict[str, Any]:
    tracker = make_tracker(
        text=text,
        intent="inform",
        asking=asking,
        slots={"goal": GOAL, **slots},
        events=events,
        latest_action_name="intake_form",
    )
    domain = {"forms": {"intake_form": {"required_slots": INTAKE_SLOTS}}}
    return slot_events(await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain))


@pytest.mark.parametrize(
    ("text", "asking", "told"),
    [
        ("in Voorhof", "needs", {"wijk": "Voorhof"}),
        ("is in buitenhof", "stage", {"wijk": "Buitenhof"}),
        ("wij zijn gewoon een paar buren", "stage", {"organisation": "bewoner"}),
    ],
)
async def test_what_is_told_instead_is_kept_and_the_question_stays_open(
    text: str, asking: str, told: dict[str, Any]
) -> None:
    slots = await answered(text, asking)
    assert slots == told


async def test_more_of_the_story_is_added_to_the_goal() -> None:
    slots = await answered("we willen van twee naar zes avonden per week", "needs")
    assert slots["stage"] == "opschalen"
    assert slots["goal"] == f"{GOAL} we willen van twee naar zes avonden per week"
    assert "needs" not in slots


async def test_the_aim_told_after_what_is_there_joins_the_goal_and_the_question_stays_open():
    # The first message said what is there; the aim came next, at the needs question.
    slots = await answered(
        "wil er een speelplek van maken voor de kleintjes",
        "needs",
        goal="het grasveld achter onze flat ligt er maar kaal bij",
    )
    assert slots == {
        "goal": "het grasveld achter onze flat ligt er maar kaal bij wil er een speelplek van "
        "maken voor de kleintjes"
    }


async def test_a_place_named_with_a_need_is_where_it_happens_when_no_wijk_was_told() -> None:
    # Blind writers meant the wijk in every such answer ("een rustige ruimte, bij voorkeur in
    # de Binnenstad"); a wijk told before stays (the next test).
    slots = await answered("een ruimte in Tanthof", "needs")
    assert slots == {"needs": ["locatie"], "wijk": "Tanthof"}


async def test_what_was_already_noted_is_not_overwritten() -> None:
    earlier = [
        {"event": "slot", "name": "wijk", "value": "Tanthof"},
        {"event": "slot", "name": "requested_slot", "value": "needs"},
        {"event": "user", "text": "in Voorhof"},
    ]
    assert "wijk" not in await answered("in Voorhof", "needs", events=earlier, wijk="Tanthof")


@pytest.mark.parametrize(
    "text", ["van alles eigenlijk, we zijn net gestart", "weet ik nog niet, is in Voorhof"]
)
async def test_an_answer_that_does_not_know_is_no_reason_to_ask_again(text: str) -> None:
    slots = await answered(text, "needs")
    assert "stage" not in slots
    assert slots.get("wijk") == ("Voorhof" if "Voorhof" in text else None)


async def test_a_wijk_rasa_already_took_from_this_message_still_counts() -> None:
    # Rasa's own mapping sets the tagged wijk before the form's validation reads the message.
    events = [
        {"event": "slot", "name": "requested_slot", "value": "needs"},
        {"event": "user", "text": "in Voorhof"},
        {"event": "slot", "name": "wijk", "value": "Voorhof"},
    ]
    tracker = make_tracker(
        text="in Voorhof",
        intent="inform_wijk",
        asking="needs",
        slots={"goal": GOAL, "wijk": "Voorhof"},
        events=events,
        latest_action_name="action_listen",
    )
    domain = {"forms": {"intake_form": {"required_slots": INTAKE_SLOTS}}}
    slots = slot_events(await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain))
    assert "needs" not in slots


async def test_a_legal_form_said_plainly_replaces_one_only_noted_from_the_story() -> None:
    """ "Onze fietsenwerkplaats" made the story a business; "we zijn een coöperatie" at the
    needs question says who is behind it. An answer to the question itself stays."""
    said = "Eigenlijk zijn we een coöperatie, met zes leden die er samen van leven."
    now = [
        {"event": "slot", "name": "requested_slot", "value": "needs"},
        {"event": "user", "text": said},
    ]
    story = [{"event": "slot", "name": "organisation", "value": "ondernemer"}, *now]
    slots = await answered(said, "needs", events=story, organisation="ondernemer")
    assert slots.get("organisation") == "stichting-vereniging"
    assert "needs" not in slots  # still open: asked again
    answered_before = [
        {"event": "slot", "name": "requested_slot", "value": "organisation"},
        {"event": "user", "text": "een bedrijf"},
        {"event": "slot", "name": "organisation", "value": "ondernemer"},
        *now,
    ]
    slots = await answered(said, "needs", events=answered_before, organisation="ondernemer")
    assert "organisation" not in slots


async def test_a_wijk_corrected_at_another_question_is_corrected_and_not_the_story() -> None:
    said = "ach nee, het is Tanthof hoor, niet Voorhof. Ik haal ze door elkaar."
    events = [
        {"event": "slot", "name": "wijk", "value": "Voorhof"},
        {"event": "slot", "name": "requested_slot", "value": "needs"},
        {"event": "user", "text": said},
    ]
    slots = await answered(said, "needs", events=events, wijk="Voorhof")
    assert slots.get("wijk") == "Tanthof"
    assert "goal" not in slots  # the correction is no more of the story
    assert "needs" not in slots  # the needs question is asked again


async def test_a_plan_told_at_the_needs_question_after_only_an_introduction_joins_the_goal() -> (
    None
):
    intro = "Hallo, ik heb een kapsalon in Tanthof, al twaalf jaar."
    plan = "Ik wil twee werkplekken maken voor meiden die van school zijn gegaan."
    slots = await answered(plan, "needs", goal=intro)
    assert slots["needs"] == ["personeel"]
    assert slots["goal"] == f"{intro} {plan}"
    # a goal that says what they want keeps itself; plain needs are no plan
    wanted = "Een kapsalon waar meiden het vak leren"
    assert "goal" not in await answered(plan, "needs", goal=wanted)
    assert "goal" not in await answered("geld en een stoel graag", "needs", goal=intro)


async def test_an_answer_read_again_after_the_form_was_stopped_keeps_its_question() -> None:
    """A turn taken for "start again" stops the form and clears the open question; read again
    as the answer it is, the form validates it as the answer to that question."""
    said = "De loods staat al sinds de zomer leeg; wij kunnen zo beginnen."
    tracker = make_tracker(
        text=said,
        intent="start_over",
        active_loop="intake_form",
        slots={"goal": GOAL, "needs": ["locatie"], "stage": "idee", "requested_slot": None},
        events=[
            {"event": "slot", "name": "requested_slot", "value": "stage"},
            {"event": "user", "text": said},
            {"event": "slot", "name": "requested_slot", "value": None},
            {"event": "slot", "name": "stage", "value": "idee"},
        ],
        latest_action_name="intake_form",
    )
    domain = {"forms": {"intake_form": {"required_slots": INTAKE_SLOTS}}}
    events = await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain)
    assert slot_events(events).get("stage", "idee") == "idee"
