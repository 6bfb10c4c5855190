"""A scripted stand-in for Rasa's REST channel: a short Dutch intake that ends in a reference.

Used by the proxy tests and the browser tests until (and besides) the real stack; it answers
the way Rasa 3.6 does (`[{"recipient_id", "text", "buttons"?, "custom"?}]`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request

REFERENCE = "LOK-2026-482913"
TOKEN = "test-token_abc123"
STATUS_URL = f"http://127.0.0.1:8000/api/v1/cases/{REFERENCE}?token={TOKEN}"


def _bot(sender: str, text: str, buttons: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"recipient_id": sender, "text": text}
    if buttons:
        out["buttons"] = [{"title": t, "payload": p} for t, p in buttons]
    return out


def create_fake_rasa(steps: dict[str, int] | None = None) -> FastAPI:
    """A fake Rasa server; fakes given the same `steps` share their conversations' state,
    as Rasa servers on one tracker store do."""
    app = FastAPI()
    steps = {} if steps is None else steps
    app.state.received = []

    @app.get("/")
    def hello() -> str:
        return "Hello from Rasa (fake)"

    @app.post("/webhooks/rest/webhook")
    async def webhook(request: Request) -> list[dict[str, Any]]:
        body = await request.json()
        sender, message = body["sender"], body["message"]
        app.state.received.append(body)
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
            return [
                _bot(
                    sender,
                    "Mooi plan! Wat heeft u nodig?",
                    [
                        ("Geld", '/inform{"needs":"financiering"}'),
                        ("Een ruimte", '/inform{"needs":"locatie"}'),
                    ],
                )
            ]
        if step == 1:
            return [_bot(sender, "In welke wijk is het?")]
        if step == 2:
            return [
                _bot(
                    sender,
                    "Team Wijkzaken pakt dit op, want het gaat om een bewonersinitiatief "
                    "in uw wijk. "
                    "Mogen we uw vraag doorsturen?",
                    [("Ja, stuur door", "/affirm"), ("Nee", "/deny")],
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
        if message == "/custom":  # a receipt as a custom payload (json_message)
            return [
                {
                    "recipient_id": sender,
                    "custom": {"case": {"reference": REFERENCE, "token": TOKEN}},
                }
            ]
        return [_bot(sender, "Dat begreep ik niet. Wilt u een mens spreken? Bel 14 015.")]

    return app
