"""`POST /api/v1/chat`: the widget's one endpoint, proxied to Rasa's REST channel.

The browser only talks to this origin. The proxy bounds what reaches Rasa (body and message
size, turns per minute per conversation and per client address), passes back only the
message fields the widget renders, and turns an unreachable Rasa into a clear Dutch message.
"""

from __future__ import annotations

import asyncio
import ssl
import time
import zlib
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated, Any, TypeVar

import httpx
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from handoff.web import receipts
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
Body = TypeVar("Body", bound=BaseModel)


class ChatTurn(BaseModel):
    """One inwoner message; `sender` is the widget's random per-tab conversation id."""

    sender: str = Field(pattern=SENDER_PATTERN)
    message: str = Field(min_length=1)


class ChatErase(BaseModel):
    """The widget's "Wis gesprek": erase this conversation (and any case made in it)."""

    sender: str = Field(pattern=SENDER_PATTERN)


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


async def _read_model(
    request: Request, limit: int, model: type[Body], too_large: str
) -> Body | JSONResponse:
    """The body as `model`, or the Dutch 413/422 answer for the widget."""
    body = await _read_body(request, limit)
    if body is None:
        return _error(413, too_large)
    try:
        return model.model_validate_json(body)
    except ValidationError:
        return _error(422, "Dit bericht kan de chat niet lezen. Laad de pagina opnieuw.")


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


def rasa_url_for(sender: str, settings: WebSettings) -> str:
    """The Rasa server of this conversation: always the same one for a sender id.

    Each Rasa process serialises the turns of a conversation with its in-memory lock store,
    so a conversation must never be served by two processes at once (Rasa's multi-worker
    mode would need a Redis lock store instead). CRC-32 is stable across restarts, unlike
    Python's `hash`; the trackers themselves live in the shared tracker store.
    """
    urls = settings.rasa_urls
    return urls[zlib.crc32(sender.encode()) % len(urls)]


# Not in the OpenAPI schema on purpose: the widget is its only client, and its 502/503/504
# answers when Rasa is down are correct but would trip a schema fuzzer's "no 5xx" check.
@router.post("/chat", response_model=ChatReply, include_in_schema=False)
async def chat(
    request: Request, settings: Annotated[WebSettings, Depends(get_web_settings)]
) -> JSONResponse:
    turn = await _read_model(
        request,
        settings.chat_max_body_bytes,
        ChatTurn,
        "Uw bericht is te lang. Maak het korter en probeer het opnieuw.",
    )
    if isinstance(turn, JSONResponse):
        return turn
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
    url = rasa_url_for(turn.sender, settings) + "/webhooks/rest/webhook"
    try:
        answer = await _post(request, url, turn, settings.chat_timeout_seconds)
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
    messages = _clean(raw)
    if any(receipts.needs_server(m.custom) for m in messages):
        try:
            messages = await asyncio.to_thread(_finish_turn, request, turn.sender, messages)
        except (SQLAlchemyError, OSError):
            return _error(503, _erase_failed_message())
    reply = ChatReply(messages=messages)
    return JSONResponse(reply.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


def _erase_failed_message() -> str:
    return (
        "Het wissen is niet gelukt. Er is niets gewist. Probeer het over een paar minuten "
        f"opnieuw, of bel {general_contact()}."
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
    request: Request, settings: Annotated[WebSettings, Depends(get_web_settings)]
) -> JSONResponse:
    """ "Wis gesprek": erases the conversation in Rasa's tracker store and every case made in
    it (with its deliveries), also when no case was made."""
    erase = await _read_model(request, 1_000, ChatErase, "Dit verzoek is te groot.")
    if isinstance(erase, JSONResponse):
        return erase
    client = request.client.host if request.client else "unknown"
    if not _limits(request, settings).per_client.allow(client):
        return _error(429, "U stuurt veel verzoeken kort na elkaar. Wacht even.", 30)
    services = receipts.services_of(request)
    try:
        cases = await asyncio.to_thread(receipts.erase_conversation, services, erase.sender)
    except (SQLAlchemyError, OSError):
        return _error(503, _erase_failed_message())
    return JSONResponse(
        {"erased": True, "cases": len(cases)}, headers={"Cache-Control": "no-store"}
    )
