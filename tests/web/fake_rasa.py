"""A scripted stand-in for Rasa's REST channel: a short Dutch intake that ends in a reference.

Used by the proxy tests and the browser tests until (and besides) the real stack; it answers
the way Rasa 3.6 does (`[{"recipient_id", "text", "buttons"?, "custom"?}]`). It cannot drift
from the bot: every button payload it can send is checked against the domain
(bot/domain/*.yml) when the fake is made, and every answer again before it is sent.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI, Request

from tests.domain import Domain, load_domain

REFERENCE = "LOK-2026-482913"
TOKEN = "test-token_abc123"
# As Rasa sends them: the domain's `{{`/`}}` reach the channel as single braces.
NEED_BUTTONS = [
    ("Geld", '/inform_need{"need": "financiering"}'),
    ("Een ruimte of plek", '/inform_need{"need": "locatie"}'),
]
CONSENT_BUTTONS = [("Ja, stuur door", "/affirm"), ("Nee", "/deny")]
ERASE_BUTTONS = [("Ja, wis alles", "/affirm"), ("Nee, niet wissen", "/deny")]
INTAKE = {
    "text": "We willen een wormenhotel beginnen voor de buurt",
    "needs": ["financiering"],
    "wijk": "Voorhof",
}


class FakeDrift(AssertionError):
    """The fake would send something the real bot cannot: fix the fake (or the domain)."""


def check_answer(domain: Domain, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answer unchanged, or FakeDrift when a button names an unknown intent or entity."""
    for message in messages:
        for button in message.get("buttons", []):
            problem = domain.payload_problem(button["payload"])
            if problem:
                raise FakeDrift(f"fake Rasa button {button['title']!r}: {problem}")
    return messages


def _bot(sender: str, text: str, buttons: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"recipient_id": sender, "text": text}
    if buttons:
        out["buttons"] = [{"title": t, "payload": p} for t, p in buttons]
    return out


async def _create_case(app: FastAPI, sender: str) -> str:
    """Like action_submit_case: a case for this conversation through the live app's API (set
    `app.state.api_url`; `app.state.contact`: the contact details the inwoner gave); without
    one, the fixed REFERENCE (then no link comes back)."""
    api_url = getattr(app.state, "api_url", None)
    if not api_url:
        return REFERENCE
    body: dict[str, Any] = {"intake": INTAKE, "consent": True, "conversation_id": sender}
    contact = getattr(app.state, "contact", None)
    if contact:  # the inwoner gave contact details in the conversation (as the action sends)
        body["contact"] = contact
    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"{api_url}/api/v1/cases", json=body, headers={"Idempotency-Key": f"fake-{sender}"}
        )
    response.raise_for_status()
    return str(response.json()["reference"])


def create_fake_rasa(steps: dict[str, int] | None = None, domain: Domain | None = None) -> FastAPI:
    """A fake Rasa server; fakes given the same `steps` share their conversations' state,
    as Rasa servers on one tracker store do."""
    domain = domain or load_domain()
    check_answer(domain, [_bot("check", "", NEED_BUTTONS + CONSENT_BUTTONS + ERASE_BUTTONS)])
    app = FastAPI()
    steps = {} if steps is None else steps
    app.state.received = []

    @app.get("/")
    def hello() -> str:
        return "Hello from Rasa (fake)"

    @app.post("/webhooks/rest/webhook")
    async def webhook(request: Request) -> list[dict[str, Any]]:
        body = await request.json()
        app.state.received.append(body)
        answer = await _answer(app, steps, body["sender"], body["message"])
        return check_answer(domain, answer)

    return app


async def _answer(
    app: FastAPI, steps: dict[str, int], sender: str, message: str
) -> list[dict[str, Any]]:
    if message == "/silent":  # a turn whose custom action failed: Rasa answers []
        return []
    if message == "/greet":
        steps[sender] = 0
        return [
            _bot(
                sender,
                "Hallo! Ik ben Loket, een computer. Ik help u met uw initiatief. "
                "Lees ook de [privacyverklaring](/privacy).\nWaar gaat uw initiatief over?",
            )
        ]
    step = steps.get(sender, 0)
    steps[sender] = step + 1
    if step == 0:
        return [_bot(sender, "Mooi plan! Wat heeft u nodig?", NEED_BUTTONS)]
    if step == 1:
        return [_bot(sender, "In welke wijk is het?")]
    if step == 2:
        return [
            _bot(
                sender,
                "Team Wijkzaken pakt dit op, want het gaat om een bewonersinitiatief "
                "in uw wijk. "
                "Mogen we uw vraag doorsturen?",
                CONSENT_BUTTONS,
            )
        ]
    if message in ("wis alles", "verwijder mijn gegevens"):  # typed erasure
        steps[sender] = -1
        return [
            _bot(
                sender,
                "Weet u zeker dat u alles wilt wissen? Dan wis ik dit gesprek.",
                ERASE_BUTTONS,
            )
        ]
    if message == "/affirm" and step == -1:  # as action_erase_everything answers
        return [
            _bot(sender, "Ik heb dit gesprek gewist."),
            {"recipient_id": sender, "custom": {"loket": "erase_conversation"}},
        ]
    if message == "/affirm":  # the real assistant's receipt: the proxy adds the link
        reference = await _create_case(app, sender)
        return [
            _bot(
                sender,
                f"Dank u wel. Uw vraag is doorgestuurd. Uw kenmerk is {reference}.\n"
                "Met de link hieronder ziet u hoe het ervoor staat.",
            ),
            {"recipient_id": sender, "custom": {"loket": "status_link", "reference": reference}},
        ]
    if message == "/custom":  # a receipt as a custom payload (json_message)
        return [
            {
                "recipient_id": sender,
                "custom": {"case": {"reference": REFERENCE, "token": TOKEN}},
            }
        ]
    return [_bot(sender, "Dat begreep ik niet. Wilt u een mens spreken? Bel 14 015.")]
