"""Answers read as inwoners say them (issue #12, "take data as it is said"): impact and
volunteers in everyday words, a negation that takes back only its own clause, a while of
running, a business of one's own, a school that is only where the children go, a writer who
types for someone else, and a goal said in one word."""

from __future__ import annotations

import pytest

from actions.intake import answer_to, answers_the_goal, prefill_from_message, tells_what_it_is
from actions.slots import needs_in_answer, normalise_stage, organisation_in_answer, running_stage
from tests.actions.conftest import make_tracker, phrasings


def needs(delft, text: str) -> set[str]:
    return set(needs_in_answer(text, delft.catalogue, delft.analyse))


# Impact as showing or keeping track of what an initiative achieves (an aim or a wider reach is
# none); volunteers as people who want or come to help.
SHOWING_WHAT_IT_ACHIEVES = [
    "We willen kunnen laten zien hoeveel mensen er elke week op af komen.",
    "bijhouden hoeveel kilo eten we redden, voor de fondsen",
    "Iemand die helpt in kaart brengen wat het de buurt oplevert",
    "wij willen tonen hoeveel vrouwen nu kunnen fietsen",
    "ff laten zien wat we bereikt hebben, met cijfers enzo",
    "We willen weten of het werkt, of de mensen minder alleen zijn.",
    "hoe tonen we aan dat het helpt?? voor de aanvraag",
    "Ik wil weten hoeveel mensen wij helpen elk jaar.",
    "wat levert het eigenlijk op voor de buurt, dat willen we graag weten",
]
AN_AIM_OR_A_REACH = [
    "Wat we willen bereiken is dat ouderen minder alleen zijn.",
    "We willen meer mensen bereiken met onze flyers.",
]
PEOPLE_WHO_HELP = [
    "Een paar buren die een handje willen helpen bij het opbouwen.",
    "We hebben mensen nodig die zaterdag komen helpen.",
    "extra handen voor de markt",
    "wij zoeken vrouwen die willen helpen met koken",
    "gasten die mee willen helpen sjouwen op de klusdag",
    "mensen die af en toe willen bijspringen",
    "Buurtgenoten die tijd hebben, een paar uur in de maand.",
    "nog wat mensen die zich willen inzetten voor de kinderen",
]


@pytest.mark.parametrize(
    ("text", "need", "read"),
    [
        *((t, "impact", True) for t in SHOWING_WHAT_IT_ACHIEVES),
        *((t, "impact", False) for t in AN_AIM_OR_A_REACH),
        *((t, "vrijwilligers", True) for t in PEOPLE_WHO_HELP),
    ],
)
def test_impact_and_volunteers_are_read_in_everyday_words(delft, text, need, read):
    assert (need in needs(delft, text)) is read


def test_what_an_initiative_wants_to_achieve_is_no_publicity(delft):
    assert "zichtbaarheid" not in needs(delft, "Wat wij willen bereiken is een schonere straat.")
    assert "zichtbaarheid" not in needs(delft, "Laten zien dat het echt iets oplevert.")
    assert "zichtbaarheid" in needs(delft, "We willen laten zien dat we er zijn.")


def test_neighbours_who_help_each_other_are_the_initiative_not_volunteers(delft):
    assert "vrijwilligers" not in needs(
        delft, "een app voor buren die elkaar helpen met boodschappen"
    )


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Advies over de papieren, zonder dat het ons veel geld kost.", "kennis"),
        ("Een ruimte zodat we niet meer bij mij thuis hoeven te zitten", "locatie"),
        ("een plek zonder hoge huur", "locatie"),
        ("Hulp met de vergunning, waardoor we geen boete krijgen.", "vergunning"),
    ],
)
def test_a_negation_in_a_clause_of_its_own_keeps_the_need_before_it(delft, text, need):
    assert need in needs(delft, text)


def test_what_follows_zonder_is_still_taken_back(delft):
    found = needs(delft, "Advies over de papieren, zonder dat het ons veel geld kost.")
    assert "financiering" not in found
    found = needs(delft, "geen subsidie nodig, wel een ruimte zodat we niet thuis werken")
    assert "financiering" not in found
    assert "locatie" in found


