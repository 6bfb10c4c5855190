"""Contact answers that open with an apology or filler, numbers corrected within an answer, and
corrections later in the conversation: the words that are no name never become one, every
detail that was not corrected is kept, and the corrected one replaces the old one."""

from __future__ import annotations

import pytest

from actions.consent import ActionShowRoute, ActionSubmitCase
from actions.interpret import ActionInterpretTurn
from actions.question import ActionAnswerQuestion
from actions.review import ActionApplyCorrection
from actions.slots import parse_contact
from tests.actions.conftest import followup, phrasings, run_action

GIVEN = {
    "goal": "Een repaircafé in de buurt",
    "needs": ["locatie"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Tanthof",
    "contact_wanted": True,
    "contact_name": "Iris van Dam",
    "contact_email": "iris.vandam@example.nl",
    "contact_phone": "06-24681357",
    "phase": "summary",
}

# Written for these tests, in several voices: formal, spreektaal, typos, A2 Dutch.
OPENED_WITH_FILLER = [
    "Excuus, mijn telefoonnummer moet 06-24681375 zijn.",
    "Sorry ik bedoel 06-24681375",
    "Oeps, verkeerde nummer getypt. Het is 06-24681375",
    "Pardon, er staat een fout in het nummer: 06-24681375",
    "Oh ja: het nummer is 06-24681375",
    "Correctie: 06-24681375",
    "Ow wacht, nummer is fout, moet 06-24681375 zijn",
    "mijn excuses, tikfout. goede nummer is 06-24681375",
    "Foutje van mij, sorry. Nummer 06-24681375",
    "Helaas fout gedaan, het nummer is 06-24681375",
]


@pytest.mark.parametrize("text", OPENED_WITH_FILLER)
def test_an_apology_or_filler_before_a_number_is_no_name(text):
    details = parse_contact(text)
    assert details.phone == "06-24681375"
    assert details.name is None


@pytest.mark.parametrize("text", OPENED_WITH_FILLER)
async def test_a_corrected_number_keeps_the_name_and_the_email(router, text):
    reply = await run_action(ActionApplyCorrection(), text, "give_contact", slots=GIVEN)
    assert reply.slots["contact_phone"] == "06-24681375"
    assert reply.slots["contact_name"] == "Iris van Dam"
    assert reply.slots["contact_email"] == "iris.vandam@example.nl"
    assert (
        "Ik heb dit aangepast:\n- Contact: Iris van Dam, iris.vandam@example.nl, 06-24681375"
        in (reply.shown)
    )


@pytest.mark.parametrize(
    ("text", "intent", "changed"),
    [
        (
            "sorry mn mail is eigenlijk iris.v.dam@example.nl",
            "give_contact",
            {"contact_email": "iris.v.dam@example.nl"},
        ),
        # the classifier hears a question in "hoe je het schrijft"
        (
            "mijn achternaam schrijf je met een e: van Dem",
            "ask_question",
            {"contact_name": "Iris van Dem"},
        ),
    ],
)
async def test_a_correction_changes_only_the_detail_it_names(router, text, intent, changed):
    reply = await run_action(ActionApplyCorrection(), text, intent, slots=GIVEN)
    for slot in ("contact_name", "contact_email", "contact_phone"):
        assert reply.slots.get(slot, GIVEN[slot]) == changed.get(slot, GIVEN[slot])


@pytest.mark.parametrize(
    ("text", "phone", "email"),
    [
        ("alleen bellen graag: 06-11112222", "06-11112222", None),
        ("geen e-mail, wel 06-11112222", "06-11112222", None),
        ("niet bellen aub, mail naar iris@example.nl", None, "iris@example.nl"),
    ],
)
async def test_a_way_of_reaching_that_is_taken_back_is_dropped(router, text, phone, email):
    reply = await run_action(ActionApplyCorrection(), text, "give_contact", slots=GIVEN)
    assert reply.slots["contact_phone"] == phone
    assert reply.slots["contact_email"] == email


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Iris van Dam, 06-24681357. Nee wacht, typfout: 06-24681375", "06-24681375"),
        ("iris 0624681357 o nee sorry 0624681375", "0624681375"),
        ("Iris van Dam 06-24681357 ehh fout, moet zijn 06-24681375", "06-24681375"),
        ("mijn oude nummer was 06-24681357, nieuwe is 06-24681375", "06-24681375"),
        ("bel niet 06-24681357 maar 06-24681375", "06-24681375"),
        ("06-24681357 of anders 015-2123456", "06-24681357"),  # two numbers, no correction
    ],
)
def test_a_number_corrected_within_the_answer_is_the_one_kept(text, phone):
    assert parse_contact(text).phone == phone


