"""The outbox worker: claims due deliveries, sends them, and retries with backoff.

A claim moves `next_attempt_at` one lease ahead, so a second worker (or the in-app loop)
does not send the same row at the same time; a worker that dies mid-delivery leaves the row
to be retried after the lease with the same idempotency key, which receivers dedupe on.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select, update

from handoff.db import Database
from handoff.delivery.mail import send_mail, summary_message
from handoff.delivery.webhook import DeliveryFailed, post_webhook
from handoff.models import Delivery
from handoff.partners import endpoints_for
from handoff.settings import Settings
from handoff.summary import build_summary
from routing import Catalogue

log = logging.getLogger(__name__)


def _claim(db: Database, settings: Settings, now: datetime, limit: int) -> list[int]:
    """IDs of due deliveries this worker now owns for one lease."""
    lease_end = now + timedelta(seconds=settings.delivery_lease_seconds)
    due = select(Delivery.id).where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
    if not settings.smtp_host:  # e-mail waits until an SMTP server is configured
        due = due.where(Delivery.channel != "email")
    with db.transaction() as session:
        candidates = list(
            session.scalars(due.order_by(Delivery.next_attempt_at, Delivery.id).limit(limit))
        )
    claimed = []
    for delivery_id in candidates:
        with db.transaction() as session:
            result = session.execute(
                update(Delivery)
                .where(
                    Delivery.id == delivery_id,
                    Delivery.status == "pending",
                    Delivery.next_attempt_at <= now,
                )
                .values(next_attempt_at=lease_end, attempts=Delivery.attempts + 1)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(delivery_id)
    return claimed


def backoff(settings: Settings, attempts: int) -> timedelta:
    seconds = settings.delivery_backoff_seconds * 2 ** max(0, attempts - 1)
    return timedelta(seconds=min(seconds, settings.delivery_backoff_max_seconds))


def _send(
    db: Database, settings: Settings, catalogue: Catalogue, client: httpx.Client, delivery_id: int
) -> None:
    with db.session() as session:
        delivery = session.get(Delivery, delivery_id)
        if delivery is None:  # the case was erased meanwhile
            return
        summary = build_summary(delivery.case, catalogue)
        if delivery.channel == "webhook":
            secret = endpoints_for(
                session, delivery.party, catalogue, settings.partners_file
            ).webhook_secret
            body = json.dumps(
                {
                    "event": "case.created",
                    "delivery": delivery.key,
                    "summary": summary.model_dump(mode="json"),
                },
                ensure_ascii=False,
            ).encode("utf-8")
            post_webhook(client, delivery.target, secret, delivery.key, body)
        else:
            send_mail(
                settings,
                summary_message(summary, settings.smtp_from, delivery.target, delivery.key),
            )


def _record(db: Database, settings: Settings, delivery_id: int, error: str | None) -> str:
    now = datetime.now(UTC)
    with db.transaction() as session:
        delivery = session.get(Delivery, delivery_id)
        if delivery is None:
            return "erased"
        if error is None:
            delivery.status, delivery.delivered_at, delivery.last_error = "delivered", now, None
        else:
            delivery.last_error = error[:500]
            if delivery.attempts >= settings.delivery_max_attempts:
                delivery.status = "failed"
            else:
                delivery.next_attempt_at = now + backoff(settings, delivery.attempts)
        return delivery.status


def deliver_due(
    db: Database,
    settings: Settings,
    catalogue: Catalogue,
    limit: int = 50,
    now: datetime | None = None,
) -> dict[str, int]:
    """One round: send every due delivery once. Returns counts by resulting status."""
    counts: dict[str, int] = {}
    claimed = _claim(db, settings, now or datetime.now(UTC), limit)
    if not claimed:
        return counts
    with httpx.Client(timeout=settings.webhook_timeout_seconds) as client:
        for delivery_id in claimed:
            error = None
            try:
                _send(db, settings, catalogue, client, delivery_id)
            except DeliveryFailed as exc:
                error = str(exc)
            except Exception as exc:  # a bug must not stop other deliveries
                log.exception("delivery %s crashed", delivery_id)
                error = f"internal error: {type(exc).__name__}"
            outcome = _record(db, settings, delivery_id, error)
            log.info("delivery %s: %s", delivery_id, outcome)
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def run_worker(db: Database, settings: Settings, catalogue: Catalogue, once: bool = False) -> None:
    """`loket worker`: deliver until interrupted (or one round with `once`)."""
    while True:
        deliver_due(db, settings, catalogue)
        if once:
            return
        time.sleep(settings.delivery_interval_seconds)
