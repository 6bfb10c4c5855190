"""`POST /api/v1/chat`: the widget's one endpoint, proxied to Rasa's REST channel.

The browser only talks to this origin. The proxy bounds what reaches Rasa (body and message
size, turns per minute per conversation and per client address), passes back only the
message fields the widget renders, and turns an unreachable Rasa into a clear Dutch message.
"""

from __future__ import annotations

import hashlib
import ssl
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from handoff.web.content import general_contact
from handoff.web.security import SecureRoute
from handoff.web.settings import WebSettings, get_web_settings


@asynccontextmanager
async def rasa_client(app: FastAPI) -> AsyncIterator[None]:
    """One pooled HTTP client to Rasa for the app's lifetime (merged into the app lifespan)."""
    async with httpx.AsyncClient(verify=_tls_context()) as client:
        app.state.loket_rasa_client = client
        try:
            yield
        finally:
            del app.state.loket_rasa_client


router = APIRouter(prefix="/api/v1", route_class=SecureRoute, lifespan=rasa_client)

SENDER_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


class ChatTurn(BaseModel):
    """One inwoner message; `sender` is the widget's random per-tab conversation id."""

    sender: str = Field(pattern=SENDER_PATTERN)
    message: str = Field(min_length=1)


class ChatButton(BaseModel):
    title: str
    payload: str


class ChatMessage(BaseModel):
    text: str | None = None
    buttons: list[ChatButton] = Field(default_factory=list)
    custom: dict[str, Any] | None = None


class ChatReply(BaseModel):
    messages: list[ChatMessage]


class SlidingWindowLimiter:
    """At most `limit` hits per key in any 60 s window (in memory, per process)."""

    def __init__(self, limit: int, window: float = 60.0, max_keys: int = 10_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if len(self._hits) > self.max_keys:
            self._forget_idle(now)
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, h in self._hits.items() if not h or now - h[-1] >= self.window]:
            del self._hits[key]


class ChatLimits:
    def __init__(self, settings: WebSettings) -> None:
        self.per_sender = SlidingWindowLimiter(settings.chat_turns_per_minute_per_sender)
        self.per_client = SlidingWindowLimiter(settings.chat_turns_per_minute_per_client)


def _limits(request: Request, settings: WebSettings) -> ChatLimits:
    # One set of counters per app instance (tests create fresh apps).
    limits: ChatLimits | None = getattr(request.app.state, "loket_chat_limits", None)
    if limits is None:
        limits = ChatLimits(settings)
        request.app.state.loket_chat_limits = limits
    return limits


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    # Building a default SSL context costs milliseconds; httpx would build one per client.
    return ssl.create_default_context()


def _error(status: int, message: str, retry_after: int | None = None) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _down_message(settings: WebSettings) -> str:
    return (
        "De chat werkt op dit moment niet. Probeer het over een paar minuten opnieuw. "
        f"Liever direct iemand spreken? Bel {general_contact()}."
    )


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The body, or None when it is larger than `limit` (stops reading early)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            return None
    return bytes(body)


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
    body = {"sender": turn.sender, "message": turn.message}
    shared: httpx.AsyncClient | None = getattr(request.app.state, "loket_rasa_client", None)
    if shared is not None:
        return await shared.post(url, json=body, timeout=timeout)
    # Without a running lifespan (e.g. a TestClient used without `with`): a one-off client.
    async with httpx.AsyncClient(verify=_tls_context()) as client:
        return await client.post(url, json=body, timeout=timeout)


def rasa_urls_for(sender: str, settings: WebSettings) -> list[str]:
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
    request: Request, turn: ChatTurn, settings: WebSettings
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
    request: Request, settings: Annotated[WebSettings, Depends(get_web_settings)]
) -> JSONResponse:
    body = await _read_body(request, settings.chat_max_body_bytes)
    if body is None:
        return _error(413, "Uw bericht is te lang. Maak het korter en probeer het opnieuw.")
    try:
        turn = ChatTurn.model_validate_json(body)
    except ValidationError:
        return _error(422, "Dit bericht kan de chat niet lezen. Laad de pagina opnieuw.")
    if len(turn.message) > settings.chat_max_message_chars:
        return _error(
            413,
            f"Uw bericht is te lang (meer dan {settings.chat_max_message_chars} tekens). "
            "Maak het korter en probeer het opnieuw.",
        )
    limits = _limits(request, settings)
    client = request.client.host if request.client else "unknown"
    if not limits.per_sender.allow(turn.sender) or not limits.per_client.allow(client):
        return _error(
            429,
            "U stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
            30,
        )
    try:
        answer = await _post_with_failover(request, turn, settings)
    except httpx.TimeoutException:
        return _error(504, "De chat reageert nu te langzaam. " + _down_message(settings))
    except httpx.HTTPError:
        return _error(503, _down_message(settings), 60)
    if answer.status_code != 200:
        return _error(502, _down_message(settings))
    try:
        raw = answer.json()
    except ValueError:
        return _error(502, _down_message(settings))
    reply = ChatReply(messages=_clean(raw))
    return JSONResponse(reply.model_dump(mode="json"), headers={"Cache-Control": "no-store"})
