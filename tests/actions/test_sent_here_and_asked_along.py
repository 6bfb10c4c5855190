"""People sent to the chat by someone else, and the questions they ask on the way (#12).

Written in our own words for the fifteenth round's kinds of failure: a first message that says
who sent them (with emoji for full stops), a story that corrects its wijk, needs said as not
knowing how or as more hands, "nog niet" to how far it is, a trial run, a question whether
anyone else sees it, what happens without a phone number, whether they will be called, and a
party left out that was not on the list.
"""

from __future__ import annotations

import pytest

from actions import knowledge
from actions.clients.handoff import CaseReceipt
from actions.consent import receipt_text
from actions.erasure import asks_to_erase
from actions.help import ActionOfferHuman
from actions.intake import (
    answer_to,
    prefill_from_message,
    tells_what_it_is,
    told_before,
    wants_a_person,
)
from actions.process import Known, answer, asked_topics
from actions.recipients import left_out, names_not_listed
from actions.slots import needs_in_answer
from actions.wordpatterns import sentences
from tests.actions.conftest import make_tracker, run_action

SENT_WITH_EMOJI = (
    "Hallo 👋 de mevrouw van de bibliotheek zei dat ik het hier moest vragen 🙂 Wij willen een "
    "ruilhoek voor speelgoed in het buurthuis, zodat ouders minder hoeven te kopen"
)


def test_an_emoji_or_smiley_ends_a_sentence():
    assert sentences("we zijn er klaar voor 💪 Nu nog een plek") == [
        "we zijn er klaar voor 💪",
        "Nu nog een plek",
    ]
    assert sentences("dat lijkt me leuk :) we beginnen in mei") == [
        "dat lijkt me leuk :)",
        "we beginnen in mei",
    ]
    assert sentences("mail me op a@example.nl:) ok") == ["mail me op a@example.nl:) ok"]


def test_who_sent_them_is_left_out_of_the_goal_and_the_plan_stays(real_words):
    assert tells_what_it_is(SENT_WITH_EMOJI)
    values = prefill_from_message(make_tracker(text=SENT_WITH_EMOJI, intent="describe_initiative"))
    assert "ruilhoek voor speelgoed" in values["goal"]
    assert "bibliotheek" not in values["goal"]  # its words must not route the initiative


def test_a_greeting_alone_names_nothing(real_words):
    for text in ("yo 👋 ze zeiden dat ik hier moest zijn", "hi daar", "dag, kunt u me helpen?"):
        assert not tells_what_it_is(text), text


def test_a_first_story_that_corrects_its_wijk_keeps_the_one_it_means_and_its_whole_goal(real_words):
    text = (
        "We willen een jeu-de-boulesbaan aanleggen naast de speeltuin in Voorhof, o nee sorry, "
        "het is niet Voorhof maar Tanthof. Voor de ouderen uit de flats."
    )
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values["wijk"] == "Tanthof"
    tracker = make_tracker(text=text, asking="goal", active_loop="intake_form")
    assert "jeu-de-boulesbaan" in answer_to("goal", text, tracker)["goal"]


def test_two_wijken_without_a_correction_keep_the_first(real_words):
    text = "We willen een fietsroute maken die door Tanthof en Voorhof loopt"
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values["wijk"] == "Tanthof"


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("ik heb geen idee hoe je een eigen zaak opzet", "kennis"),
        ("wij weten echt niet hoe we dat moeten aanpakken met een vereniging", "kennis"),
        ("dat de buurt ervan hoort, dan komen er vast meer", "zichtbaarheid"),
        ("en extra trainers, met z'n drieën redden we het niet", "vrijwilligers"),
        ("we zouden graag de schoonmaak voor het stadskantoor verzorgen", "inkoop"),
        ("iemand van de gemeente die met ons meedenkt", "samenwerking"),
    ],
)
def test_needs_said_in_plain_words(real_words, text, need):
    catalogue = knowledge.catalogue(make_tracker(text=text))
    analyse = knowledge.analyser(make_tracker(text=text))
    assert need in needs_in_answer(text, catalogue, analyse)


