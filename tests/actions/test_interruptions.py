"""`actions.common.INTERRUPTIONS` agrees with the domain's list of interrupting intents.

The domain keeps free text out of the goal and contact slots for the intents listed under
`not_intent: &interruptions` (bot/domain/intake.yml); the form's own extraction of the other
answers (needs, stage, organisation, wijk) ignores the intents in `INTERRUPTIONS`. Both lists
are the same but for two intents, each for a reason named here; a new intent added to one
list and not the other fails this test.
"""

from __future__ import annotations

from actions.common import INTERRUPTIONS
from tests.domain import load_domain

# In the domain's list only: "weet ik niet" is an answer to the form's other questions
# (`answer_to` notes it as not known); free text of that intent is no goal or contact.
DOMAIN_ONLY = {"dont_know"}
# In INTERRUPTIONS only: contact details are never an answer to the other questions, but
# they are the answer to the contact question, which shares the domain's list.
ACTIONS_ONLY = {"give_contact"}


def domain_interruptions(slot: str) -> set[str]:
    mappings = load_domain().slots[slot]["mappings"]
    (from_text,) = [m for m in mappings if m["type"] == "from_text"]
    return set(from_text["not_intent"])


def test_goal_and_contact_share_one_list() -> None:
    assert domain_interruptions("goal") == domain_interruptions("contact")


def test_interruptions_are_the_domains_list_with_the_two_named_exceptions() -> None:
    domain = domain_interruptions("goal")
    assert domain >= DOMAIN_ONLY and not ACTIONS_ONLY & domain
    assert set(INTERRUPTIONS) == (domain - DOMAIN_ONLY) | ACTIONS_ONLY


def test_every_interruption_is_an_intent_of_the_domain() -> None:
    assert set(INTERRUPTIONS) <= set(load_domain().intents)
