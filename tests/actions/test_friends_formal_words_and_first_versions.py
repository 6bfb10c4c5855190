"""Friends who do it together, formal and English words for how far it is, a first version
made, someone to take over, and an aside that never loops (#12).

Written in our own words for the fortieth round's kinds of failure: "ik doe samen met 2 andere
moeders …" and "bellen wij met zes ouderen …" asked who is behind it; "Just an idea nog. … haha"
answered three times with "Haha, leuk gezegd"; "Gaarne." not heard as a yes; "Wij zijn reeds
begonnen", "We hebben al een prototype … gemaakt", "Er ligt een ontwerp van een hovenier" and
"We hebben bij vijf huizen geholpen, nu willen we het echt opzetten" read as no stage or as an
idea; "Sinds de coronatijd bellen wij … elkaar op" taken for years of calling someone in vain;
"iemand die het van mij kan overnemen" read as no help wanted; and a shop that works with
people who sat at home for years stored as an ordinary business without asking.
"""

from __future__ import annotations

import pytest

from actions.intake import JOKE_HEARD, ValidateIntakeForm, answer_to, prefill_from_message
from tests.actions.conftest import make_tracker, run_action


def _first(text: str) -> dict:
    return prefill_from_message(make_tracker(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil met een paar vriendinnen een ruilbeurs voor speelgoed houden in Tanthof.",
        "Samen met enkele oud-collega's organiseer ik sinds vorig jaar wandelingen door Voorhof.",
        "Ik help met 3 andere vaders bij het opknappen van het trapveldje in Buitenhof.",
        "Al twee jaar koken wij met acht buren uit de flat elke vrijdag voor de hele galerij.",
        "Met twee vrienden wij maken muziek voor ouderen in het verzorgingshuis in Ruiven.",
    ],
)
def test_the_writer_with_friends_or_others_of_their_kind_are_residents(real_words, text):
    assert _first(text).get("organisation") == "bewoner"


@pytest.mark.parametrize(
    "text",
    [
        # whom it is for, not who does it
        "Ik wil een koffieochtend beginnen voor moeders met jonge kinderen in Voorhof.",
        # a business of their own, with friends as staff
        "Ik heb een cateringbedrijf en werk met twee vriendinnen in de keuken.",
    ],
)
def test_people_it_is_for_or_a_business_are_no_residents(real_words, text):
    assert _first(text).get("organisation") != "bewoner"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("just an idea", "idee"),
        ("Still an idea eigenlijk, we hebben nog niks gedaan", "idee"),
        ("Wij zijn reeds gestart met de eerste bijeenkomsten.", "opstart"),
        ("We hebben al een eerste versie van de app gebouwd.", "opstart"),
        ("Er ligt al een ontwerp van een architect, nu het geld nog.", "opstart"),
        ("We hebben bij een paar gezinnen geholpen, nu gaan we het goed opzetten.", "opstart"),
    ],
)
def test_how_far_in_english_formal_words_or_a_first_try(real_words, text, stage):
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": stage}


def test_calling_each_other_for_years_is_what_runs(real_words):
    text = "Sinds de lockdown bellen we met een groepje buren elkaar elke avond even op."
    assert _first(text).get("stage") == "lopend"


def test_calling_someone_for_months_is_still_the_search(real_words):
    # the years are the calling, not the initiative
    text = "Al maanden bel ik de woningcorporatie over de lege ruimte onder onze flat."
    assert _first(text).get("stage") != "lopend"


@pytest.mark.parametrize("text", ["Gaarne.", "ja gaarne"])
def test_gaarne_is_a_yes_to_being_contacted(real_words, text):
    told = answer_to("contact_wanted", text, make_tracker(text=text, asking="contact_wanted"))
    assert told.get("contact_wanted") is True


def test_someone_to_take_over_is_a_volunteer_wanted(real_words):
    text = (
        "Ik doe de ledenadministratie al twintig jaar. We zoeken iemand die het van mij wil "
        "overnemen."
    )
    told = answer_to("needs", text, make_tracker(text=text, asking="needs"))
    assert "vrijwilligers" in told["needs"]


def test_a_business_working_with_people_long_at_home_is_asked_who_is_behind_it(real_words):
    text = (
        "Ik heb een lunchroom in de Binnenstad. Bij ons werken mensen die jaren thuis hebben "
        "gezeten."
    )
    assert "organisation" not in _first(text)


def test_the_organisation_said_beside_the_stage_is_kept(real_words):
    from actions.intake import told_in_passing

    text = "We repeteren al een jaar samen. Geen stichting hoor, gewoon vier vrienden."
    tracker = make_tracker(text=text, asking="stage")
    kept = told_in_passing(tracker, "stage", text, [])
    assert {"event": "slot", "name": "organisation", "value": "bewoner"} in [
        {key: e[key] for key in ("event", "name", "value")} for e in kept
    ]


async def _aside_at_stage(times: int):
    text = "Ik zit net in de trein, sorry als ik traag reageer"
    before = [
        {"event": "slot", "name": "requested_slot", "value": "stage"},
        *({"event": "user", "text": text} for _ in range(times)),
    ]
    return await run_action(
        ValidateIntakeForm(),
        text,
        "chitchat",
        asking="stage",
        slots={"goal": "een buurtfeest"},
        events=before,
        latest_action_name="intake_form",
    )


async def test_an_aside_waits_once(real_words):
    reply = await _aside_at_stage(times=1)
    assert "Ik zit net" not in reply.shown
    assert reply.slots.get("stage") is None


async def test_an_aside_said_again_is_no_loop(real_words):
    first = await _aside_at_stage(times=1)
    again = await _aside_at_stage(times=2)
    # the first time the question waits with a kind word; the second time it is read as an
    # answer that gives nothing, not the same kind word again
    assert first.shown and first.shown != again.shown
    assert JOKE_HEARD not in again.shown


def test_permission_in_english_is_a_permit_question(real_words):
    text = "Een plek in de kantine, en we weten niet of we permission nodig hebben voor de muziek."
    told = answer_to("needs", text, make_tracker(text=text, asking="needs"))
    assert {"vergunning", "locatie"} <= set(told["needs"])