def test_an_address_corrected_within_the_answer_is_the_one_kept():
    details = parse_contact("Iris, iris@example.nl ehm nee sorry, iris.vandam@example.nl bedoel ik")
    assert details.email == "iris.vandam@example.nl"
    assert details.name == "Iris"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mijn achternaam is van Damme, niet van Dam", "Iris van Damme"),
        ("ik heet Iris van Dijk, niet van Dam", "Iris van Dijk"),
        ("De naam moet zijn: Irma van Dam", "Irma van Dam"),
        ("voornaam is Irene", "Irene van Dam"),
    ],
)
async def test_a_corrected_name_replaces_only_the_name(router, text, name):
    reply = await run_action(ActionApplyCorrection(), text, "give_contact", slots=GIVEN)
    assert reply.slots["contact_name"] == name
    assert reply.slots.get("contact_phone", GIVEN["contact_phone"]) == GIVEN["contact_phone"]
    assert f"- Contact: {name}, iris.vandam@example.nl, 06-24681357" in reply.shown


@pytest.mark.parametrize(
    "text",
    ["De wijk klopt niet, het is Voorhof", "Naam klopt, de rest ook", "nee, niet Tanthof"],
)
async def test_other_corrections_leave_the_name_alone(router, text):
    reply = await run_action(ActionApplyCorrection(), text, "inform_wijk", slots=GIVEN)
    assert "contact_name" not in reply.slots


AT_CONSENT = {**GIVEN, "phase": "consent"}
SENT = {**GIVEN, "phase": "done", "case_reference": "LOK-2026-000042", "case_lead": "wijken"}


# Once sent, the summary is no longer Loket's to change: the reply says where to send them.
SAYS_WHERE_TO = ("LOK-2026-000042 is al doorgestuurd", "niet meer aanpassen", "14 015")


@pytest.mark.parametrize(
    ("text", "slots", "correction", "shown"),
    [
        ("o wacht, mijn nummer is eigenlijk 06-13572468", AT_CONSENT, True, ()),
        ("ander mailadres: iris2@example.nl", AT_CONSENT, True, ()),
        ("ah sorry, mn nummer is veranderd: 06-13572468", SENT, False, SAYS_WHERE_TO),
    ],
)
async def test_new_details_change_the_summary_until_it_is_sent(
    router, text, slots, correction, shown
):
    reply = await run_action(ActionInterpretTurn(), text, "give_contact", slots=slots)
    assert (followup("action_apply_correction") in reply.events) is correction
    assert all(words in reply.shown for words in shown)
    assert "begreep ik niet" not in reply.shown


@pytest.mark.parametrize(
    ("action", "phase", "text"),
    [
        (ActionShowRoute(), "summary", "ja klopt, alleen mn mail is nu iris2@example.nl"),
        (ActionSubmitCase(), "consent", "Ja hoor, maar bel me op 06-99887766, niet het andere"),
        (ActionSubmitCase(), "consent", "jep stuur maar. o wacht nummer is 06 99 88 77 66"),
    ],
)
async def test_a_yes_with_new_details_applies_them_before_anything_is_sent(
    router, api, action, phase, text
):
    reply = await run_action(
        action,
        text,
        "affirm",
        slots={**GIVEN, "phase": phase, "idempotency_key": "idem-key-contact"},
    )
    assert reply.events == [followup("action_apply_correction")]
    assert api.requests == []


async def test_a_yes_that_repeats_the_same_details_is_just_a_yes(router, api):
    reply = await run_action(
        ActionSubmitCase(),
        "ja, stuur maar naar 06-24681357",
        "affirm",
        slots={**GIVEN, "phase": "consent", "idempotency_key": "idem-key-contact"},
    )
    assert [r.method for r in api.requests].count("POST") == 1
    assert reply.slots["phase"] == "done"


@pytest.mark.parametrize(("text", "correction"), phrasings("details corrected, not asked about"))
async def test_late_details_are_applied_and_a_question_about_them_answered(
    router, text, correction
):
    reply = await run_action(ActionAnswerQuestion(), text, "ask_question", slots=GIVEN)
    assert (reply.events == [followup("action_apply_correction")]) is correction
    assert bool(reply.shown) is not correction  # the answer, or nothing before the correction
    assert correction or "gegevens" in reply.shown  # the answer is about their details
