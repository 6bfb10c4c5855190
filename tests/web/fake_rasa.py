"""A scripted stand-in for Rasa's REST channel: a short Dutch intake that ends in a reference.

Used by the proxy tests and the browser tests until (and besides) the real stack; it answers
the way Rasa 3.6 does (`[{"recipient_id", "text", "buttons"?, "custom"?}]`). It cannot drift
from the bot: every button payload it can send is checked against the domain
(bot/domain/*.yml) when the fake is made, and every answer again before it is sent.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request

from tests.domain import Domain, load_domain

REFERENCE = "LOK-2026-482913"
TOKEN = "test-token_abc123"
STATUS_URL = f"http://127.0.0.1:8000/api/v1/cases/{REFERENCE}?token={TOKEN}"
# As Rasa sends them: the domain's `{{`/`}}` reach the channel as single braces.
NEED_BUTTONS = [
    ("Geld", '/inform_need{"need": "financiering"}'),
    ("Een ruimte of plek", '/inform_need{"need": "locatie"}'),
]
CONSENT_BUTTONS = [("Ja, stuur door", "/affirm"), ("Nee", "/deny")]


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


def create_fake_rasa(domain: Domain | None = None) -> FastAPI:
    domain = domain or load_domain()
    check_answer(domain, [_bot("check", "", NEED_BUTTONS + CONSENT_BUTTONS)])
    app = FastAPI()
    steps: dict[str, int] = {}
    app.state.received = []

    @app.get("/")
    def hello() -> str:
        return "Hello from Rasa (fake)"

    @app.post("/webhooks/rest/webhook")
    async def webhook(request: Request) -> list[dict[str, Any]]:
        body = await request.json()
        app.state.received.append(body)
        return check_answer(domain, _answer(steps, body["sender"], body["message"]))

    return app


def _answer(steps: dict[str, int], sender: str, message: str) -> list[dict[str, Any]]:
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
    if message == "/affirm":  # the real assistant's receipt, with the status link
        return [
            _bot(
                sender,
                f"Dank u wel. Uw vraag is doorgestuurd. Uw kenmerk is {REFERENCE}.\n"
                f"Hier kunt u zien hoe het ervoor staat: {STATUS_URL}\n"
                "Bewaar deze link goed.",
            )
        ]
    if message == "/custom":  # the tests' trigger for a receipt as a custom payload
        return [
            {
                "recipient_id": sender,
                "custom": {"case": {"reference": REFERENCE, "token": TOKEN}},
            }
        ]
    return [_bot(sender, "Dat begreep ik niet. Wilt u een mens spreken? Bel 14 015.")]
