"""A preferred time to call said in words is kept as said, hours in digits after it for
staff (actions/calltime.py through actions.slots.parse_contact)."""

from __future__ import annotations

import pytest

from actions.slots import parse_contact
from tests.actions.conftest import phrasings


@pytest.mark.parametrize(("answer", "kept"), phrasings("time to call as said"))
def test_a_time_to_call_is_kept_in_the_words_it_was_said(answer, kept):
    details = parse_contact(answer)
    assert kept in (details.preferred_time or "")
    assert details.name is not None and "bos" in details.name.casefold()
    assert details.phone or details.email


def test_a_greeting_before_the_name_is_no_part_of_it_or_of_the_time():
    details = parse_contact("Goedemiddag, Rik Smit 06 99 88 77 66")
    assert (details.name, details.preferred_time) == ("Rik Smit", None)