def test_more_trainers_are_hands_not_coaching(real_words):
    text = "meer trainers, we zijn nog maar met z'n tweeën"
    tracker = make_tracker(text=text)
    found = needs_in_answer(text, knowledge.catalogue(tracker), knowledge.analyser(tracker))
    assert "kennis" not in found


def test_not_knowing_how_to_get_money_is_money_not_advice(real_words):
    text = "ik weet niet hoe ik aan geld moet komen"
    tracker = make_tracker(text=text)
    found = needs_in_answer(text, knowledge.catalogue(tracker), knowledge.analyser(tracker))
    assert found == ["financiering"]


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("stage", "nee nog niet, we hebben er alleen over gepraat", "idee"),
        ("stage", "nog niks eigenlijk", "idee"),
        ("stage", "nog niet bekend", "onbekend"),
        ("stage", "we hebben in de zomer drie keer als test gedraaid", "opstart"),
        ("stage", "vorige maand een proefavond gehouden, dat liep goed", "opstart"),
        # a wijk in doubt is not known; one corrected is the one meant
        ("wijk", "Tanthof denk ik, of hoort dat bij Voorhof?", "onbekend"),
        ("wijk", "Voorhof... o nee sorry, het is Tanthof", "Tanthof"),
        ("wijk", "Tanthof", "Tanthof"),
    ],
)
def test_an_answer_to_how_far_it_is_or_where(real_words, question, text, value):
    tracker = make_tracker(text=text, asking=question, active_loop="intake_form")
    assert answer_to(question, text, tracker) == {question: value}


def test_told_already_after_a_story_of_what_they_do_now_is_running(real_words):
    story = (
        "Wij zijn buurtvaders en we lopen elke vrijdagavond door de wijk en helpen waar het kan."
    )
    events = [{"event": "user", "text": story}, {"event": "user", "text": "Heb ik al gezegd."}]
    tracker = make_tracker(text="Heb ik al gezegd.", asking="stage", events=events)
    assert told_before("stage", tracker) == {"stage": "lopend"}
    plan = "We willen elke vrijdag samen door de wijk lopen."
    events = [{"event": "user", "text": plan}, {"event": "user", "text": "Heb ik al gezegd."}]
    tracker = make_tracker(text="Heb ik al gezegd.", asking="stage", events=events)
    assert told_before("stage", tracker) != {"stage": "lopend"}


def test_throwing_out_an_old_sofa_is_no_erasure():
    assert not asks_to_erase("Nog iets anders: mijn oude wasmachine moet weg, hoe doe ik dat?")
    assert asks_to_erase("mijn gegevens mogen weg, ik wil niet meer meedoen")


@pytest.mark.parametrize(
    "text",
    [
        "Ziet mijn baas dit ook? Die weet er nog niks van.",
        "wat krijgen die organisaties dan precies van mij te zien?",
    ],
)
def test_who_gets_to_see_it_is_a_privacy_question(text):
    assert asked_topics(text) == ["privacy"]


def test_the_privacy_answer_says_no_one_else_gets_it(real_words):
    catalogue = knowledge.catalogue(make_tracker(text="x"))
    said = answer("privacy", Known(municipality="delft"), catalogue)
    assert "alleen naar de teams en partners die ik u noem" in said
    assert "Verder stuur ik het naar niemand" in said


@pytest.mark.parametrize(
    "text",
    [
        "en als ik geen telefoonnummer wil geven?",
        "moet ik echt mijn mailadres invullen",
        "kan het ook zonder mijn naam?",
    ],
)
def test_what_happens_without_contact_details_is_answered(real_words, text):
    assert asked_topics(text) == ["zonder_contact"]
    catalogue = knowledge.catalogue(make_tracker(text="x"))
    said = answer("zonder_contact", Known(municipality="delft"), catalogue)
    assert "Dat hoeft niet" in said and "kenmerk en een link" in said


async def test_asking_whether_they_call_is_answered_not_a_person_offer(real_words):
    text = "gaan jullie mij dan bellen? ik ben overdag aan het werk"
    tracker = make_tracker(
        text=text, intent="request_human", asking="contact_wanted", active_loop="intake_form"
    )
    assert not wants_a_person(tracker, text)
    reply = await run_action(
        ActionOfferHuman(),
        text,
        "request_human",
        asking="contact_wanted",
        active_loop="intake_form",
        slots={"goal": "een kookclub voor de buurt"},
    )
    assert "Alleen als u dat wilt" in reply.shown
    assert "Liever niet gebeld? Geef dan alleen uw e-mailadres." in reply.shown


