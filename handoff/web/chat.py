"""`POST /api/v1/chat`: the widget's one endpoint, proxied to Rasa's REST channel.

The browser only talks to this origin. The proxy bounds what reaches Rasa (message size,
turns per minute per conversation and per client address; the app's request guard bounds
the body), passes back only the message fields the widget renders, and turns an unreachable
Rasa, or a turn that got no answer, into a clear Dutch message.
"""

from __future__ import annotations

import asyncio
import hashlib
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from limits import RateLimitItemPerMinute
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from handoff.deps import ServicesDep
from handoff.middleware import Refusals
from handoff.ratelimit import client_address
from handoff.settings import Settings
from handoff.web import content, receipts
from handoff.web.content import general_contact
from handoff.web.pages import host_municipality


@asynccontextmanager
async def rasa_client(app: FastAPI) -> AsyncIterator[None]:
    """One pooled HTTP client to Rasa for the app's lifetime (merged into the app lifespan)."""
    async with httpx.AsyncClient(verify=_tls_context()) as client:
        app.state.loket_rasa_client = client
        try:
            yield
        finally:
            del app.state.loket_rasa_client


router = APIRouter(prefix="/api/v1", lifespan=rasa_client)

SENDER_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


class ChatTurn(BaseModel):
    """One inwoner message; `sender` is the widget's random per-tab conversation id and
    `municipality` the site's (the page's `/<id>/`; default: the host's or the default one)."""

    sender: str = Field(pattern=SENDER_PATTERN)
    message: str = Field(min_length=1)
    municipality: str | None = Field(default=None, max_length=64)


class ChatErase(BaseModel):
    """The widget's "Wis gesprek": erase this conversation (and any case made in it)."""

    sender: str = Field(pattern=SENDER_PATTERN)
    municipality: str | None = Field(default=None, max_length=64)  # for the number in errors


class ChatButton(BaseModel):
    title: str
    payload: str


class ChatMessage(BaseModel):
    text: str | None = None
    buttons: list[ChatButton] = Field(default_factory=list)
    custom: dict[str, Any] | None = None


class ChatReply(BaseModel):
    messages: list[ChatMessage]


CHAT_REFUSALS = Refusals(
    too_large="Uw bericht is te lang. Maak het korter en probeer het opnieuw.",
    bad_text="Dit bericht kan de chat niet lezen. Haal vreemde tekens weg en probeer het opnieuw.",
    bad_number="Dit bericht kan de chat niet lezen. Laad de pagina opnieuw.",
)
"""What the request guard answers on this path: the widget shows `detail` to the inwoner."""


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    # Building a default SSL context costs milliseconds; httpx would build one per client.
    return ssl.create_default_context()


def _error(status: int, message: str, retry_after: int | None = None) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _no_answer_message(contact: str) -> str:
    return (
        "Loket kon uw laatste bericht niet verwerken. Stuur het opnieuw. Lukt het weer niet? "
        f"Bel {contact}."
    )


def _down_message(contact: str) -> str:
    return (
        "De chat werkt op dit moment niet. Probeer het over een paar minuten opnieuw. "
        f"Liever direct iemand spreken? Bel {contact}."
    )


def _clean(raw: Any) -> list[ChatMessage]:
    """Keep only what the widget renders from Rasa's REST output."""
    messages: list[ChatMessage] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        buttons = [
            ChatButton(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in item.get("buttons") or []
            if isinstance(b, dict) and b.get("title")
        ]
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else None
        text = item.get("text") if isinstance(item.get("text"), str) else None
        if text or buttons or custom:
            messages.append(ChatMessage(text=text, buttons=buttons, custom=custom))
    return messages


async def _post(request: Request, url: str, turn: ChatTurn, timeout: float) -> httpx.Response:
    # The assistant reads the municipality from the metadata (actions/municipality.py).
    body = {
        "sender": turn.sender,
        "message": turn.message,
        "metadata": {"municipality": turn.municipality},
    }
    shared: httpx.AsyncClient | None = getattr(request.app.state, "loket_rasa_client", None)
    if shared is not None:
        return await shared.post(url, json=body, timeout=timeout)
    # Without a running lifespan (e.g. a TestClient used without `with`): a one-off client.
    async with httpx.AsyncClient(verify=_tls_context()) as client:
        return await client.post(url, json=body, timeout=timeout)


def rasa_urls_for(sender: str, settings: Settings) -> list[str]:
    """The Rasa servers for this conversation, the one to use first and then the fallbacks.

    Rendezvous hashing: each server gets a score from a hash of (server, sender) and the
    highest score serves the conversation, so every API process picks the same server
    without sharing state, also after restarts. When that server is down, the next one in
    this order takes over, for these conversations only; the others stay where they are.
    The trackers live in the shared tracker store, and with several servers Rasa's Redis
    lock store serialises a conversation's turns across them (docs/web.md "Scaled setup").
    """

    def score(url: str) -> bytes:
        return hashlib.blake2b(f"{url}\n{sender}".encode(), digest_size=8).digest()

    return sorted(settings.rasa_urls, key=score, reverse=True)


# Errors after which the turn is sent to the next server: nothing answers on that address,
# or the server went away mid-turn (killed). Rasa stores a turn's events only once the turn
# is done, and a case carries the conversation's idempotency key, so sending the turn again
# does not double anything. A timeout is not among them: the server may still be working.
FAILOVER_ERRORS = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.RemoteProtocolError,
    httpx.ReadError,
)


