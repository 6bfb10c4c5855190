"""General readings of issue #12's fifth round: what a negation takes back, stages in everyday
words, "dat heb ik al gezegd", corrections inside the form, consent answers that reached
another action, refusals, answers that name a service word, and the municipality as a
customer. Every text here is written for the test."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.help import ActionOfferHuman
from actions.intake import ActionStartIntake, answer_to
from actions.interpret import ActionInterpretTurn
from actions.process import asked_topics
from actions.slots import (
    needs_in_answer,
    needs_in_text,
    normalise_organisation,
    normalise_stage,
    parse_contact,
    wijk_meant,
    without_negated,
)
from tests.actions.conftest import make_tracker, run_action, slot_events, texts, validate_form


def user(text: str) -> dict[str, str]:
    return {"event": "user", "text": text}


# -- what a negation takes back --


def test_a_negation_in_a_later_clause_does_not_take_back_the_need_before_it():
    kept = without_negated(
        "We hebben een ruimte nodig en weten niet hoe we die moeten vinden", lack_is_need=True
    )
    assert "ruimte" in kept
    assert without_negated("geen geld en geen ruimte", lack_is_need=True).strip() == ""


# -- stages in everyday words --


@pytest.mark.parametrize(
    "answer",
    [
        "We starten net, de eerste les is volgende week.",
        "Dit wordt de eerste keer, we zijn nu druk aan het voorbereiden.",
        "beginnen net eigenlijk",
    ],
)
def test_a_start_said_in_the_present_tense_is_starting_up(router, catalogue, answer):
    assert normalise_stage(answer, catalogue, router.analyse) == "opstart"


def test_still_thinking_about_it_is_no_start(router, catalogue):
    assert normalise_stage("we zijn nog aan het nadenken", catalogue, router.analyse) != "opstart"


# -- "dat heb ik al gezegd" --


def test_already_said_reads_the_earlier_messages_for_the_answer(router):
    story = "Onze naaiclub draait al zeven jaar in het buurthuis."
    tracker = make_tracker(
        text="Heb ik al verteld.", events=[user(story), user("Heb ik al verteld.")], asking="stage"
    )
    assert answer_to("stage", "Heb ik al verteld.", tracker) == {"stage": "lopend"}


def test_already_said_with_nothing_earlier_is_not_known_and_not_asked_again(router):
    tracker = make_tracker(
        text="dat zei ik al", events=[user("hallo"), user("dat zei ik al")], asking="organisation"
    )
    assert answer_to("organisation", "dat zei ik al", tracker) == {"organisation": "onbekend"}


# -- corrections inside the form --


@pytest.mark.parametrize(
    ("text", "noted", "meant"),
    [
        ("Foutje: niet Ruiven maar Vrijenban.", "Ruiven", "Vrijenban"),
        ("Ik schreef Wippolder, dat klopt niet, het is Buitenhof.", "Wippolder", "Buitenhof"),
        ("Wippolder is niet goed. Buitenhof.", "Wippolder", "Buitenhof"),
        ("We zitten in Tanthof.", None, "Tanthof"),
    ],
)
def test_the_wijk_a_correction_means(catalogue, text, noted, meant):
    assert wijk_meant(text, catalogue, noted) == meant


def test_a_wijk_correction_at_the_needs_question_changes_the_wijk_and_asks_again(router):
    from actions.intake import ValidateIntakeForm

    form = ValidateIntakeForm()
    tracker = make_tracker(
        text="Wacht even, het is niet Ruiven, het is Vrijenban.",
        intent="inform_wijk",
        entities=[{"entity": "wijk", "value": "Ruiven"}, {"entity": "wijk", "value": "Vrijenban"}],
        slots={"goal": "Een buurtmoestuin", "needs_hint": ["locatie"]},
        asking="needs",
    )
    dispatcher = CollectingDispatcher()
    # The tagger took either name; the words say which one is meant.
    assert form.validate_wijk("Ruiven", dispatcher, tracker, {}) == {"wijk": "Vrijenban"}
    # A needs value Rasa kept as a candidate is no answer: the question is asked again,
    # without "not understood".
    assert form.validate_needs(["locatie"], dispatcher, tracker, {}) == {"needs": None}
    assert dispatcher.messages == []


# -- answers that name a service word --


def test_an_aim_that_names_a_service_word_answers_the_goal_question(router):
    tracker = make_tracker(asking="goal")
    aim = "Oude paspoortfoto's uit de wijk verzamelen en samen een expositie maken"
    assert answer_to("goal", aim, tracker) == {"goal": aim}
    assert answer_to("goal", "mijn paspoort is verlopen", tracker) == {}


async def test_the_same_message_again_gets_no_second_referral(router):
    text = "een expositie met oude paspoortfoto's"
    first = await run_action(ActionInterpretTurn(), text, "out_of_scope", events=[user(text)])
    assert "14 015" in first.shown
    again = await run_action(
        ActionInterpretTurn(), text, "out_of_scope", events=[user(text), user(text)]
    )
    assert "14 015" not in again.shown.split("Wilt u liever een mens spreken?")[0]


# -- needs --


@pytest.mark.parametrize(
    "text",
    [
        "Het zou mooi zijn als de gemeente haar kantoorplanten bij ons laat verzorgen.",
        "We willen graag voor de gemeente cateren bij recepties.",
        "Misschien kan de gemeente zelf klant worden.",
    ],
)
def test_the_municipality_as_a_customer_in_everyday_words(router, catalogue, text):
    assert "inkoop" in needs_in_text(text, catalogue, router.analyse)


def test_working_arrangements_with_the_municipality_are_working_together(router, catalogue):
    text = "Vooral betere afspraken met het wijkteam van de gemeente."
    assert "samenwerking" in needs_in_answer(text, catalogue, router.analyse)


async def test_a_need_stated_as_the_request_is_not_asked_again(router):
    reply = await run_action(
        ActionStartIntake(),
        "We willen een zomerschool voor kinderen in Voorhof. Daarvoor zoeken we een ruimte.",
        "describe_initiative",
    )
    assert reply.slots["needs"] == ["locatie"]


async def test_a_need_asked_about_is_noted_and_the_needs_question_asks_what_else(router):
    reply = await run_action(
        ActionStartIntake(),
        "We willen een zomerschool voor kinderen in Voorhof. Zijn er ook subsidies voor?",
        "describe_initiative",
    )
    assert reply.slots["needs_hint"] == ["financiering"]
    assert "needs" not in reply.slots


# -- who is behind it --


def test_writing_from_a_welfare_organisation_is_a_care_or_welfare_organisation(router, catalogue):
    text = "Ik ben opbouwwerker bij Welzijnshuis Zuid en we willen een buurtkamer openen."
    assert normalise_organisation(text, catalogue, router.analyse) == "maatschappelijke-organisatie"


async def test_a_business_that_works_with_people_at_a_distance_is_asked_who_is_behind_it(router):
    reply = await run_action(
        ActionStartIntake(),
        "Ik heb een schoonmaakbedrijf waar mensen met een arbeidsbeperking werken.",
        "describe_initiative",
    )
    assert "organisation" not in reply.slots
    plain = await run_action(
        ActionStartIntake(),
        "Ik heb een schoonmaakbedrijf en wil kantoren in de buurt schoonmaken.",
        "describe_initiative",
    )
    assert plain.slots["organisation"] == "ondernemer"


# -- a time to call in words --


def test_an_hour_in_words_is_kept_in_digits_in_the_afternoon():
    details = parse_contact("Sanne Vos, 06 11 22 33 44, bel liever na vier uur")
    assert "na 16 uur" in (details.preferred_time or "")


# -- what kind of help --


def test_asking_what_kind_of_help_there_is_asks_what_loket_does():
    assert asked_topics("wat voor ondersteuning geven jullie zoal?") == ["mogelijkheden"]


# -- a call-back is complete with the contact details --


async def test_a_call_back_ends_the_questions_once_the_contact_details_are_given(router):
    from actions.intake import ValidateIntakeForm

    tracker = make_tracker(
        text="Kees de Wit, kees@example.nl",
        intent="give_contact",
        slots={"goal": "Een buurtfeest", "callback": True, "contact_wanted": True},
        latest_action_name="intake_form",
        asking="contact",
    )
    domain = {"forms": {"intake_form": {"required_slots": ["goal", "needs", "contact"]}}}
    events = await ValidateIntakeForm().run(CollectingDispatcher(), tracker, domain)
    slots = slot_events(events)
    assert slots["contact_email"] == "kees@example.nl"
    assert slots["requested_slot"] is None


@pytest.mark.parametrize(
    "answer", ["We hebben er nu twee en willen naar tien.", "we gaan van 3 naar 8 groepen"]
)
def test_going_from_a_few_to_more_is_growing(router, catalogue, answer):
    assert normalise_stage(answer, catalogue, router.analyse) == "opschalen"


# -- a wish for a person inside the form --


async def test_a_wish_to_talk_to_someone_stops_the_questions_and_is_answered_once(router):
    text = "mag ik niet gewoon met iemand praten? dit typen gaat me slecht af"
    slots = {"goal": "Een skatebaan voor de buurt", "needs": ["locatie"]}
    dispatcher = CollectingDispatcher()
    values = await validate_form(
        text, "stage", slots, intent="request_human", dispatcher=dispatcher
    )
    assert values["requested_slot"] is None
    assert "Bellen kan ook" in texts(dispatcher)
    offered = await run_action(
        ActionOfferHuman(), text, "request_human", slots={**slots}, asking="stage"
    )
    assert offered.events == [] and offered.dispatcher.messages == []  # the form said it


def test_people_to_take_on_and_help_with_paperwork_are_needs(router, catalogue):
    found = needs_in_answer(
        "jongeren die bij ons stage kunnen lopen, en hulp met de administratie",
        catalogue,
        router.analyse,
    )
    assert {"personeel", "kennis"} <= set(found)
    offered = "Ik wil twee statushouders een leerplek bieden in mijn werkplaats."
    assert "personeel" in needs_in_text(offered, catalogue, router.analyse)


def test_my_idea_about_a_service_word_is_no_matter_of_my_own(router):
    tracker = make_tracker(asking="goal")
    aim = "Mijn idee: oude paspoortfoto's van de buurt tentoonstellen"
    assert answer_to("goal", aim, tracker) == {"goal": aim}
    assert answer_to("goal", "ik wil een nieuw paspoort aanvragen", tracker) == {}


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("mijn container staat al een week vol", True),
        ("Mijn idee: minder afval naast de containers in de straat", False),
        ("Minder grofvuil op straat en buren die samen opruimen", False),
    ],
)
def test_a_service_word_after_mijn_is_a_matter_of_ones_own(text, own):
    from actions.intake import own_matter

    assert own_matter(text, make_tracker(text=text)) is own  # the real text analysis


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("bel maar na half vijf", "na 16.30 uur"),
        ("liefst tussen negen en elf", "tussen 9 uur en 11 uur"),
    ],
)
def test_times_to_call_in_words_are_kept_in_digits(said, kept):
    details = parse_contact(f"Rik Smit, 06 99 88 77 66, {said}")
    assert kept in (details.preferred_time or "")
    assert details.name == "Rik Smit"


@pytest.mark.parametrize("answer", ["de buurt", "een stel vissers van de vijver"])
def test_a_group_of_people_without_a_form_is_residents(router, catalogue, answer):
    assert normalise_organisation(answer, catalogue, router.analyse) == "bewoner"


def test_an_answer_that_opens_with_not_minding_is_not_known():
    from actions.slots import says_unknown

    assert says_unknown("Maakt me niet uit hoor, als het maar ergens dichtbij het station is.")
    assert not says_unknown(
        "We weten nog niet hoeveel mensen er komen, maar we rekenen op zeker twintig deelnemers."
    )


def test_not_knowing_with_a_word_between_is_not_knowing():
    from actions.slots import says_unknown

    assert says_unknown("Dat weet ik echt niet, daarom vraag ik het toch.")
    assert says_unknown("weet ik eigenlijk nie")


async def test_stepping_away_for_a_moment_is_no_answer_and_the_question_waits():
    from rasa_sdk.executor import CollectingDispatcher

    from tests.actions.conftest import validate_form

    dispatcher = CollectingDispatcher()
    told = await validate_form(
        "Momentje, de bel gaat, ik kom zo terug", "organisation", {}, dispatcher=dispatcher
    )
    assert not told.get("organisation")
    assert "ik wacht" in dispatcher.messages[0]["text"]
    # contact details given with it are kept, not waited for
    details = await validate_form("Momentje... ja: Piet Jansen, 06-12340000", "contact", {})
    assert details.get("contact_phone") or details.get("contact")


def test_a_moment_asked_with_a_question_is_the_question():
    from actions.intake import steps_away

    assert steps_away("Sorry, even de deur opendoen. Ben zo terug!")
    assert not steps_away("Momentje, praat ik nu eigenlijk met een robot?")
    assert not steps_away("wacht even, wat kost dit mij?")