def test_a_request_to_be_called_is_still_a_person_request(real_words):
    text = "kunnen jullie mij bellen?"
    tracker = make_tracker(text=text, intent="request_human", asking="needs")
    assert wants_a_person(tracker, text)


def test_a_name_left_out_that_was_not_on_the_list_is_said_not_to_get_it(real_words):
    catalogue = knowledge.catalogue(make_tracker(text="x"))
    parties = ["publiek-ondernemen", "social-enterprise-nl"]
    text = "ja prima, maar niet naar Social Impact Lab, daar zitten we al"
    assert left_out(text, parties, catalogue) == []  # "Social" alone names no party
    assert names_not_listed(text, parties, catalogue) == "Social Impact Lab"
    assert names_not_listed("ja, maar niet naar Social Enterprise NL", parties, catalogue) is None
    receipt = CaseReceipt("LOK-2026-000001", "/status/x", "publiek-ondernemen", None, None)
    said = receipt_text(receipt, catalogue, parties, [], {}, None, "Social Impact Lab")
    assert "Social Impact Lab stond niet in de lijst, dus die krijgt uw vraag ook niet." in said


LONG_STORY_OF_A_CLOSING_PLACE = (
    "Goedemorgen. Al vier jaar houden wij met een paar buurmannen op zaterdag een klusochtend "
    "in de oude gymzaal aan de Kruisstraat, waar mensen kapotte stoelen en lampen brengen. Er "
    "komen steeds meer mensen, soms wel dertig op een ochtend. Vorige week hoorden we dat de "
    "gymzaal in het voorjaar dichtgaat, en we weten echt niet waar we dan heen moeten. Verder "
    "loopt alles goed, we zijn gewoon een stel buren en dat willen we graag zo houden."
)


def test_a_long_story_of_a_place_that_closes_asks_for_a_place(real_words):
    values = prefill_from_message(
        make_tracker(text=LONG_STORY_OF_A_CLOSING_PLACE, intent="describe_initiative")
    )
    assert "locatie" in (values.get("needs") or values.get("needs_hint") or [])


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("ik ben voorzitter van de bewonersvereniging en we zoeken geld voor een buurtfeest", []),
        ("we houden bij hoeveel afval we ophalen en willen dat graag zichtbaar maken", ["impact"]),
        ("ik wil graag twee jongeren als leerling aannemen in mijn werkplaats", ["personeel"]),
    ],
)
def test_what_a_need_is_and_is_not(real_words, text, needs):
    tracker = make_tracker(text=text)
    found = needs_in_answer(text, knowledge.catalogue(tracker), knowledge.analyser(tracker))
    assert "vrijwilligers" not in found
    assert set(needs) <= set(found)


def test_a_name_that_ends_a_sentence_loses_its_full_stop():
    from actions.slots import parse_contact

    assert parse_contact("Ik heet Marek. Mijn nummer is 06-12345679.").name == "Marek"


# -- the sixteenth round's kinds of failure, in our own words ---------------------------------


async def test_a_question_at_consent_does_not_change_what_was_agreed_to(real_words, api):
    from actions.interpret import ActionAnswerProcess

    goal = "Een repair café in het wijkcentrum, elke eerste zaterdag."
    reply = await run_action(
        ActionAnswerProcess(),
        "Moeten onze vrijwilligers eigenlijk een VOG hebben?",
        "ask_question",
        slots={"goal": goal, "needs": ["vrijwilligers"], "phase": "consent"},
    )
    # The goal, and with it the parties the consent question named, stay as they were.
    assert "goal" not in reply.slots
    assert "Daar kan ik geen zeker antwoord op geven" in reply.shown


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Wat krijgt de Vrijwilligerscentrale dan van mij te zien?", "privacy"),
        ("Is er zoiets als een buurtbudget? Hoeveel ongeveer?", "subsidie"),
        ("Hoor ik straks dan nog iets?", "bellen"),
        ("waarom wil je dat allemaal weten?", "waarom_vragen"),
    ],
)
def test_more_questions_people_ask(text, topic):
    assert asked_topics(text) == [topic]