async def _post_with_failover(
    request: Request, turn: ChatTurn, settings: Settings
) -> httpx.Response:
    """Post the turn to the conversation's server, or to the next one when it is down."""
    urls = rasa_urls_for(turn.sender, settings)
    for index, base in enumerate(urls):
        try:
            return await _post(
                request, base + "/webhooks/rest/webhook", turn, settings.chat_timeout_seconds
            )
        except FAILOVER_ERRORS:
            if index == len(urls) - 1:
                raise
    raise AssertionError("unreachable: settings.rasa_urls is never empty")


# Not in the OpenAPI schema on purpose: the widget is its only client, and its 502/503/504
# answers when Rasa is down are correct but would trip a schema fuzzer's "no 5xx" check.
@router.post("/chat", response_model=ChatReply, include_in_schema=False)
async def chat(
    request: Request,
    services: ServicesDep,
) -> JSONResponse:
    settings = services.settings
    try:  # the request guard has bounded the body's size already
        turn = ChatTurn.model_validate_json(await request.body())
    except ValidationError:
        return _error(422, "Dit bericht kan de chat niet lezen. Laad de pagina opnieuw.")
    registry = content.registry(request)
    chosen = turn.municipality or host_municipality(request, settings)
    if chosen is None:
        chosen = registry.default
    elif chosen not in registry:
        known = ", ".join(registry.ids)
        return _error(
            422, f"Deze chat hoort bij geen gemeente die Loket kent ({known}). Kies uw gemeente."
        )
    turn = turn.model_copy(update={"municipality": chosen})
    contact = general_contact(registry, chosen)
    if len(turn.message) > settings.chat_max_message_chars:
        return _error(
            413,
            f"Uw bericht is te lang (meer dan {settings.chat_max_message_chars} tekens). "
            "Maak het korter en probeer het opnieuw.",
        )
    limiter = services.limiter
    wait = limiter.hit(
        [RateLimitItemPerMinute(settings.chat_turns_per_minute_per_sender)],
        "chat-sender",
        turn.sender,
    ) or limiter.hit(
        [RateLimitItemPerMinute(settings.chat_turns_per_minute_per_client)],
        "chat-client",
        client_address(request),
    )
    if wait is not None:
        return _error(
            429,
            "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
            round(wait),
        )
    try:
        answer = await _post_with_failover(request, turn, settings)
    except httpx.TimeoutException:
        return _error(504, "De chat reageert nu te langzaam. " + _down_message(contact))
    except httpx.HTTPError:
        return _error(503, _down_message(contact), 60)
    if answer.status_code != 200:
        return _error(502, _down_message(contact))
    try:
        raw = answer.json()
    except ValueError:
        return _error(502, _down_message(contact))
    messages = _clean(raw)
    if not messages:
        # Rasa answers 200 with nothing when a custom action failed (e.g. the action server
        # was restarting): the widget must not sit silent.
        return _error(502, _no_answer_message(contact))
    if any(receipts.needs_server(m.custom) for m in messages):
        try:
            messages = await asyncio.to_thread(_finish_turn, request, turn.sender, messages)
        except (SQLAlchemyError, OSError):
            return _error(503, _erase_failed_message(contact))
    reply = ChatReply(messages=messages)
    return JSONResponse(reply.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


def _erase_failed_message(contact: str) -> str:
    return (
        "Het wissen is niet gelukt. Er is niets gewist. Probeer het over een paar minuten "
        f"opnieuw, of bel {contact}."
    )


def _finish_turn(request: Request, sender: str, messages: list[ChatMessage]) -> list[ChatMessage]:
    """The assistant's requests to the server (status link, erasure) resolved: see receipts."""
    services = receipts.services_of(request)
    base = receipts.public_base(request, services)
    finished = []
    for message in messages:
        if message.custom is None or not receipts.needs_server(message.custom):
            finished.append(message)
            continue
        custom = receipts.resolve(services, base, sender, message.custom)
        if message.text or message.buttons or custom:
            finished.append(message.model_copy(update={"custom": custom}))
    return finished


@router.post("/chat/erase", include_in_schema=False)
async def erase_chat(
    request: Request,
    services: ServicesDep,
) -> JSONResponse:
    """ "Wis gesprek": erases the conversation in Rasa's tracker store and every case made in
    it (with its deliveries), also when no case was made."""
    settings = services.settings
    try:  # the request guard has bounded the body's size already
        erase = ChatErase.model_validate_json(await request.body())
    except ValidationError:
        return _error(422, "Dit verzoek kan de chat niet lezen. Laad de pagina opnieuw.")
    wait = services.limiter.hit(
        [RateLimitItemPerMinute(settings.chat_turns_per_minute_per_client)],
        "chat-erase",
        client_address(request),
    )
    if wait is not None:
        return _error(429, "U stuurt veel verzoeken kort na elkaar. Wacht even.", round(wait))
    services = receipts.services_of(request)
    try:
        cases = await asyncio.to_thread(receipts.erase_conversation, services, erase.sender)
    except (SQLAlchemyError, OSError):
        registry = content.registry(request)
        return _error(503, _erase_failed_message(general_contact(registry, erase.municipality)))
    return JSONResponse(
        {"erased": True, "cases": len(cases)}, headers={"Cache-Control": "no-store"}
    )