# A while of running said in months or half years, and something done before more than once,
# are a running initiative; trying the municipality a few times is not.
WHILE_OF_RUNNING = [
    "Ik doe dit al een half jaar, elke woensdag in het buurthuis.",
    "we draaien nu anderhalf jaar",
    "Zijn ruim een jaar geleden begonnen met de kledingruil.",
    "het loopt al een paar maanden heel goed",
    "Wij doen dit al 8 maanden samen.",
    "al een aantal jaren, elke zomer",
    "we zijn twee jaar bezig met de moestuin",
    "elke week sinds de kerst",
]
DONE_BEFORE = [
    "We hebben het al drie keer georganiseerd in het park.",
    "dit jaar is het de vierde editie",
    "Vorig jaar voor het eerst gedaan, nu willen we het weer doen.",
    "de markt is al vaker gehouden op het plein",
]
TRIED_THE_MUNICIPALITY = [
    "Ik heb al een paar keer gebeld met de gemeente.",
    "We hebben al twee keer een aanvraag gedaan.",
]


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        *((t, "lopend") for t in WHILE_OF_RUNNING + DONE_BEFORE),
        *((t, None) for t in TRIED_THE_MUNICIPALITY),
    ],
)
def test_running_is_read_from_how_long_or_how_often(delft, text, stage):
    assert running_stage(text, delft.catalogue) == stage
    if text in WHILE_OF_RUNNING:
        assert normalise_stage(text, delft.catalogue, delft.analyse) == "lopend"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("We wonen hier al een half jaar.", None),
        ("We zijn sinds twee weken bezig.", "opstart"),
    ],
)
def test_a_while_of_something_else_or_weeks_is_no_running_initiative(delft, text, stage):
    assert running_stage(text, delft.catalogue) is None
    assert normalise_stage(text, delft.catalogue, delft.analyse) == stage


def test_a_stage_said_in_the_first_story_is_found_when_they_say_they_said_it():
    story = "Hoi, ik geef al een half jaar gratis gitaarles aan kinderen in de Poptahof."
    tracker = make_tracker(
        text="Dat heb ik al gezegd.",
        slots={"requested_slot": "stage"},
        events=[
            {"event": "user", "text": story},
            {"event": "slot", "name": "requested_slot", "value": "stage"},
            {"event": "user", "text": "Dat heb ik al gezegd."},
        ],
    )
    assert answer_to("stage", "Dat heb ik al gezegd.", tracker) == {"stage": "lopend"}
    first = prefill_from_message(make_tracker(text=story, intent="describe_initiative"))
    assert first["stage"] == "lopend"


@pytest.mark.parametrize(("text", "own"), phrasings("business of one's own"))
def test_a_business_of_ones_own_is_an_entrepreneur(delft, text, own):
    assert (organisation_in_answer(text, delft.catalogue, delft.analyse) == "ondernemer") is own


def first_story(text: str) -> dict:
    return prefill_from_message(make_tracker(text=text, intent="describe_initiative"))


@pytest.mark.parametrize(
    "story",
    [
        "Ik ben moeder van een jongen op de basisschool en wil met andere ouders een "
        "speelstraat organiseren.",
        "Mijn dochter zit op de middelbare school, ik wil een huiswerkclub in de buurt "
        "beginnen voor kinderen die thuis geen rustige plek hebben.",
        "veel jongeren hier zijn van school af en hangen rond, ik wil een "
        "voetbaltoernooi organiseren op het veldje",
    ],
)
def test_a_school_where_the_children_go_is_not_who_is_behind_it(story):
    assert first_story(story).get("organisation") != "onderwijs"


def test_a_business_that_names_a_school_is_still_a_business():
    story = (
        "Ik heb een kapsalon in de binnenstad en wil meiden die van school zijn gekomen een "
        "opleidingsplek geven."
    )
    assert first_story(story).get("organisation") == "ondernemer"


@pytest.mark.parametrize(
    "story",
    [
        "Wij zijn een basisschool in Voorhof en willen een moestuin voor de leerlingen.",
        "Ik ben docent op het mbo en wil met mijn studenten de speeltuin opknappen.",
        "Als studenten van de hogeschool willen we een repaircafé op de campus beginnen.",
    ],
)
def test_a_school_that_speaks_for_itself_is_education(story):
    assert first_story(story).get("organisation") == "onderwijs"


@pytest.mark.parametrize(
    "story",
    [
        "Ik werk bij een welzijnsorganisatie en typ dit namens een bewoner die een "
        "buurtmoestuin wil beginnen.",
        "Ik ben wijkverpleegkundige bij de thuiszorg en vul dit in voor mijn cliënte. Zij "
        "wil een breiclub opzetten in haar flat.",
        "goedemorgen ik ben jobcoach bij een zorginstelling en schrijf dit voor een "
        "deelnemer van ons, hij wil graag een eigen fietsenmakerij",
    ],
)
def test_who_someone_types_for_is_not_their_workplace(story):
    assert first_story(story).get("organisation") is None  # the question is asked


