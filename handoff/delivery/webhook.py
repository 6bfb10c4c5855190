"""Signed webhooks: HMAC-SHA256 over `<timestamp>.<body>` with the partner's secret.

Headers: `X-Loket-Timestamp` (unix seconds), `X-Loket-Signature: sha256=<hex>`,
`Idempotency-Key` (the delivery's key: the same on every retry, so receivers can dedupe).
"""

from __future__ import annotations

import hashlib
import hmac
import time

import httpx

SIGNATURE_HEADER = "X-Loket-Signature"
TIMESTAMP_HEADER = "X-Loket-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"


class DeliveryFailed(Exception):
    """The receiver did not accept the summary; the message says why (no personal data)."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    *,
    tolerance_seconds: int = 300,
    now: float | None = None,
) -> bool:
    """For receivers: a valid signature on a fresh timestamp (refuses replays of old calls)."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    if abs((now or time.time()) - sent) > tolerance_seconds:
        return False
    return hmac.compare_digest(sign(secret, sent, body), signature)


def post_webhook(client: httpx.Client, url: str, secret: str | None, key: str, body: bytes) -> None:
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        IDEMPOTENCY_HEADER: key,
        TIMESTAMP_HEADER: str(timestamp),
        "User-Agent": "Loket-handoff",
    }
    if secret:
        headers[SIGNATURE_HEADER] = sign(secret, timestamp, body)
    try:
        response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from exc
    if response.status_code >= 300:
        raise DeliveryFailed(f"HTTP {response.status_code}")
