"""The term syntax staff write in YAML: words, compounds, =only, wildcards, phrases, gaps."""

from __future__ import annotations

import pytest

from routing import Router
from routing.lexicon import Lexicon, valid_term
from routing.text import load_pipeline


def found(term: str, text: str) -> list[str]:
    pipeline = load_pipeline()
    lexicon = Lexicon()
    lexicon.add("x", [term])
    return lexicon.match(pipeline.tokens(text), pipeline.known).get("x", [])


@pytest.mark.parametrize(
    ("term", "text", "hit"),
    [
        ("moestuin", "twee moestuinen", True),
        ("moestuin", "een buurtmoestuin", True),
        ("moestuin", "het moestuinproject", True),
        ("markt", "de arbeidsmarkt", True),
        ("=markt", "de arbeidsmarkt", False),
        ("=markt", "op de markt", True),
        ("~centrum", "in het wijkcentrum", False),
        ("~centrum", "in het centrum", True),
        ("~centrum", "in het centrumm", True),  # a typo, as for a plain term
        ("=centrum", "in het centrumm", False),
        ("in het ~centrum", "in het winkelcentrum", False),
        ("in het ~centrum", "wij zitten in het centrum", True),
        ("zonne*", "zonne-energie", True),
        ("*tuin", "een geveltuin", True),
        ("*tennis*", "de tafeltennisclub", True),
        ("sociale onderneming", "wij zijn een Sociale Onderneming", True),
        ("sociale onderneming", "een sociale en duurzame onderneming", False),
        ("gemeente ... klant", "de gemeente zou onze eerste klant zijn", True),
        ("gemeente ... klant", "klant van de gemeente", False),
        ("zoek* ... pand", "we zoeken een leeg winkelpand", True),
        ("zoek* ... pand", "we zoeken een ompand", False),  # a compound head has 3+ letters
        ("zoek* ... pand", "het pand dat we zoeken", False),
        ("vrijwilliger", "vrijwiligers gezocht", True),
        ("school", "schoon", False),
    ],
)
def test_term_syntax(term: str, text: str, hit: bool) -> None:
    assert bool(found(term, text)) is hit


@pytest.mark.parametrize(
    ("term", "text", "hit"),
    [
        # a word of the Dutch dictionary is no typo of a term one letter away
        ("gezond", "we hebben een plek gevonden", False),
        ("opgericht", "ik ben opgelicht", False),
        ("dementie", "na zijn detentie", False),
        ("woning", "honing van de imker", False),
        # a form of the term the lemma table lacks still counts
        ("verpleeghuis", "twee verpleeghuizen", True),
        ("partners", "een partner zoeken", True),
        # a misspelt word is still forgiven
        ("vergunning", "een vergunnig aanvragen", True),
        ("organiseren", "iets orgnaiseren", True),
    ],
)
def test_a_real_word_is_no_typo(term: str, text: str, hit: bool) -> None:
    assert bool(found(term, text)) is hit


def test_matched_words_are_reported_as_written_in_the_text() -> None:
    assert found("moestuin", "Een Buurtmoestuin!") == ["Buurtmoestuin"]


@pytest.mark.parametrize("term", ["", "*", "a", "zon*ne", "... klant", "gemeente ..."])
def test_malformed_terms_are_reported(term: str) -> None:
    assert valid_term(term) is not None


def test_router_and_lexicon_share_one_pipeline(router: Router) -> None:
    assert router.pipeline == load_pipeline().name
