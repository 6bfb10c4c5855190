"""Text analysis: inflection, compounds, capitals, typos, scope and input cleaning."""

from __future__ import annotations

import pytest

from routing import Router
from routing.text import clean_text, fold


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("eenzame ouderen in de flat", "zorg"),
        ("Een buurtmoestuin achter de school", "groen"),
        ("zonnepanelen op het dak", "energie"),
        ("ZONNEPANELEN OP HET DAK", "energie"),
        ("een taalcafé voor nieuwkomers", "taal"),
        ("een taalcafe voor nieuwkomers", "taal"),
        ("een voetbaltraining voor tieners", "sport"),
        ("een repaircafé in het buurthuis", "circulair"),
        ("mensen met afstand tot de arbeidsmarkt", "werk"),
    ],
)
def test_themes_survive_inflection_compounds_capitals_and_accents(
    router: Router, text: str, theme: str
) -> None:
    assert theme in router.analyse(text).themes


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("we zoeken een pand", "locatie"),
        ("we zoeken nog panden of ruimtes", "locatie"),
        ("wie wil er vrijwilliger worden", "vrijwilligers"),
        ("we hebben een subsidie nodig", "financiering"),
        ("we willen onze impact meten", "impact"),
        ("de gemeente zou onze eerste klant kunnen worden", "inkoop"),
        ("misschien wil de gemeente onze bankjes kopen", "inkoop"),
        ("we doen graag mee aan een maatschappelijke challenge", "inkoop"),
    ],
)
def test_needs_are_derived_from_the_text(router: Router, text: str, need: str) -> None:
    assert need in router.analyse(text).needs


@pytest.mark.parametrize(
    ("text", "need"),
    [("we zoeken vrijwiligers", "vrijwilligers"), ("hulp bij financiring", "financiering")],
)
def test_one_typo_in_a_common_word_is_tolerated(router: Router, text: str, need: str) -> None:
    assert need in router.analyse(text).needs


def test_a_real_word_is_not_corrected_into_a_vocabulary_word(router: Router) -> None:
    assert "onderwijs" not in router.analyse("het plein moet schoon blijven").themes


def test_wijk_organisation_and_stage_are_derived(router: Router) -> None:
    analysis = router.analyse(
        "Als stichting draaien we al jaren een inloop in de Poptahof en willen uitbreiden."
    )
    assert analysis.wijk == "Voorhof"
    assert analysis.organisation == "stichting-vereniging"
    assert analysis.stage == "opschalen"


def test_a_word_the_tokenizer_keeps_a_full_stop_on_is_still_the_word(router: Router) -> None:
    # "VvE." and "bv." look like abbreviations to the tokenizer, which keeps the stop on them
    assert router.analyse("Het is onze VvE.").organisation == "stichting-vereniging"
    assert router.analyse("Wij zijn een bv.").organisation == "ondernemer"


def test_a_multiword_wijk_is_found(router: Router) -> None:
    assert router.analyse("wij wonen in Hof van Delft").wijk == "Hof van Delft"


@pytest.mark.parametrize(
    "text",
    [
        "Hoe vraag ik een nieuw paspoort aan?",
        "Wanneer wordt het grofvuil opgehaald?",
        "Hoe kom ik aan een parkeervergunning?",
        "Ik wil een klacht indienen over geluidsoverlast",
        "Klopt mijn WOZ-waarde wel?",
        "Hoe kan ik een bijstandsuitkering aanvragen?",
        "Ik wil mijn verhuizing doorgeven",
    ],
)
def test_general_municipal_questions_are_out_of_scope(router: Router, text: str) -> None:
    assert router.analyse(text).out_of_scope is not None


@pytest.mark.parametrize(
    "text",
    [
        "een initiatief tegen afval in de wijk",
        "Wij willen met buurtbewoners geluidsoverlast in de straat samen aanpakken",
        "Ik zit in de bijstand en wil een eigen bedrijf starten",
    ],
)
def test_initiatives_that_mention_a_service_topic_stay_in_scope(router: Router, text: str) -> None:
    assert router.analyse(text).out_of_scope is None


def test_buying_from_an_initiative_is_no_question_about_opening_hours(router: Router) -> None:
    # "inkopen" ends in "open", but is no compound of it: the municipality buying is the need.
    analysis = router.analyse("Zou de gemeente haar kerststukjes bij ons kunnen inkopen?")
    assert analysis.out_of_scope is None
    assert router.analyse("Is het stadskantoor zaterdag open?").out_of_scope is not None