def test_how_to_call_them_is_no_question_about_being_called():
    text = "We zoeken een ruimte voor onze klusdag. Kan dat? Bel me gerust: Iris Dekker 06-12345670"
    assert "bellen" not in asked_topics(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Schildersbedrijf Jansen, Tanthof. Wij zoeken leerlingen. Bel: Kees Jansen 06-12345671",
            "Kees Jansen",
        ),
        ("Bel de zaak: 06-12345672. Vraag naar Fatima. Na vijf uur is het rustig.", "Fatima"),
    ],
)
def test_the_name_that_goes_with_the_number(text, name):
    from actions.slots import parse_contact

    assert parse_contact(text).name == name


@pytest.mark.parametrize(
    ("first", "name"),
    [
        (
            "Goedemiddag, mijn naam is Riet de Boer. Ik wil een breiclub beginnen in Voorhof.",
            "Riet de Boer",
        ),
        (
            "Dag, ik ben Sander el Amrani van Stichting Groen Dak. Wij leggen daktuinen aan.",
            "Sander el Amrani",
        ),
        (
            "Beste Loket,\n\nWij willen een repaircafé in de Wippolder.\n\nGroet,\nMarleen Vos",
            "Marleen Vos",
        ),
        ("Ik ben Syrische vrouw en wil koken voor de buurt.", None),
    ],
)
def test_a_name_given_at_the_start_goes_with_a_number_given_later(real_words, first, name):
    from actions.intake import changed_contact

    events = [{"event": "user", "text": first}, {"event": "user", "text": "06-12345673"}]
    tracker = make_tracker(text="06-12345673", asking="contact", events=events)
    assert changed_contact("06-12345673", tracker)["contact_name"] == name


def test_a_remark_in_brackets_is_no_part_of_the_name():
    from actions.slots import parse_contact

    assert parse_contact("Ingrid Smits (de dochter), 06-12346013").name == "Ingrid Smits"


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        # working at a school is the school
        ("Hoi, ik ben conciërge op een basisschool in Tanthof.", "organisation", "onderwijs"),
        ("ik werk als mentor bij een mbo", "organisation", "onderwijs"),
        # a business that introduces itself, a trade of one's own
        (
            "Schildersbedrijf Jansen, Tanthof, 12 man. We willen graag leerlingen opleiden.",
            "organisation",
            "ondernemer",
        ),
        ("Ik ben kapper in Voorhof en wil jongeren het vak leren.", "organisation", "ondernemer"),
        # who a long story says they are, and plain residents
        (
            "Hallo, wij zijn Dagbesteding De Linde, een kleine zorgaanbieder voor mensen met "
            "een beperking. Op dit moment zitten we in een te krap pand aan de rand van de "
            "stad, en de huur gaat volgend jaar flink omhoog. We zoeken een plek met een tuin "
            "waar onze deelnemers kunnen werken, en we willen graag weten of de gemeente ons "
            "kan helpen met de huur. Een wijk maakt ons niet veel uit, als het maar met de bus "
            "te bereiken is.",
            "organisation",
            "maatschappelijke-organisatie",
        ),
        (
            "Ik ben gewoon bewoner hoor, ik wil een bankje bij de vijver in mijn straat.",
            "organisation",
            "bewoner",
        ),
        # a doubt between forms after a plan is still a doubt
        (
            "Ik verkoop al een jaar zelfgemaakte jam op de markt in de Binnenstad. Ik wil er een "
            "echt bedrijfje van maken met een sociaal doel, maar ik weet niet of dat een "
            "stichting of een bv moet worden.",
            "organisation",
            "onbekend",
        ),
        # what comes before "maar ik weet niet …" is said for sure
        (
            "hoi ik heb n idee voor een kookclub maar ik weet niet hoe ik moet beginnen",
            "stage",
            "idee",
        ),
        (
            "Op het moment draaien wij twee avonden per week in de kantine van de voetbalclub.",
            "stage",
            "lopend",
        ),
        (
            "Ik beheer een minibieb bij het speelveld in Tanthof en wil een tweede kastje.",
            "stage",
            "lopend",
        ),
        ("We zijn al bezig sinds vorig jaar met een buurtmoestuin in Ruiven.", "stage", "lopend"),
    ],
)
def test_what_a_first_story_says(real_words, text, slot, value):
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert values.get(slot) == value


