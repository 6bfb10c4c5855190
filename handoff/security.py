"""Secrets: case references and status tokens, partner API keys, the staff token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

# Compared against when a key names no known partner, so both paths take the same time.
_DUMMY_HASH = hashlib.sha256(b"no such partner").hexdigest()


def hash_secret(value: str) -> str:
    """SHA-256 of a high-entropy secret (tokens, API keys): enough, since they can't be guessed."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def same_secret(value: str, stored_hash: str | None) -> bool:
    """Constant-time check of `value` against a stored hash (a dummy one when None)."""
    return hmac.compare_digest(hash_secret(value), stored_hash or _DUMMY_HASH) and bool(stored_hash)


def new_reference(now: datetime) -> str:
    """`LOK-<year>-<6 random digits>`; uniqueness is enforced by the database."""
    return f"LOK-{now.year}-{secrets.randbelow(1_000_000):06d}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_api_key(municipality: str, partner_id: str) -> str:
    """`<municipality>.<partner id>.<random>`: the prefix finds the partner, the whole key is
    compared. (Catalogue IDs and url-safe tokens hold no dots.)"""
    return f"{municipality}.{partner_id}.{secrets.token_urlsafe(32)}"


def partner_of_key(key: str) -> tuple[str | None, str]:
    """(municipality, partner ID) named by a key; keys made before municipalities existed,
    `<partner id>.<random>`, name no municipality (None: the default one)."""
    parts = key.split(".")
    if len(parts) == 3:
        return parts[0], parts[1]
    if len(parts) == 2:
        return None, parts[0]
    return None, ""


def status_token(secret_key: str, reference: str, idempotency_key: str | None) -> str:
    """The secret of a status link. With an idempotency key it is derived (HMAC with the
    server's secret key), so a retried request gets the same token back although only its
    hash is stored; without one it is random."""
    if idempotency_key is None:
        return new_token()
    message = f"status:{reference}:{idempotency_key}".encode()
    digest = hmac.new(secret_key.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode("ascii")


def load_secret(configured: str | None, secret_file: Path, name: str) -> str:
    """A secret from settings, else from `secret_file`, generated there on first start.

    Only the file's location is logged, never the secret.
    """
    if configured:
        return configured
    if secret_file.exists():
        return secret_file.read_text(encoding="utf-8").strip()
    secret_file.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    log.warning("%s is not set: generated one in %s", name, secret_file)
    return token