def test_a_care_organisation_that_speaks_for_itself_is_kept():
    story = "Ik werk bij een zorgorganisatie en wij willen een ontmoetingsplek openen in Tanthof."
    assert first_story(story).get("organisation") == "maatschappelijke-organisatie"


@pytest.mark.parametrize(
    "opening",
    [
        "ik heb een idee voor de buurt",
        "Hallo, ik heb een plannetje voor onze straat!",
        "goedemiddag wij hebben een initiatief voor de wijk",
    ],
)
def test_an_opening_that_names_no_initiative_is_not_the_goal(opening):
    assert not tells_what_it_is(opening)
    assert "goal" not in first_story(opening)


@pytest.mark.parametrize("answer", ["buurtfeest", "Moestuin", "taalcafé", "kledingruil!"])
def test_one_word_that_names_an_initiative_answers_the_goal_question(answer):
    assert answers_the_goal(answer, None)


@pytest.mark.parametrize("answer", ["ja", "hoi", "nee", "idee", "asdf"])
def test_one_word_that_names_nothing_does_not(answer):
    assert not answers_the_goal(answer, None)


# A first story that says only what kind of organisation writes and what help it wants is
# not the goal: the goal question asks what the initiative does.
@pytest.mark.parametrize(("story", "only_help"), phrasings("story of only who and what help"))
def test_a_story_of_only_who_and_what_help_is_not_the_goal(story, only_help):
    assert ("goal" not in first_story(story)) is only_help


def test_an_opening_with_an_idea_that_names_it_is_the_goal():
    assert first_story("ik heb een idee voor een buurtfeest in de zomer")["goal"]


def goal_turns(*answers: str) -> list[dict]:
    events: list[dict] = [{"event": "slot", "name": "requested_slot", "value": "goal"}]
    for answer in answers:
        events.append({"event": "user", "text": answer})
    return events


@pytest.mark.parametrize("word", ["breiclub", "Bingo!", "zomerfeest"])
def test_a_word_said_again_after_one_request_for_more_stands_as_the_goal(word):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ValidateIntakeForm

    first = make_tracker(text=word, slots={"requested_slot": "goal"}, events=goal_turns(word))
    dispatcher = CollectingDispatcher()
    assert ValidateIntakeForm().validate_goal(word, dispatcher, first, {}) == {"goal": None}
    assert "iets meer vertellen" in dispatcher.messages[0]["text"]
    again = make_tracker(text=word, slots={"requested_slot": "goal"}, events=goal_turns(word, word))
    result = ValidateIntakeForm().validate_goal(word, CollectingDispatcher(), again, {})
    assert result == {"goal": word}


@pytest.mark.parametrize("answer", ["ja", "weet ik niet", "hoi", "nee hoor"])
def test_a_second_answer_that_names_nothing_is_still_no_goal(answer):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ValidateIntakeForm

    again = make_tracker(
        text=answer, slots={"requested_slot": "goal"}, events=goal_turns("eh", answer)
    )
    result = ValidateIntakeForm().validate_goal(answer, CollectingDispatcher(), again, {})
    assert result == {"goal": None}


def test_a_goal_that_opens_unsure_is_still_the_goal():
    text = "Weet niet precies hoe, maar ik wil eenzame ouderen helpen met boodschappen."
    assert answers_the_goal(text, None)


@pytest.mark.parametrize(
    ("earlier", "goal"),
    [
        # the goal is what was told before, not the remark
        (
            "We willen een ruilkast voor boeken bij het winkelcentrum neerzetten.",
            "We willen een ruilkast voor boeken bij het winkelcentrum neerzetten.",
        ),
        # a story that names no purpose, and they say it was the goal: the story, not a third
        # time the same question
        (
            "Ik heb sinds 2021 een lunchroom waar mensen met een beperking werken. Wij zijn een "
            "bv met een sociale missie.",
            "Ik heb sinds 2021 een lunchroom waar mensen met een beperking werken. Wij zijn een "
            "bv met een sociale missie.",
        ),
        # nothing told before: no goal yet, the question is asked again
        ("hallo", None),
        ("Goedemiddag, ik heb een vraag", None),
    ],
)
def test_a_remark_that_the_goal_was_told_already_is_not_the_goal(router, earlier, goal):
    from actions.intake import answer_to

    remark = "Dat heb ik toch net al uitgelegd?"
    tracker = make_tracker(
        text=remark,
        asking="goal",
        events=[{"event": "user", "text": earlier}, {"event": "user", "text": remark}],
    )
    assert answer_to("goal", remark, tracker).get("goal") == goal