def test_who_where_and_how_big_alone_is_no_goal(real_words):
    text = "Wij zijn een coöperatie in Wippolder. We bestaan drie jaar en willen flink groeien."
    values = prefill_from_message(make_tracker(text=text, intent="describe_initiative"))
    assert "goal" not in values  # the goal question asks what it does
    assert values["organisation"] and values["wijk"] == "Wippolder"


async def test_a_question_not_understood_is_asked_in_easier_words(real_words):
    from rasa_sdk.executor import CollectingDispatcher

    from tests.actions.conftest import texts, validate_form

    dispatcher = CollectingDispatcher()
    slots = await validate_form(
        "sorry, ik snap de vraag niet", "stage", {"goal": "Samen koken"}, dispatcher=dispatcher
    )
    assert "stage" not in slots or slots["stage"] is None
    assert "Bent u al begonnen? Of is het nog een plan?" in texts(dispatcher)
    from actions.intake import asks_it_simpler

    assert not asks_it_simpler("Ik snap het niet helemaal. Kost het geld?")


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Wat bedoel je precies?", "stage"),
        ("Hoe bedoelt u dat?", "organisation"),
        ("Wat wordt daarmee bedoeld?", "stage"),
        ("wat bedoel je?", "needs"),
    ],
)
async def test_what_is_meant_asked_back_gets_the_question_in_easier_words(real_words, text, slot):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import SIMPLER
    from tests.actions.conftest import texts, validate_form

    dispatcher = CollectingDispatcher()
    slots = await validate_form(text, slot, {"goal": "Samen koken"}, dispatcher=dispatcher)
    assert not slots.get(slot)
    assert SIMPLER[slot] in texts(dispatcher)


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Wat als ik het niet weet?", "stage"),
        ("En als we dat nog niet weten?", "organisation"),
        ("Moet ik dat nu al weten?", "needs"),
    ],
)
async def test_asking_whether_not_knowing_is_fine_is_answered_and_the_question_waits(
    real_words, text, slot
):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import NOT_KNOWING_IS_FINE
    from tests.actions.conftest import texts, validate_form

    dispatcher = CollectingDispatcher()
    slots = await validate_form(text, slot, {"goal": "Samen koken"}, dispatcher=dispatcher)
    assert not slots.get(slot)
    assert NOT_KNOWING_IS_FINE in texts(dispatcher)


def test_not_knowing_said_is_an_answer_not_a_question_about_it(real_words):
    from actions.intake import asks_if_not_knowing_is_fine

    assert not asks_if_not_knowing_is_fine("Ik weet het niet.")
    assert not asks_if_not_knowing_is_fine("Weet ik nog niet, wat als ik het eerst vraag?")


def test_a_need_taken_back_in_passing_goes_and_what_is_sought_comes(real_words):
    from actions.intake import needs_told_in_passing

    text = (
        "we zijn net begonnen. geld hoeft toch niet, we krijgen het hout van de bouwmarkt. we "
        "zoeken wel mensen die willen helpen"
    )
    tracker = make_tracker(
        text=text, asking="stage", active_loop="intake_form", slots={"needs": ["financiering"]}
    )
    [event] = needs_told_in_passing(tracker, "stage", text)
    assert event["value"] == ["vrijwilligers"]


async def test_new_details_after_sending_asked_as_a_question_say_where_to_send_them(
    real_words, api
):
    from actions.interpret import ActionInterpretTurn

    reply = await run_action(
        ActionInterpretTurn(),
        "Kunt u mijn mailadres er nog bij zetten? Het is kees@example.nl",
        "give_contact",
        slots={"case_reference": "LOK-2026-000002", "case_lead": "wijken", "phase": "done"},
    )
    assert "is al doorgestuurd" in reply.shown and "LOK-2026-000002" in reply.shown


def test_a_name_in_brackets_is_the_name():
    from actions.slots import parse_contact

    assert parse_contact("Mail gerust: k.smit@example.nl (Karel Smit)").name == "Karel Smit"
