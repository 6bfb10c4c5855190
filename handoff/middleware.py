"""The one request guard: every request passes it before any route sees it.

It refuses, with a 4xx and a `detail`, what no handler can use: a body over the size limit
(413), and text no database can store or numbers JSON cannot answer with (422): NUL
characters and lone UTF-16 surrogates in the path, query or JSON strings, and non-finite
numbers (`1e999999`, `NaN`). Handlers then never meet them, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(frozen=True)
class Refusals:
    """The `detail` texts of the guard's answers; a user-facing path may have Dutch ones."""

    too_large: str = "Request body larger than {max_bytes} bytes"
    bad_text: str = (
        "The request contains a character that cannot be stored "
        "(NUL or a lone UTF-16 surrogate such as \\ud800)"
    )
    bad_number: str = (
        "The request contains a number that is not finite (too large, NaN or Infinity)"
    )


ENGLISH = Refusals()


class _NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(name)  # json.loads accepts NaN, Infinity and -Infinity otherwise


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NotFinite(text)
    return value


def bad_text(value: str) -> bool:
    """True for text with NUL or a lone surrogate (valid JSON escapes, invalid Unicode)."""
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _has_bad_text(document: Any) -> bool:
    # Iterative: json.loads already bounds the depth, but a recursive walk would add to it.
    todo = [document]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if bad_text(item):
                return True
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False


def _is_json(scope: Scope) -> bool:
    """As FastAPI decides: no content type, or application/json or */*+json, is read as JSON."""
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            kind: bytes = value.split(b";", 1)[0].strip().lower()
            return kind == b"application/json" or kind.endswith(b"+json")
    return True


class RequestGuard:
    """413 over `max_bytes`; 422 for NUL, lone surrogates and non-finite JSON numbers.

    `user_facing` maps a path prefix to the texts its users read (the chat widget's Dutch).
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, user_facing: Mapping[str, Refusals] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.user_facing = dict(user_facing or {})

    def _texts(self, path: str) -> Refusals:
        for prefix, texts in self.user_facing.items():
            if path.startswith(prefix):
                return texts
        return ENGLISH

    async def _refuse(self, send: Send, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _bad_url_or_headers(self, scope: Scope) -> bool:
        query = unquote(scope.get("query_string", b"").decode("latin-1"))
        if bad_text(scope.get("path", "")) or bad_text(query):
            return True
        return any(b"\x00" in value for _, value in scope.get("headers", []))

    def _declared_too_large(self, scope: Scope) -> bool:
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    return int(value) > self.max_bytes
                except ValueError:
                    return False
        return False

    async def _read_body(self, receive: Receive) -> tuple[bytes | None, list[Message]]:
        """The whole body (None past the limit) and the messages read, to hand on unchanged."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return b"", messages  # the client went away; the app will see that
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return None, messages
            if not message.get("more_body", False):
                break
        return b"".join(m.get("body", b"") for m in messages), messages

    def _bad_json(self, body: bytes, texts: Refusals) -> str | None:
        """The refusal for a JSON body, or None; unreadable JSON is left to the handler."""
        try:
            document = json.loads(body, parse_constant=_refuse_constant, parse_float=_finite_float)
        except _NotFinite:
            return texts.bad_number
        except (ValueError, RecursionError):
            return None  # FastAPI answers invalid JSON with its own 4xx
        return texts.bad_text if _has_bad_text(document) else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        texts = self._texts(scope.get("path", ""))
        if self._bad_url_or_headers(scope):
            await self._refuse(send, 422, texts.bad_text)
            return
        too_large = texts.too_large.format(max_bytes=self.max_bytes)
        if self._declared_too_large(scope):
            await self._refuse(send, 413, too_large)
            return
        body, messages = await self._read_body(receive)
        if body is None:
            await self._refuse(send, 413, too_large)
            return
        if body and _is_json(scope):
            refusal = self._bad_json(body, texts)
            if refusal is not None:
                await self._refuse(send, 422, refusal)
                return
        pending = list(messages)

        async def replay() -> Message:
            if pending:
                return pending.pop(0)
            return await receive()

        await self.app(scope, replay, send)
