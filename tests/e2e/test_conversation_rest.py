"""A whole Dutch conversation over Rasa's REST channel, ending in a case a partner can read.

Runs the real Rasa 3.6 server, the rasa-sdk action server and the handoff API (`stack`).
"""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from routing import load_catalogue
from tests.stack import ROOT, RunningStack

pytestmark = pytest.mark.stack

# What an inwoner answers to each question of the form, recognised by the question's words.
ANSWERS = {
    "Wat wilt u met uw initiatief bereiken": "Een moestuin waar buren samen groente kweken",
    "Waar zoekt u vooral hulp bij": "we zoeken vrijwilligers",
    "Zoekt u nog andere hulp": "nee, dat is alles",
    "Hoe ver bent u": "het is nog een idee",
    # the stage question when the story already sounds like an idea ("willen we … beginnen")
    "Ik lees dat het nu nog een idee is": "ja, het is nog een idee",
    "Wie zit er achter": "we zijn gewoon een paar buurtbewoners",
    "In welke wijk": "Voorhof",
    "contact met u opneemt": "ja graag",
    "Hoe kunnen we u bereiken": "Karin Bos, karin.bos@voorbeeld.nl",
}


def joined(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_rasa_36_calls_the_rasa_sdk_action_server(stack: RunningStack) -> None:
    """rasa-sdk (app env) answers the Rasa 3.6.21 server: the FAQ text comes from an action."""
    catalogue = load_catalogue(ROOT / "data" / "municipalities" / "delft" / "catalogue.yml")
    reply = joined(stack.chat(f"faq-{uuid.uuid4().hex[:8]}", "wat is MAEX eigenlijk?"))
    about = catalogue.partners["maex"].about  # inside a sentence: its first letter small
    assert about[0].lower() + about[1:] in reply


def test_whole_conversation_ends_in_a_case_the_partner_can_read(stack: RunningStack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:12]}"
    greeting = joined(stack.chat(sender, "hallo"))
    assert "computer" in greeting and "/privacy" in greeting

    reply = stack.chat(
        sender,
        "Met een paar buren willen we een moestuin beginnen op het grasveld in Voorhof. "
        "We zoeken nog vrijwilligers.",
    )
    for _ in range(8):
        text = joined(reply)
        if "Klopt dit?" in text:
            break
        question = next((q for q in ANSWERS if q in text), None)
        assert question, f"unexpected question: {text}"
        reply = stack.chat(sender, ANSWERS[question])
    summary = joined(reply)
    assert "Klopt dit?" in summary
    assert "Voorhof" in summary and "vrijwilligers" in summary
    assert "karin.bos@voorbeeld.nl" in summary

    # A correction in place, then back to the summary.
    corrected = joined(stack.chat(sender, "we zoeken ook geld"))
    assert "geld om het initiatief" in corrected and "Klopt dit?" in corrected

    route = joined(stack.chat(sender, "ja dat klopt"))
    assert "pakt uw vraag op" in route
    assert "Waarom:" in route
    assert "Mag ik uw vraag doorsturen naar:" in route

    # The last turn through the chat proxy, as the widget sends it: the proxy adds the
    # status link, whose token never reaches Rasa's tracker store.
    turn = httpx.post(
        f"{stack.api_url}/api/v1/chat",
        json={"sender": sender, "message": "ja, stuur maar door"},
        timeout=60,
    )
    assert turn.status_code == 200, turn.text
    messages = turn.json()["messages"]
    done = joined(messages)
    match = re.search(r"Uw kenmerk is (\S+?)\.", done)
    assert match, done
    reference = match.group(1)
    link = next(m["custom"]["status_link"] for m in messages if m.get("custom"))
    assert link["reference"] == reference
    status = httpx.get(link["url"], headers={"Accept": "application/json"}, timeout=10)
    assert status.status_code == 200
    tracker = httpx.get(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=10)
    assert tracker.status_code == 200
    assert reference in tracker.text
    assert link["token"] not in tracker.text
    assert link["token"].encode() not in (stack.workdir / "trackers.db").read_bytes()

    staff = httpx.get(
        f"{stack.api_url}/api/v1/staff/cases/{reference}",
        headers={"Authorization": f"Bearer {stack.staff_token}"},
        timeout=10,
    )
    assert staff.status_code == 200, staff.text
    case = staff.json()
    partner = (case["route"]["partners"] or case["route"]["departments"])[0]

    summary_for_partner = httpx.get(
        f"{stack.api_url}/api/v1/partner/cases/{reference}",
        headers={"X-API-Key": stack.partner_key(partner), "Accept": "text/markdown"},
        timeout=10,
    )
    assert summary_for_partner.status_code == 200, summary_for_partner.text
    body = summary_for_partner.text
    assert reference in body
    assert "moestuin" in body
    assert "Voorhof" in body
    assert "karin.bos@voorbeeld.nl" in body  # contact shared with consent
