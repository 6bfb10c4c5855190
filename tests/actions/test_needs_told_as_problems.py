"""Answers to the needs question told as a problem, a lack or a question back (#12).

Written in our own words for the twelfth reading set's kinds of failure: a complaint about
desks beside the answer hid the answer; where money comes from, said after "geld niet", was
read as money wanted; not working out a business plan, which form to take, people from the
bijstand working along, the UN goals, meeting companies, being taken as a partner and money
told by emoji were no needs; "misschien later een stichting" was a foundation now; a start
last spring on a patch of waste ground was read as the ground's state.
"""

from __future__ import annotations

import pytest

from actions.intake import answer_to
from tests.actions.conftest import make_tracker


@pytest.mark.parametrize(
    ("text", "needs", "not_needs"),
    [
        (
            "We komen niet verder met de regels. Iedereen stuurt ons door naar weer een ander "
            "loket.",
            {"vergunning"},
            set(),
        ),
        (
            "Geld hoeft niet, dat krijgen we via de kerk. Wel mensen die willen koken.",
            {"vrijwilligers"},
            {"financiering"},
        ),
        (
            "Hij wil een plan voor de bank schrijven, maar daar komt hij niet uit. Het geld is "
            "al toegezegd.",
            {"kennis"},
            set(),
        ),
        ("Bv of stichting? En hoe zit het met de btw?", {"kennis"}, set()),
        (
            "Ik wil drie meiden uit de bijstand bij ons laten meedraaien in de zaak.",
            {"personeel"},
            set(),
        ),
        ("Laten zien aan welke werelddoelen we bijdragen.", {"impact"}, set()),
        ("Bedrijven leren kennen in de wijk, zodat we samen iets kunnen doen.", {"netwerk"}, set()),
        (
            "Dat de gemeente ons eindelijk als partner ziet, met afspraken over wie wat doet.",
            {"samenwerking"},
            {"financiering"},
        ),
        ("💰 en een ruimte", {"financiering", "locatie"}, set()),
    ],
)
def test_help_told_as_a_problem_is_read_as_meant(real_words, text, needs, not_needs):
    read = set(answer_to("needs", text, make_tracker(text=text, asking="needs"))["needs"])
    assert needs <= read
    assert not read & not_needs  # only what is wanted, not what they have


def test_a_form_for_later_is_not_who_is_behind_it_now(real_words):
    text = "niks officieels hoor, alleen ik. misschien ooit een vereniging"
    assert answer_to("organisation", text, make_tracker(text=text, asking="organisation")) == {
        "organisation": "bewoner"
    }


def test_a_start_last_spring_on_waste_ground_runs(real_words):
    text = "Wij zijn vorig najaar een pluktuin begonnen op een verwaarloosd stukje grond."
    assert answer_to("stage", text, make_tracker(text=text, asking="stage"))["stage"] == "lopend"


def test_the_desks_one_was_sent_to_are_no_help_wanted(real_words):
    text = "Ik ben al twee keer doorgestuurd. Eerst naar vergunningen, toen weer terug naar u."
    assert answer_to("needs", text, make_tracker(text=text, asking="needs")) == {}
