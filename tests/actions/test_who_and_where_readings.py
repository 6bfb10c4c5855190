"""Readings of who is behind an initiative and what it needs, by class (issue #12, seventh
round): residents who say that is who they are, a club the writer speaks for, a business with
a social mission, a business that trains people at a distance from work, a plain place to use
as a need, and catering that is a business line rather than the municipality as a customer.
Every text here is written for the test."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import prefill_from_message, told_in_passing
from actions.interpret import ActionInterpretTurn
from actions.slots import (
    needs_in_answer,
    needs_in_text,
    normalise_organisation,
    organisation_in_answer,
)
from tests.actions.conftest import (
    intake_domain,
    make_tracker,
    run_action,
    slot_events,
    validate_form,
)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # residents who say that is who they are
        (
            "Wij zijn een paar buren uit de Vermeerstraat en willen samen een geveltuin aanleggen.",
            "bewoner",
        ),
        (
            "We zijn gewoon bewoners van de flat en we willen de hal opknappen met schilderijen.",
            "bewoner",
        ),
        (
            "Als bewonerscommissie van ons hofje willen we een burendag organiseren in mei.",
            "bewoner",
        ),
        ("Namens het buurtcomité: we zouden graag een kerstmarkt op het plein houden.", "bewoner"),
        # the residents in an aside ("wij, een paar buren, …")
        ("We (een paar bewoners van het hofje) willen een pannakooi op het grasveld.", "bewoner"),
        # a residents' group spoken for in a long story, which names no legal form
        (
            "Goedendag, met onze bewonersgroep in Tanthof houden we al twee jaar elke vrijdag "
            "een koffieochtend in de recreatiezaal van de flat. Er komen zo'n twintig mensen, "
            "vooral ouderen die verder weinig aanspraak hebben, en het is elke week gezellig. "
            "Nu wil de verhuurder de zaal opknappen en moeten we een paar maanden ergens anders "
            "heen. We zoeken dus tijdelijk een andere ruimte in de buurt, liefst gelijkvloers.",
            "bewoner",
        ),
        # residents who do it together, named as the ones who act
        ("Met een paar buren willen we een moestuin beginnen achter de school.", "bewoner"),
        ("mijn buurman en ik willen de bloembakken in de straat gaan onderhouden", "bewoner"),
        ("Het is een plan van wat flatgenoten: een boekenkast in de hal.", "bewoner"),
        ("ik wil met andere moeders uit onze straat een speelochtend houden", "bewoner"),
        ("Bij ons in het hofje willen zes huishoudens samen een regenton-project.", "bewoner"),
        ("We willen twintig huishoudens helpen met het isoleren van hun huis.", None),
        # residents it is for, not who is behind it
        ("Ik wil een bingo organiseren voor de bewoners van het verzorgingshuis.", None),
        ("Het plan is een mozaïekbank, gemaakt met jongeren uit de buurt.", None),
        ("Ik wil met een paar jongeren uit mijn straat een mozaïekbank maken.", "bewoner"),
        (
            "Wij zijn een stichting en willen met een paar buren een tuin aanleggen.",
            "stichting-vereniging",
        ),
        # a foundation that earns its own money is the catalogue's social enterprise
        (
            "Wij zijn een stichting met een eigen verdienmodel: een fietsenwerkplaats waar "
            "jongeren leren sleutelen.",
            "sociale-onderneming",
        ),
        # a club the writer speaks for
        (
            "Goedenavond, ik ben penningmeester van een korfbalclub en we willen een "
            "beweegochtend voor ouderen opzetten.",
            "stichting-vereniging",
        ),
        (
            "Hoi! Namens onze voetbalclub willen we een taalcafé in de kantine beginnen.",
            "stichting-vereniging",
        ),
        (
            "Ik ben voorzitter bij de tennisclub hier en wij willen ons clubhuis verduurzamen.",
            "stichting-vereniging",
        ),
        # a residents' association is an association, also with "namens" before it
        (
            "Namens de Huurdersvereniging Het Hofje: wij houden al jaren een kerstmarkt en "
            "zoeken nu geld voor kramen.",
            "stichting-vereniging",
        ),
        # weighing two legal forms is not knowing yet (the question is not asked again)
        (
            "We willen een fietskoeriersbedrijf met statushouders beginnen, maar twijfelen nog "
            "tussen een stichting en een bv.",
            "onbekend",
        ),
        (
            "Ik wil een kringloopwinkel voor babyspullen beginnen, maar ik weet niet of dat een "
            "vereniging of een bv moet worden.",
            "onbekend",
        ),
        # in their own name, not for the body they belong to
        (
            "Wij (drie moeders van de school) organiseren elke vrijdag een ontbijt, nu nog "
            "gewoon als bewoners.",
            "bewoner",
        ),
        # a group of parents who say that is who they are
        (
            "Wij zijn een stel vaders uit de Poptahof en we voetballen elke zaterdag met de "
            "kinderen.",
            "bewoner",
        ),
        # where it happens and who takes part are not who is behind it: the question is asked
        ("Wij houden elke dinsdag een schaakavond in de bibliotheek van Voorhof.", None),
        # a long story that names its legal form in a compound
        (
            "Beste mensen, ik schrijf namens Tafeltennisvereniging De Stuiter. We spelen al "
            "dertig jaar in de kantine van het sportpark, met zo'n zestig leden van acht tot "
            "tachtig jaar. Die kantine wordt volgend jaar afgebroken omdat er woningen komen. "
            "We hebben een zaal nodig waar zes tafels kunnen staan, liefst in de buurt, want veel "
            "leden komen op de fiets. Wie kan ons helpen zoeken?",
            "stichting-vereniging",
        ),
        # nor whom it is for or offered to
        (
            "Ik heb een lege bovenverdieping en wil die voor weinig verhuren aan een stichting of "
            "een sociale onderneming uit de buurt.",
            None,
        ),
        ("Als oud-bankier wil ik beginnende ondernemers helpen met hun eerste begroting.", None),
        # unless they say they are such a business
        (
            "Welke leningen zijn er voor sociaal ondernemers zoals wij? Onze wasserette draait al "
            "drie jaar.",
            "sociale-onderneming",
        ),
        ("Een klusdienst van ondernemers uit Delfgauw voor ouderen in de wijk.", "ondernemer"),
        (
            "Onze wasserette is aangesloten bij de Code Sociale Ondernemingen en zoekt een "
            "tweede vestiging.",
            "sociale-onderneming",
        ),
        (
            "We hebben een naaicafé, waar vrouwen uit de wijk samen met buurtbewoners kleding "
            "maken.",
            None,
        ),
    ],
)
def test_who_is_behind_it_is_read_from_a_first_story(real_words, text, organisation):
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values.get("organisation") == organisation


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a club that is only where the children play is not who is behind it
        (
            "De kinderen uit de straat voetballen bij een club verderop, wij willen een speeltuin.",
            None,
        ),
        # a business with a social mission
        ("Het is een bv, maar met een duidelijke sociale missie.", "sociale-onderneming"),
        (
            "Een gewoon bedrijf hoor, alleen gaat de winst helemaal terug naar het project.",
            "sociale-onderneming",
        ),
        ("Eenmanszaak. We steken de winst wel terug in de buurt.", "sociale-onderneming"),
        (
            "Een stichting met een maatschappelijke doelstelling en een eigen winkel.",
            "sociale-onderneming",
        ),
        # a cooperative or foundation that earns its own money has the catalogue's verdienmodel
        (
            "Een coöperatie. De inkomsten uit de fietsverhuur verdienen we zelf.",
            "sociale-onderneming",
        ),
        # an owners' association, with the full stop the tokenizer keeps on it
        ("Onze VvE.", "stichting-vereniging"),
        # in their own name, not for the school, church or employer they belong to
        ("Ik werk bij de bieb, maar dit doe ik privé met twee buren.", "bewoner"),
        ("Mensen van onze moskee, maar niet de moskee zelf: wij doen het als buren.", "bewoner"),
        ("Studenten, maar het heeft niks met de hogeschool te maken.", "bewoner"),
        # a few friends, in chat spelling
        ("gwn ik en me vrienden", "bewoner"),
        # the library where it is held is not who holds it (a club is); the library itself is
        ("We zijn een leesclub in de bibliotheek.", "stichting-vereniging"),
        ("Wij zijn de bibliotheek.", "maatschappelijke-organisatie"),
    ],
)
def test_who_is_behind_it_is_read_from_an_answer(delft, text, organisation):
    assert normalise_organisation(text, delft.catalogue, delft.analyse) == organisation


@pytest.mark.parametrize(
    "text",
    [
        "Ik run een fietsenzaak waar we jongeren met een afstand tot de arbeidsmarkt opleiden.",
        "Wij hebben een bakkerij waar statushouders het vak leren en worden begeleid.",
        "Mijn drukkerij is een plek waar mensen uit de bijstand weer aan de slag gaan.",
    ],
)
def test_a_business_that_trains_people_at_a_distance_from_work_is_asked_who_it_is(real_words, text):
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values.get("organisation") != "ondernemer"


@pytest.mark.parametrize(
    "text",
    [
        "Vooral een grasveldje waar de kinderen mogen trappen.",
        "Een loods of schuur om de kramen in op te slaan.",
        "Een pleintje voor de markt, en iemand die meedenkt over de opzet.",
        "We hebben opslag nodig voor de gereedschapskisten.",
        "Een sportveld voor twee avonden in de week.",
    ],
)
def test_a_plain_place_to_use_is_a_need_for_a_place(delft, text):
    assert "locatie" in needs_in_answer(text, delft.catalogue, delft.analyse)


@pytest.mark.parametrize(
    "text",
    [
        "Geld voor de muziek, het feest is op het plein voor de kerk.",
        "Nieuwe ballen, we trainen op het veld achter de school.",
        "alleen sponsoring, we spelen al op ons veldje",
    ],
)
def test_the_field_or_square_an_activity_is_on_is_no_need_for_a_place(delft, text):
    assert "locatie" not in needs_in_answer(text, delft.catalogue, delft.analyse)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ons eetcafé wil uitbreiden met catering voor bruiloften.", False),
        ("We verzorgen catering voor feesten en partijen in de regio.", False),
        ("We zouden graag de catering voor de gemeente verzorgen.", True),
        ("Misschien kan de gemeente onze catering inhuren voor vergaderingen?", True),
        # the municipality buying what an initiative makes, or a challenge it puts out
        ("Fijn als de gemeente eens tafels bij ons zou kopen voor de wijkcentra.", True),
        ("we hopen dat de gemeente van ons de kerststukjes gaat kopen", True),
        ("Zou de gemeente mee willen doen als klant, via zo'n challenge van de gemeente?", True),
        ("We willen het oude schoolgebouw van de gemeente kopen.", False),
        ("Bij ons kunnen buurtbewoners goedkoop tweedehands kleding kopen.", False),
        ("Onze grootste challenge is genoeg vrijwilligers vinden.", False),
    ],
)
def test_catering_is_the_municipality_as_a_customer_only_when_it_says_so(delft, text, wanted):
    assert ("inkoop" in needs_in_text(text, delft.catalogue, delft.analyse)) is wanted


@pytest.mark.parametrize(
    ("text", "requested"),
    [
        ("Het draait nog niet, we zijn met de bewonerscommissie bezig.", "stage"),
        ("In Voorhof, ik ben secretaris van de handbalclub daar.", "wijk"),
        ("Een idee van ons, wij zijn allemaal bewoners van hetzelfde hofje.", "stage"),
    ],
)
def test_who_is_behind_it_said_at_another_question_is_kept(real_words, text, requested):
    tracker = make_tracker(text=text, asking=requested)
    told = slot_events(told_in_passing(tracker, requested, text, []))
    assert told.get("organisation") in ("bewoner", "stichting-vereniging")


@pytest.mark.parametrize(
    ("text", "requested", "next_question"),
    [
        ("Nog maar een plan, we zijn met een paar bewoners van het hofje.", "stage", "wijk"),
        ("Gewoon een paar buren, in Tanthof.", "organisation", "contact_wanted"),
        ("Geld voor materiaal. We bestaan al vijf jaar als vereniging.", "needs", "wijk"),
    ],
)
async def test_an_answer_that_also_answers_a_later_question_skips_it(
    real_words, text, requested, next_question
):
    from actions.intake import ValidateIntakeForm

    earlier = intake_domain()["forms"]["intake_form"]["required_slots"]
    before = earlier[: earlier.index(requested)]
    known = {"goal": "Een ruilwinkel voor kinderkleding", "needs": ["locatie"], "stage": "idee"}
    slots = {slot: known[slot] for slot in before} | {"requested_slot": requested}
    tracker = make_tracker(
        text=text, active_loop="intake_form", slots=slots, latest_action_name="intake_form"
    )
    events = await ValidateIntakeForm().run(CollectingDispatcher(), tracker, intake_domain())
    assert slot_events(events)["requested_slot"] == next_question


@pytest.mark.parametrize(
    "text",
    [
        "Nog niks gestart hoor, we zijn met de bewonerscommissie van ons blok.",
        "Het is een idee. Ik ben voorzitter van de biljartvereniging.",
        "Alleen nog een plan, wij zijn bewoners van de Kerkstraat.",
    ],
)
async def test_who_is_behind_it_is_kept_when_the_turn_is_read_outside_the_form(real_words, text):
    reply = await run_action(
        ActionInterpretTurn(),
        text,
        "nlu_fallback",
        slots={"goal": "Een buurtbarbecue", "needs": ["vergunning"]},
        asking="stage",
    )
    slots = slot_events(reply.events)
    assert slots.get("stage") == "idee"
    assert slots.get("organisation") in ("bewoner", "stichting-vereniging")


@pytest.mark.parametrize(
    ("story", "stated"),
    [
        # working together says how, not with what: noted, and the needs question asks
        (
            "Wij runnen een buurtbus voor ouderen en zoeken een manier om dit met de gemeente "
            "samen te doen.",
            False,
        ),
        ("Ik wil samen met de gemeente een repaircafé in de bibliotheek opzetten.", False),
        # with a need that says what, the story said what it needs
        ("We zoeken een ruimte en willen samenwerken met de gemeente voor ons taalcafé.", True),
    ],
)
def test_working_together_as_the_only_need_is_noted_and_asked_about(real_words, story, stated):
    told = prefill_from_message(make_tracker(text=story, intent="describe_initiative"))
    assert "samenwerking" in (told.get("needs") or told.get("needs_hint") or [])
    assert ("needs" in told) is stated


def test_a_social_enterprise_wins_over_the_legal_form_the_tagger_took(real_words):
    """The tagger takes "stichting" out of "een stichting met een verdienmodel"; what the story
    says as a whole is a social enterprise."""
    text = "Wij zijn een stichting met een verdienmodel en runnen een kringloopwinkel in Voorhof."
    values = prefill_from_message(
        make_tracker(
            text=text,
            intent="describe_initiative",
            entities=[{"entity": "organisation", "value": "stichting", "start": 12, "end": 21}],
        )
    )
    assert values.get("organisation") == "sociale-onderneming"


def test_a_stage_taken_back_inside_another_answer_may_be_a_start(real_words):
    text = (
        "Met z'n vieren. O, en wat ik daarnet zei klopt niet helemaal: de eerste les is al "
        "geweest, dus we zijn eigenlijk al aan het opstarten."
    )
    tracker = make_tracker(text=text, asking="organisation", slots={"stage": "idee"})
    told = slot_events(told_in_passing(tracker, "organisation", text, []))
    assert told.get("stage") == "opstart"


@pytest.mark.parametrize(
    "text",
    [
        "Ik zit op het mbo, maar dit doe ik privé met mijn huisgenoten.",
        "Een paar mensen van de kerk, maar niet de kerk zelf. Wij doen het als buren.",
    ],
)
def test_an_answer_in_ones_own_name_is_residents_though_it_names_a_school_or_church(delft, text):
    from actions.slots import organisation_in_answer

    assert organisation_in_answer(text, delft.catalogue, delft.analyse) == "bewoner"


def test_no_legal_form_and_only_people_says_who_they_are(real_words):
    story = (
        "Geen vereniging of zo, gewoon een paar buren uit de Wippolder die samen de speeltuin "
        "willen opknappen."
    )
    values = prefill_from_message(make_tracker(text=story, intent="describe_initiative"))
    assert values.get("organisation") == "bewoner"


@pytest.mark.parametrize(
    "text",
    ["Dat doe ik helemaal op eigen houtje.", "in m'n eentje eigenlijk", "op persoonlijke titel"],
)
def test_doing_it_on_ones_own_is_a_resident(delft, text):
    assert organisation_in_answer(text, delft.catalogue, delft.analyse) == "bewoner"


async def test_acting_in_ones_own_name_wins_over_a_tagged_business(real_words):
    """The tagger may take "mijn zaak" out of the answer; who says they do it as a private
    person is a resident."""
    slots = await validate_form(
        "Alleen ikzelf, als particulier. Mijn zaak is al jaren dicht.",
        "organisation",
        {"goal": "Oude ambachten aan kinderen leren", "needs": ["netwerk"], "stage": "idee"},
        intent="inform",
        entities=[{"entity": "organisation", "value": "ondernemer"}],
    )
    assert slots.get("organisation") == "bewoner"


@pytest.mark.parametrize(
    ("text", "tagged", "organisation"),
    [
        # the club the story speaks for, not the school it works with
        (
            "Namens Buurtvereniging Het Hofje: we willen met de school hiernaast een "
            "fruitboomgaard planten op het grasveld.",
            "onderwijs",
            "stichting-vereniging",
        ),
        # not a business the story serves: the question is asked
        (
            "Ik heb een lege bovenverdieping in de Binnenstad en wil die goedkoop verhuren aan "
            "een sociale onderneming.",
            "sociale-onderneming",
            None,
        ),
    ],
)
def test_a_word_tagged_in_a_story_gives_way_to_who_the_story_says_it_is(
    real_words, text, tagged, organisation
):
    entities = [{"entity": "organisation", "value": tagged, "start": 0, "end": 1}]
    values = prefill_from_message(
        make_tracker(text=text, intent="describe_initiative", entities=entities)
    )
    assert values.get("organisation") == organisation