def test_the_goal_validation_keeps_no_remark_as_the_goal(delft):
    from rasa_sdk.executor import CollectingDispatcher

    from actions import knowledge
    from actions.intake import ValidateIntakeForm

    remark = "Dat heb ik toch net al uitgelegd?"
    knowledge.use_router(delft)  # the real signal words
    try:
        tracker = make_tracker(text=remark, asking="goal")
        kept = ValidateIntakeForm().validate_goal(remark, CollectingDispatcher(), tracker, {})
    finally:
        knowledge.use_router(None)
    assert not kept.get("goal")


def test_the_goal_validation_takes_the_story_told_when_they_say_they_told_it(delft):
    from rasa_sdk.executor import CollectingDispatcher

    from actions import knowledge
    from actions.intake import ValidateIntakeForm

    story = "Goedemiddag, ik ben coördinator bij een buurthuis. Wij matchen ouderen met scholieren."
    remark = "Dat heb ik al gezegd."
    knowledge.use_router(delft)  # the real signal words
    try:
        tracker = make_tracker(
            text=remark,
            asking="goal",
            events=[{"event": "user", "text": story}, {"event": "user", "text": remark}],
        )
        kept = ValidateIntakeForm().validate_goal(remark, CollectingDispatcher(), tracker, {})
    finally:
        knowledge.use_router(None)
    assert kept.get("goal") == story  # not asked a third time


@pytest.mark.parametrize(
    ("earlier", "goal"),
    [
        # the story said what they do, the answer what it should achieve: both are kept
        (
            ["Wij zijn vier opa's uit de Poptahof en we jeu-de-boulen elke maandag op het plein."],
            "Wij zijn vier opa's uit de Poptahof en we jeu-de-boulen elke maandag op het plein. "
            "Doel: Dat meer mannen uit de flat de deur uit komen.",
        ),
        # a greeting tells nothing; how they were sent here neither
        (["Hallo"], "Dat meer mannen uit de flat de deur uit komen."),
        (
            ["Goedemiddag, bij de bibliotheek zeiden ze dat ik het hier moest typen."],
            "Dat meer mannen uit de flat de deur uit komen.",
        ),
        # what came before a finished case is another initiative
        (
            [
                "Wij zijn vier opa's uit de Poptahof en we jeu-de-boulen elke maandag.",
                {"event": "slot", "name": "phase", "value": "done"},
            ],
            "Dat meer mannen uit de flat de deur uit komen.",
        ),
        # a goal given and now asked again is being changed: the old story is not put back
        (
            [
                "Wij zijn vier opa's uit de Poptahof en we jeu-de-boulen elke maandag.",
                {"event": "slot", "name": "goal", "value": "Jeu de boules voor opa's"},
                {"event": "slot", "name": "goal", "value": None},
            ],
            "Dat meer mannen uit de flat de deur uit komen.",
        ),
    ],
)
def test_the_goal_keeps_the_story_told_before_the_goal_question(router, earlier, goal):
    from actions.intake import answer_to

    answer = "Dat meer mannen uit de flat de deur uit komen."
    events = [e if isinstance(e, dict) else {"event": "user", "text": e} for e in earlier]
    # Rasa sets the answer as the goal's candidate after the message, before the validation
    candidate = {"event": "slot", "name": "goal", "value": answer}
    tracker = make_tracker(
        text=answer,
        asking="goal",
        events=[*events, {"event": "user", "text": answer}, candidate],
    )
    assert answer_to("goal", answer, tracker).get("goal") == goal


def test_said_already_at_the_organisation_question_is_not_a_form_the_story_doubted(router):
    from actions.intake import answer_to

    story = (
        "Ik wil een fietsenmakerij met statushouders beginnen, maar twijfel of het een "
        "stichting of een bv wordt."
    )
    remark = "Dat heb ik al gezegd."
    tracker = make_tracker(
        text=remark,
        asking="organisation",
        events=[{"event": "user", "text": story}, {"event": "user", "text": remark}],
    )
    assert answer_to("organisation", remark, tracker) == {"organisation": "onbekend"}