def test_losing_weight_is_no_waste(router: Router) -> None:
    assert (
        "circulair"
        not in router.analyse("Een loopclub voor mensen die samen willen afvallen").themes
    )
    assert "circulair" in router.analyse("Een loopclub die onderweg afval opruimt").themes


def test_clean_text_removes_tags_scripts_entities_and_control_characters() -> None:
    raw = "<div>Samen&nbsp;<i>koken</i></div><style>p{}</style>\x1b[31m\u200b voor   buren\r\n\n"
    assert clean_text(raw) == "Samen koken [31m voor buren"


def test_fold_ignores_case_accents_hyphens_and_apostrophes() -> None:
    assert fold("Taalcafé's") == "taalcafes"
    assert fold("Zonne-Energie") == "zonneenergie"


def test_installed_model_is_preferred_and_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from routing.text import MODEL_NAME, load_pipeline

    def fake_load(name: str, **_: object) -> object:
        assert name == MODEL_NAME
        nlp = spacy.blank("nl")
        nlp.meta["version"] = "3.8.0"
        return nlp

    monkeypatch.setattr(spacy, "load", fake_load)
    load_pipeline.cache_clear()
    try:
        pipeline = load_pipeline()
        assert pipeline.name == f"{MODEL_NAME} 3.8.0"
        assert pipeline.lemmas is None
        assert [t.text for t in pipeline.tokens("Zonnepanelen, graag!")] == [
            "Zonnepanelen",
            "graag",
        ]
    finally:
        load_pipeline.cache_clear()


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("Kost dit mij trouwens iets?", None),
        ("Overigens zoeken we nog vrijwilligers", None),
        ("Ik wil trouwen, waar moet ik heen?", "verhuizen"),
    ],
)
def test_an_adverb_that_ends_like_a_plural_is_not_the_word_it_resembles(
    router: Router, text: str, service: str | None
) -> None:
    # "trouwens" (by the way) is no plural or typo of "trouwen" (to marry, a municipal service).
    assert router.analyse(text).out_of_scope == service


def test_a_function_word_keeps_its_own_form_only() -> None:
    from routing.text import load_pipeline

    pipeline = load_pipeline()
    assert pipeline.tokens("trouwens")[0].forms == frozenset({"trouwens"})
    assert "winkel" in pipeline.tokens("winkels")[0].forms  # a real plural still has its stem


def test_each_word_is_folded_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import routing.text
    from routing.text import Pipeline, load_pipeline

    shared = load_pipeline()
    pipeline = Pipeline(shared.nlp, shared.name, shared.lemmas, shared.known)
    text = "Twee buurtmoestuinen en een Buurtmoestuinen"
    first = pipeline.tokens(text)
    folded: list[str] = []

    def counting(word: str) -> str:
        folded.append(word)
        return fold(word)

    monkeypatch.setattr(routing.text, "fold", counting)
    assert pipeline.tokens(text) == first
    assert pipeline.tokens("twee buurtmoestuinen") != []
    assert set(folded) == {"twee"}  # the only word not seen before (word and lemma)


def test_showing_what_it_yields_is_measuring_impact(router: Router) -> None:
    text = "we willen sponsors kunnen laten zien wat het oplevert voor de wijk"
    assert "impact" in router.analyse(text).needs


def test_a_school_one_drives_to_is_no_school_behind_it(router: Router) -> None:
    # andere_betekenis names the kind of organisation as "organisatie:onderwijs" (onderwijs is
    # also a theme, which the bare name means)
    driven = router.analyse("een bakfiets voor de ritjes naar school")
    assert driven.organisation is None
    assert "onderwijs" not in driven.themes
    assert router.analyse("wij zijn een basisschool in de wijk").organisation == "onderwijs"


def test_kapot_as_an_intensifier_is_no_report(router: Router) -> None:
    # andere_betekenis names a topic of another service as "buiten:melding"
    bored = router.analyse("mijn zoon verveelt zich kapot in de vakantie")
    assert bored.out_of_scope is None
    assert router.analyse("de lantaarnpaal bij ons is kapot").out_of_scope == "melding"


def test_a_wall_sought_is_a_place_and_ones_own_building_is_none(router: Router) -> None:
    assert "locatie" in router.analyse("ik zoek een lege muur voor een muurschildering").needs
    renovated = router.analyse("we willen ons oude schoolgebouw verduurzamen")
    assert "locatie" not in renovated.needs
