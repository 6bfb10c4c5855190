"""Writes and re-queues outbox rows of a case in the caller's transaction: nothing is sent here."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from handoff.models import Case, Delivery
from handoff.partners import endpoints_of
from routing import Catalogue


def plan_deliveries(
    session: Session,
    case: Case,
    parties: list[str],
    catalogue: Catalogue,
    partners_file: Path | None,
    now: datetime,
) -> list[Delivery]:
    """One pending delivery per party and configured channel (webhook and/or e-mail)."""
    planned = []
    configured = endpoints_of(session, parties, catalogue, partners_file)
    for party in parties:
        endpoints = configured[party]
        channels = [("webhook", endpoints.webhook_url), ("email", endpoints.email)]
        for channel, target in channels:
            if not target:
                continue
            delivery = new_delivery(party, channel, target, now)
            case.deliveries.append(delivery)
            planned.append(delivery)
    return planned


def new_delivery(
    party: str, channel: str, target: str, now: datetime, kind: str = "summary"
) -> Delivery:
    """A pending row, due now, with a fresh idempotency key."""
    return Delivery(
        key=uuid.uuid4().hex,
        party=party,
        channel=channel,
        kind=kind,
        target=target,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        queued_at=now,
    )


def requeue(delivery: Delivery, now: datetime) -> None:
    """Send again from now on, with a fresh retry window (the same idempotency key)."""
    delivery.status = "pending"
    delivery.attempts = 0
    delivery.next_attempt_at = now
    delivery.queued_at = now


def failed_summaries(case: Case, parties: list[str] | None = None) -> list[Delivery]:
    return [
        d
        for d in case.deliveries
        if d.kind == "summary" and d.status == "failed" and (parties is None or d.party in parties)
    ]


def resend_failed(case: Case, now: datetime, parties: list[str] | None = None) -> list[Delivery]:
    """Re-queue the case's failed summaries (of `parties`, when given); returns them."""
    again = failed_summaries(case, parties)
    for delivery in again:
        requeue(delivery, now)
    return again
