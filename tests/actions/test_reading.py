"""Reading what the inwoner says as they mean it: questions in any wording, an answer with a
question in it, a preferred call time with its "niet", a legal form that is only a plan,
years of running, and everyday words for a need."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import answer_to
from actions.process import asked_topics, asks, statement_part
from actions.slots import (
    UNKNOWN,
    needs_in_answer,
    normalise_organisation,
    normalise_stage,
    organisation_in_answer,
    parse_contact,
)
from routing import Analysis
from tests.actions.conftest import make_tracker, texts, validate_form


def nothing(text: str) -> Analysis:
    return Analysis()


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Moet ik ergens voor dokken?", "kosten"),
        ("Rekenen jullie daar iets voor?", "kosten"),
        ("Zit er een prijskaartje aan?", "kosten"),
        ("Gaat dat weken duren?", "doorlooptijd"),
        ("Hoeveel tijd kost dat?", "doorlooptijd"),
        ("En wat dan?", "vervolg"),
        ("Wie bepaalt of het doorgaat?", "vervolg"),
        ("Waarom Wijkzaken?", "waarom"),
        ("Hoezo dat team?", "waarom"),
        ("Hoe hoog is de subsidie?", "subsidie"),
        ("Kan ik een paar duizend euro krijgen?", "subsidie"),
        ("Krijgt mijn oom ook geld als hij die jongens aanneemt?", "subsidie"),
        ("Mag ik dit voor iemand anders invullen?", "toestemming"),
        ("Moet mijn vader ook ja zeggen?", "toestemming"),
        ("Bellen ze mij?", "bellen"),
        ("Krijg ik een telefoontje?", "bellen"),
        ("Word ik teruggebeld?", "bellen"),
        ("Is dit anoniem?", "privacy"),
        ("Kan mijn huisbaas dit lezen?", "privacy"),
        ("Hoe lang bewaren jullie dit?", "privacy"),
        ("Slaan jullie dit allemaal op?", "privacy"),
        ("wie krijgt dit allemaal te zien?", "privacy"),
        ("wie leest dit?", "privacy"),
        ("slaat de gemeente mijn gegevens op?", "privacy"),
        ("Is er al nieuws?", "status"),
        ("Zit daar iemand achter?", "robot"),
    ],
)
def test_a_question_is_read_by_what_it_asks_about_in_any_wording(question, topic):
    assert topic in asked_topics(question)


def test_money_received_said_is_no_subsidy_question():
    assert "subsidie" not in asked_topics("We krijgen geld van een fonds.")


def test_storing_things_in_the_initiative_is_no_privacy_question():
    assert "privacy" not in asked_topics("We slaan de spullen op in een schuur.")


def test_time_and_keeping_are_not_money_or_waiting():
    assert "kosten" not in asked_topics("Hoeveel tijd kost dat?")
    assert "doorlooptijd" not in asked_topics("Hoe lang bewaren jullie dit?")


@pytest.mark.parametrize(
    "answer",
    [
        "Ja, bel me maar op 06-12345678",
        "Geld voor de huur, want dat is duur",
        "Het kost veel tijd om alles te regelen",
        "De huur is niet meer te betalen",
        "Zijn al bezig sinds vorig jaar",
        "Mijn moeder vindt het goed",
        "Heb ik al gezegd",
    ],
)
def test_an_answer_that_uses_such_words_asks_nothing(answer):
    assert asked_topics(answer) == []


def test_the_sentences_that_ask_nothing_are_the_answer():
    assert statement_part("Nog een idee. Kost het iets?") == "Nog een idee."
    assert statement_part("Wat kost dat?") == ""
    # A complaint about being sent around names teams and needs, but answers nothing.
    assert statement_part("Ik ben al drie keer doorgestuurd. Eerst naar subsidies.") == ""


@pytest.mark.parametrize(
    ("text", "intent", "goal", "needs", "answer"),
    [
        pytest.param(
            "We zoeken vooral vrijwilligers. Kost dit mij eigenlijk iets?",
            "ask_question",
            "Een buurtmoestuin",
            ["vrijwilligers"],
            "gratis",
            id="an-answer-with-a-question",
        ),
        pytest.param(
            "Hoeveel subsidie kan zo'n buurthuis eigenlijk krijgen voor een verbouwing?",
            "inform_need",
            "Een buurtrestaurant in het buurthuis",
            None,
            "kan ik niet zeggen",
            id="a-question-taken-for-an-answer",
        ),
    ],
)
async def test_the_form_keeps_only_the_answer_and_answers_the_question(
    router, text, intent, goal, needs, answer
):
    dispatcher = CollectingDispatcher()
    slots = await validate_form(text, "needs", {"goal": goal}, intent=intent, dispatcher=dispatcher)
    assert slots.get("needs") == needs
    assert ("needs" in slots) == (needs is not None)
    assert answer in texts(dispatcher)
    # With an answer the form goes on to the next question; without, it asks this one again.
    assert ("waar we waren" in texts(dispatcher)) == (needs is None)


def test_the_preferred_time_keeps_what_qualifies_it():
    assert parse_contact("Henk (06-11223344), bel liever niet voor 10 uur").preferred_time == (
        "bel liever niet voor 10 uur"
    )
    details = parse_contact("Jan Janssen 0612345678 maandag tot vrijdag na 5 uur")
    assert details.name == "Jan Janssen"
    assert details.preferred_time == "maandag tot vrijdag na 5 uur"
    details = parse_contact(
        "Mijn naam: P. de Groot. Tel. +31 6 12345678. Bereikbaar tussen 9 en 12."
    )
    assert details.name == "P. de Groot"
    assert details.preferred_time == "Bereikbaar tussen 9 en 12"


def test_who_is_behind_it_in_everyday_words(catalogue):
    def read(text: str) -> str | None:
        return organisation_in_answer(text, catalogue, nothing)

    assert read("we zijn met z'n vijven, geen rechtsvorm") == "bewoner"
    assert read("nog niks officieels, gewoon wat mensen uit de straat") == "bewoner"
    assert read("het is een project van de kerk") == "maatschappelijke-organisatie"
    assert read("een groepje studenten van de hogeschool") == "onderwijs"
    assert read("wij zijn een BV met een sociaal doel") == "sociale-onderneming"
    # A legal form that is only a plan is not what they are.
    assert read("we willen een stichting oprichten") is None
    # In a story, pupils and a church are often whom it is for, or where.
    story = "ik doe een huiswerk klas voor kinderen uit de straat, ook leerlingen van de kerk"
    assert normalise_organisation(story, catalogue, nothing) is None


def test_a_planned_legal_form_answers_the_question_as_not_known(router):
    text = "We weten nog niet of we een stichting of een vereniging moeten worden."
    tracker = make_tracker(text=text, asking="organisation")
    assert answer_to("organisation", text, tracker) == {"organisation": UNKNOWN}


def test_a_start_in_a_past_year_is_a_running_initiative(catalogue):
    for text in ("opgericht in 2010", "we zijn vorig jaar begonnen", "in 2019 zijn we gestart"):
        assert normalise_stage(text, catalogue, nothing) == "lopend", text
    assert normalise_stage(
        "het is al gestart, de eerste avond was vorige week", catalogue, nothing
    ) == ("opstart")


def test_everyday_words_for_advice_working_together_and_supplying(catalogue):
    def needs(text: str) -> list[str]:
        return needs_in_answer(text, catalogue, nothing)

    assert needs("een bedrijfsplan schrijven") == ["kennis"]
    assert needs("iemand bij de gemeente die ons helpt de weg te vinden") == ["samenwerking"]
    assert needs("we willen graag aan de gemeente leveren") == ["inkoop"]


def test_an_initiative_with_a_service_word_is_no_question_for_another_service(router):
    from actions import knowledge
    from actions.intake import another_service
    from routing import get_municipalities

    knowledge.use_router(get_municipalities().get("delft"))  # the real signal words
    try:
        assert not another_service("We willen een parkeerplaats ombouwen tot een geveltuin", None)
        assert another_service("Krijg ik een parkeervergunning voor de bus?", None)
        assert another_service("ik wil mijn afvalpas aanvragen", None)
    finally:
        knowledge.use_router(None)


def test_contact_details_in_the_first_story_are_not_asked_again(router):
    from actions.intake import prefill_from_message

    text = "Hallo, ik ben Piet de Vries (06-12345678) en wil een moestuin beginnen in Voorhof"
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values["contact_wanted"] is True
    assert values["contact_name"] == "Piet de Vries"
    assert values["contact_phone"] == "06-12345678"


def test_a_question_after_a_filler_word_still_asks():
    assert "robot" in asked_topics("wacht ben jij een bot of een echt mens 🤔")
    assert "vervolg" in asked_topics(
        "Alvorens verder te gaan: kunt u aangeven wie binnen de gemeente uiteindelijk het "
        "besluit neemt?"
    )
    assert asked_topics("Wat kan de gemeente verder nog voor mij betekenen?") == ["mogelijkheden"]


def test_only_the_asking_sentence_decides_about_another_service():
    from actions import knowledge
    from actions.interpret import about_another_service
    from routing import get_municipalities

    knowledge.use_router(get_municipalities().get("delft"))
    try:
        text = "sorry was even weg, kleintje viel van de bank. kost dit mij trouwens iets?"
        assert not about_another_service(text, asked_topics(text))
    finally:
        knowledge.use_router(None)


def test_being_called_after_saying_yes_to_contact_is_a_yes(catalogue):
    from actions.process import Known, answer

    assert answer("bellen", Known(contact_wanted=True), catalogue).startswith("Ja")
    assert answer("bellen", Known(), catalogue).startswith("Alleen als u dat wilt")


def test_a_hesitation_that_ends_in_a_yes_is_a_yes(router):
    text = "Weet ik nog niet... ach, doe maar wel."
    tracker = make_tracker(text=text, active_loop="intake_form")
    assert answer_to("contact_wanted", text, tracker) == {"contact_wanted": True}


def test_stages_in_everyday_and_misspelt_words(catalogue):
    def stage(text: str) -> str | None:
        return normalise_stage(text, catalogue, nothing)

    assert stage("Geen idee hoe je dat noemt eerlijk gezegd.") is None
    assert stage("Nog niet begin.") == "idee"
    assert stage("we zijn al begone met een app groep") == "opstart"
    assert stage("Nou wil ik groeie, naar tien mensen") == "opschalen"
    # A building closed for years is no initiative running for years.
    assert stage("ik wil beginnen; vroeger was er een buurthuis, maar dat is al jaren dicht") != (
        "opschalen"
    )


def test_a_care_provider_that_is_a_foundation_is_a_care_organisation(catalogue):
    def analyse(text: str) -> Analysis:
        return Analysis(
            organisation="stichting-vereniging" if "stichting" in text.casefold() else None
        )

    text = "Stichting Zorgcirkel, werkzaam in de ouderenzorg"
    assert normalise_organisation(text, catalogue, analyse) == "maatschappelijke-organisatie"
    assert normalise_organisation("Een stichting voor de buurt", catalogue, analyse) == (
        "stichting-vereniging"
    )


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("wat betalen we daarvoor", True),
        ("Wat zien de teams van mijn verhaal", True),
        ("wat duurt het meestal", True),
        ("Wat spullen en een beetje hulp", False),
        ("wat buren uit de straat", False),
    ],
)
def test_wat_asks_only_before_a_verb_that_asks(text, asking):
    assert asks(text) is asking


@pytest.mark.parametrize(
    "text",
    [
        "Ja, maar bel mijn vader niet, hij hoort slecht. Liever mij.",
        "ja hoor, bel mij maar na vijven",
    ],
)
def test_a_yes_that_says_how_to_be_called_is_a_yes(router, text):
    tracker = make_tracker(text=text, active_loop="intake_form")
    assert answer_to("contact_wanted", text, tracker)["contact_wanted"] is True


@pytest.mark.parametrize(
    "text",
    ["moet de directie dit eerst goedkeuren?", "Moet de verhuurder van het zaaltje akkoord geven?"],
)
def test_whether_the_owner_or_school_must_agree_is_asked(text):
    from actions.process import asked_topics

    assert asked_topics(text) == ["toestemming"]
