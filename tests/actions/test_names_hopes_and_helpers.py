"""A name given as one, help an initiative gives, people who want to be a buddy, a retired
writer, what others do not manage, and the next step asked beside a team (#12).

Written in our own words for the thirty-ninth round's kinds of failure: "Mijn naam is mevrouw …
een e-mailadres aangemaakt, te weten …" stored "te weten" as the name; a buddy "die helpt met
post, geld enzo" read as money wanted; "mensen die buddy willen zijn" not read as volunteers;
"ik ben sinds kort met pensioen" read as an initiative just started; a first message that only
tells what others do not manage taken as the plan; and "wie neemt het besluit over inkoop, en
wat is de volgende stap?" answered with what the purchasing team is.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.intake import answer_to, prefill_from_message
from actions.interpret import item_asked
from actions.process import asked_topics
from actions.slots import parse_contact, story_stage
from tests.actions.conftest import make_tracker


def test_a_name_given_as_one_wins_over_words_beside_an_address() -> None:
    text = (
        "Mijn naam is mevrouw B.J. van den Akker-Smit. Bellen kan op 06-12340987, en mijn "
        "zoon heeft een e-mailadres voor mij gemaakt, te weten bj.akker@example.nl."
    )
    details = parse_contact(text)
    assert details.name == "B.J. van den Akker-Smit"
    assert details.email == "bj.akker@example.nl"


def test_a_name_beside_the_address_still_wins_over_a_company_named_before() -> None:
    text = "Wij zijn Bakkerij De Korenschoof. Bel me maar: Jan Smit 06-12340031"
    assert parse_contact(text).name == "Jan Smit"


def _needs(slot: str, text: str) -> set[str]:
    values = answer_to(slot, text, make_tracker(text=text, asking=slot))
    return set(values.get("needs") or [])


@pytest.mark.parametrize(
    "text",
    [
        "ik wil een maatjesproject voor jongeren uit de opvang, iemand die ze helpt met post, "
        "geld enzo",
        "Onze vrijwilligers helpen ouderen met hun administratie en rekeningen.",
    ],
)
def test_help_given_with_papers_and_money_is_no_money_wanted(text: str) -> None:
    values = prefill_from_message(make_tracker(text=text))
    assert "financiering" not in (values.get("needs") or []) + (values.get("needs_hint") or [])


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("we zoeken geld, en iemand die ons helpt met de administratie", {"financiering"}),
        (
            "Vrijwilligers die mensen helpen met hun administratie, en geld voor een laptop",
            {"vrijwilligers", "financiering"},
        ),
        ("we hebben zelf geen geld voor de huur", {"financiering"}),
        (
            "vooral mensen die maatje willen worden, en wat geld voor koffie",
            {"vrijwilligers", "financiering"},
        ),
    ],
)
def test_needs_beside_help_given_are_kept(text: str, needs: set[str]) -> None:
    assert _needs("needs", text) == needs


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Ik ben sinds kort met pensioen en wil een fietsenwerkplaats beginnen. Het is nog "
            "maar een idee, er is niks geregeld.",
            "idee",
        ),
        ("We zijn sinds kort bezig met de club", "opstart"),
    ],
)
def test_the_writer_retired_lately_is_no_start(text: str, stage: str) -> None:
    tracker = make_tracker(text=text)
    catalogue, analyse = knowledge.catalogue(tracker), knowledge.analyser(tracker)
    assert story_stage(text, catalogue, analyse) == stage


def test_what_others_do_not_manage_is_the_problem_not_the_plan() -> None:
    text = (
        "Als fysiotherapeut zie ik dat veel ouderen na een val thuis blijven zitten, want alleen "
        "blijven oefenen lukt de meesten niet."
    )
    values = prefill_from_message(make_tracker(text=text))
    assert "goal" not in values
    assert values["goal_hint"] == text


def test_not_managing_alone_is_no_problem_told_instead_of_a_plan() -> None:
    text = "Wij willen een moestuin, maar dat lukt ons niet alleen"
    assert prefill_from_message(make_tracker(text=text))["goal"] == text


@pytest.mark.parametrize(
    "text",
    [
        "Wie neemt uiteindelijk het besluit over inkoop, en wat is de volgende stap?",
        "Wie beslist over de inkoop, en wat is daarna de volgende stap?",
    ],
)
def test_the_next_step_asked_beside_a_team_is_no_question_what_the_team_is(text: str) -> None:
    assert item_asked(text, make_tracker(text=text)) is None


def test_what_a_partner_is_is_still_asked() -> None:
    text = "Wat is dat eigenlijk, een locatiescan?"
    assert item_asked(text, make_tracker(text=text)) == "locatiescan"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        (
            "Mensen die mee willen oogsten. En contact met de tuinders.",
            {"vrijwilligers", "netwerk"},
        ),
        ("Welke vergunning is nodig voor panelen op een gemeentelijk gebouw?", {"vergunning"}),
    ],
)
def test_people_who_want_to_join_are_volunteers_and_a_roof_worked_on_no_space(
    text: str, needs: set[str]
) -> None:
    assert _needs("needs", text) == needs


def test_a_place_in_a_long_story_is_no_space_wanted_whatever_the_classifier_heard() -> None:
    text = (
        "Bij ons in de straat staan veel notenbomen waar niemand iets mee doet, de noten "
        "vallen op de stoep. Ik wil een groepje opzetten dat ze raapt en uitdeelt via de "
        "kerk en het buurthuis."
    )
    values = prefill_from_message(make_tracker(text=text, intent="inform_need"))
    assert "locatie" not in (values.get("needs") or []) + (values.get("needs_hint") or [])


def test_why_these_parties_get_the_data_is_asked_why_too() -> None:
    text = "Kunt u uitleggen waarom juist deze organisaties mijn gegevens krijgen?"
    assert asked_topics(text) == ["waarom", "privacy"]
    assert asked_topics("Waarom moet ik mijn naam geven?") == ["zonder_contact"]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        (
            "we hebben al een zaal achter de kerk maar we zoeken een vrijwilliger voor de yogales",
            {"vrijwilligers"},
        ),
        ("we hebben al een zaal maar die is te klein", {"locatie"}),
        (
            "We hebben een leegstaand schoolgebouw. Wie kan ons aan de juiste mensen koppelen?",
            {"netwerk"},
        ),
    ],
)
def test_a_place_they_have_is_no_space_wanted_unless_it_does_not_do(
    text: str, needs: set[str]
) -> None:
    assert _needs("needs", text) == needs


def test_a_school_for_a_sport_is_no_school() -> None:
    text = "ik ben trainer bij een dansschool in Voorhof en wij geven gratis lessen aan meiden"
    assert prefill_from_message(make_tracker(text=text)).get("organisation") != "onderwijs"
    text = "ik ben juf op een basisschool in Tanthof en wil met mijn klas de straat schoonmaken"
    assert prefill_from_message(make_tracker(text=text))["organisation"] == "onderwijs"


@pytest.mark.parametrize(
    "text", ["denk het wel ja, maar liefst niet voor 10 uur", "lijkt me wel handig"]
)
def test_a_hedged_yes_to_being_contacted_is_a_yes(text: str) -> None:
    values = answer_to("contact_wanted", text, make_tracker(text=text, asking="contact_wanted"))
    assert values["contact_wanted"] is True


def test_a_call_time_after_but_loses_the_but() -> None:
    text = "ja, maar niet voor 10 uur"
    values = answer_to("contact_wanted", text, make_tracker(text=text, asking="contact_wanted"))
    assert values["contact_time"] == "niet voor 10 uur"


def test_a_legal_form_applied_for_is_setting_up_though_not_started() -> None:
    text = "nog niet echt begonnen, maar de vereniging is aangevraagd en we hebben een naam"
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": "opstart"}
    text = "nog niet begonnen"
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {"stage": "idee"}


def test_pots_of_money_are_money() -> None:
    text = "Zijn er potjes voor nieuwe ballen en hesjes? Wij geven voetbal aan meiden in Tanthof."
    values = prefill_from_message(make_tracker(text=text))
    assert "financiering" in (values.get("needs") or []) + (values.get("needs_hint") or [])


def test_who_works_at_a_mental_health_provider_speaks_for_it() -> None:
    text = (
        "Ik werk als ervaringsdeskundige bij een GGZ-instelling. Al twee jaar doen we in "
        "Voorhof een wandelgroep met cliënten en buurtbewoners."
    )
    values = prefill_from_message(make_tracker(text=text))
    assert values["organisation"] == "maatschappelijke-organisatie"


def test_what_runs_and_goes_to_more_days_grows() -> None:
    text = "Het draait al, elke donderdag, maar we willen het naar meer dagen"
    assert answer_to("stage", text, make_tracker(text=text, asking="stage")) == {
        "stage": "opschalen"
    }


def test_who_lives_in_the_wijk_and_names_no_organisation_is_a_resident() -> None:
    text = "hoi, ik ben Kees, ik woon in Tanthof. ik wil een buurtbarbecue, nog niks geregeld"
    assert prefill_from_message(make_tracker(text=text))["organisation"] == "bewoner"
    text = "Goedendag. Ik ben Yonas. Ik kom uit Eritrea, ik woon 6 jaar in Delft."
    assert "organisation" not in prefill_from_message(make_tracker(text=text))
