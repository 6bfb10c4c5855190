"""HTTP client of the handoff API (`LOKET_API_URL`): reply-by dates and creating cases.

Synchronous httpx, so the drain of the old queue and the actions (via `asyncio.to_thread`)
share one implementation. Never imports the handoff package.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx


class HandoffUnavailable(Exception):
    """The API could not be reached or failed on its side (5xx, 429): try again later."""

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable  # no answer at all (down, restarting, timed out)


class HandoffRejected(Exception):
    """The API refused the request (4xx): sending it again will not help."""


@dataclass(frozen=True)
class CaseReceipt:
    reference: str
    status_url: str
    lead: str | None
    lead_name: str | None
    reply_by: date | None


@dataclass(frozen=True)
class ReplyBy:
    department: str
    working_days: int
    reply_by: date


class HandoffClient:
    def __init__(
        self,
        base_url: str,
        timeout: float = 5.0,
        transport: httpx.BaseTransport | None = None,
        service_token: str | None = None,
        patience: float = 0.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.transport = transport
        # How long `create_case` keeps trying while the API is unavailable (e.g. restarting).
        self.patience = patience
        self.sleep = sleep
        # Sent as X-Loket-Service-Token: the API does not rate-limit the action server.
        self.headers = {"X-Loket-Service-Token": service_token} if service_token else {}

    def _client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url,
            timeout=self.timeout,
            transport=self.transport,
            headers=self.headers,
        )

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            with self._client() as client:
                response = client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise HandoffUnavailable(
                f"{method} {path}: {type(exc).__name__}", unreachable=True
            ) from exc
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise HandoffUnavailable(f"{method} {path}: HTTP {response.status_code}")
        if response.status_code >= 400:
            # Which fields, never their values: the API's 422 echoes the input (contact data).
            raise HandoffRejected(
                f"{method} {path}: HTTP {response.status_code}{_fields(response)}"
            )
        return response

    def reply_by(self, department: str, municipality: str | None = None) -> ReplyBy:
        """When `department` (of `municipality`, default the API's default) answers."""
        params = {"municipality": municipality} if municipality else {}
        path = f"/api/v1/departments/{department}/reply-by"
        data = self._request("GET", path, params=params).json()
        return ReplyBy(
            department=data.get("department", department),
            working_days=int(data["working_days"]),
            reply_by=date.fromisoformat(data["reply_by"]),
        )

    def create_case(self, payload: dict[str, Any], idempotency_key: str) -> CaseReceipt:
        """POST /api/v1/cases; the same key returns the case made before, never a second one.

        While the API is unavailable it tries again (0.5 s, 1 s, 2 s… apart) for `patience`
        seconds, then raises HandoffUnavailable."""
        deadline = time.monotonic() + self.patience
        delay = 0.5
        while True:
            try:
                response = self._request(
                    "POST",
                    "/api/v1/cases",
                    json=payload,
                    headers={"Idempotency-Key": idempotency_key},
                )
                break
            except HandoffUnavailable:
                if time.monotonic() + delay > deadline:
                    raise
                self.sleep(delay)
                delay *= 2
        data = response.json()
        reply_by = data.get("reply_by")
        return CaseReceipt(
            reference=data["reference"],
            status_url=data.get("status_url") or "",
            lead=data.get("lead"),
            lead_name=data.get("lead_name"),
            reply_by=date.fromisoformat(reply_by) if reply_by else None,
        )

    def erase_conversation(self, conversation_id: str) -> list[str]:
        """DELETE /api/v1/cases?conversation_id=: erases every case made in the conversation
        (with deliveries) and the conversation; returns the erased cases' references."""
        response = self._request(
            "DELETE", "/api/v1/cases", params={"conversation_id": conversation_id}
        )
        return [str(r) for r in response.json().get("cases", [])]


def _fields(response: httpx.Response) -> str:
    """` (body.contact.email: value_error, …)` from a FastAPI 422, else nothing."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return ""
    if not isinstance(detail, list):
        return ""
    fields = [
        ".".join(str(part) for part in item.get("loc", [])) + f": {item.get('type', '?')}"
        for item in detail[:5]
        if isinstance(item, dict)
    ]
    return f" ({', '.join(fields)})" if fields else ""
