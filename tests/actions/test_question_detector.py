"""The one question detector of the actions (`actions.process.asks`): whether a message asks
something, with or without a question mark, and not when an answer merely uses such a word."""

from __future__ import annotations

import pytest

from actions.process import asks, question_part, statement_part


@pytest.mark.parametrize(
    "question",
    [
        "Kost het iets?",
        "Kost het iets",  # no question mark: the verb comes before its subject
        "Bellen ze mij",
        "Wat gebeurt er nu",
        "hoe lang duurt het",
        "o wacht, hoe lang duurt het",  # after a filler
        "Nog een idee. Kost het iets",  # in the second sentence
        "Het is nog een idee maar binnen hoeveel weken hoor ik iets",  # a word mid-sentence
        "Ik wil graag weten of het gratis is",
        "Ik vraag me af waarom dat team",
        "Alvorens verder te gaan: kunt u aangeven wie het besluit neemt",
        "wat voor hulp is er",
    ],
)
def test_a_question_asks_with_or_without_a_question_mark(question):
    assert asks(question)


@pytest.mark.parametrize(
    "answer",
    [
        "Wat geld voor gereedschap.",  # "wat" that means "some"
        "Wat hulp bij de vergunning",
        "We doen wat we kunnen",
        "Weet ik niet",  # a verb first, but a statement
        "Heb ik al gezegd",
        "Doe ik wel",
        "Ja, is goed",
        "We weten nog niet hoeveel mensen er komen",  # not knowing is no question
        "Een plek waar kinderen terecht kunnen wanneer hun ouders werken",
        "In Voorhof, waar veel ouderen wonen",
        "De huur is niet meer te betalen",
        "",
    ],
)
def test_an_answer_that_uses_a_question_word_asks_nothing(answer):
    assert not asks(answer)


def test_a_message_splits_into_what_it_tells_and_what_it_asks():
    text = "We zoeken wat geld. Hoe lang duurt het"
    assert statement_part(text) == "We zoeken wat geld."
    assert question_part(text) == "Hoe lang duurt het"


def test_every_action_uses_the_one_detector():
    # No second question pattern in the actions: they all ask actions.process.asks.
    from pathlib import Path

    actions = Path(__file__).resolve().parents[2] / "actions"
    for path in actions.glob("*.py"):
        if path.name == "process.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "_QUESTION" not in source, path.name
        assert '"?" in text' not in source, path.name
