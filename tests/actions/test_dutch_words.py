"""`actions.dutch.words`: the one way the actions write a pattern of Dutch words."""

from __future__ import annotations

from actions.dutch import words


def test_words_match_whole_words_in_any_case():
    negation = words(r"geen|niet|hebben\s+we\s+al")
    assert negation.search("Geen stichting")
    assert negation.search("een ruimte hebben we al")
    assert not negation.search("nietig")  # part of another word
    assert not negation.search("geentje")
