"""The outbox worker: claims due deliveries, sends them side by side, and retries with backoff.

A claim moves `next_attempt_at` one lease ahead, so a second worker (or the in-app loop)
does not send the same row at the same time; a worker that dies mid-delivery leaves the row
to be retried after the lease with the same idempotency key, which receivers dedupe on.

Sends run in a thread pool with at most `delivery_per_target` at once to one host, and the
loop never waits for them: a partner that hangs holds up only its own rows, never another
partner's. A row is retried until it is `delivery_max_age_hours` old; then it is `failed`,
and the lead team gets an alert e-mail (handoff.delivery.alerts).
"""

from __future__ import annotations

import json
import logging
import signal
import ssl
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from types import FrameType
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select, update

from handoff.db import Database
from handoff.delivery import inwoner
from handoff.delivery.alerts import alert_message, plan_alert
from handoff.delivery.escalation import KIND as ESCALATION
from handoff.delivery.escalation import escalate_overdue, escalation_message
from handoff.delivery.mail import send_mail, summary_message
from handoff.delivery.webhook import DeliveryFailed, post_webhook
from handoff.intake_summary import build_summary
from handoff.models import Delivery, Heartbeat
from handoff.partners import endpoints_for
from handoff.routing_engine import as_catalogues, catalogue_of
from handoff.security import load_secret
from handoff.settings import Settings
from routing import Catalogue

Catalogues = Mapping[str, Catalogue]

log = logging.getLogger(__name__)

HEARTBEAT = "delivery-worker"
ESCALATION_EVERY = timedelta(minutes=1)  # overdue cases are looked for this often
Clock = Callable[[], datetime]


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def utc_now() -> datetime:
    return datetime.now(UTC)


def target_key(channel: str, target: str) -> str:
    """What the per-target limit counts: a webhook's host, an e-mail address's domain."""
    if channel == "webhook":
        return "webhook:" + (urlsplit(target).netloc or target).lower()
    return "email:" + target.rsplit("@", 1)[-1].lower()


def _claim(
    db: Database,
    settings: Settings,
    now: datetime,
    limit: int,
    busy: Counter[str],
    skip: set[int] | None = None,
) -> list[tuple[int, str]]:
    """(id, target key) of due deliveries this worker now owns for one lease; a target that
    already has `delivery_per_target` sends in flight gets none, and `skip` ids are left."""
    lease_end = now + timedelta(seconds=settings.delivery_lease_seconds)
    due = select(Delivery.id, Delivery.channel, Delivery.target).where(
        Delivery.status == "pending", Delivery.next_attempt_at <= now
    )
    if not settings.smtp_host:  # e-mail waits until an SMTP server is configured
        due = due.where(Delivery.channel != "email")
    if skip:
        due = due.where(Delivery.id.not_in(skip))
    with db.transaction() as session:
        candidates = list(
            session.execute(due.order_by(Delivery.next_attempt_at, Delivery.id).limit(limit * 4))
        )
    taken = Counter(busy)
    claimed: list[tuple[int, str]] = []
    for delivery_id, channel, target in candidates:
        key = target_key(channel, target)
        if len(claimed) >= limit or taken[key] >= settings.delivery_per_target:
            continue
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
                claimed.append((delivery_id, key))
                taken[key] += 1
    return claimed


def backoff(settings: Settings, attempts: int) -> timedelta:
    seconds = settings.delivery_backoff_seconds * 2 ** min(40, max(0, attempts - 1))
    return timedelta(seconds=min(seconds, settings.delivery_backoff_max_seconds))


def expired(settings: Settings, delivery: Delivery, now: datetime) -> bool:
    """Out of time (and, when a cap is set, out of attempts): the row fails for good."""
    start = delivery.queued_at or delivery.created_at
    if now - start >= timedelta(hours=settings.delivery_max_age_hours):
        return True
    cap = settings.delivery_max_attempts
    return cap is not None and delivery.attempts >= cap


def _send(
    db: Database, settings: Settings, catalogues: Catalogues, client: httpx.Client, delivery_id: int
) -> None:
    with db.session() as session:
        delivery = session.get(Delivery, delivery_id)
        if delivery is None:  # the case was erased meanwhile
            return
        catalogue = catalogue_of(catalogues, delivery.case.municipality)
        if delivery.kind == "alert":
            send_mail(settings, alert_message(delivery, catalogue, settings))
            return
        if delivery.kind == ESCALATION:
            send_mail(settings, escalation_message(delivery, catalogue, settings))
            return
        if delivery.kind in inwoner.KINDS:
            key = load_secret(settings.secret_key, settings.secret_key_file, "LOKET_SECRET_KEY")
            send_mail(settings, inwoner.inwoner_message(delivery, catalogue, settings, key))
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


def _record(
    db: Database,
    settings: Settings,
    catalogues: Catalogues,
    delivery_id: int,
    error: str | None,
    now: datetime,
) -> str:
    with db.transaction() as session:
        delivery = session.get(Delivery, delivery_id)
        if delivery is None:
            return "erased"
        if error is None:
            delivery.status, delivery.delivered_at, delivery.last_error = "delivered", now, None
        else:
            delivery.last_error = error[:500]
            if expired(settings, delivery, now):
                delivery.status = "failed"
                log.warning(
                    "delivery %s (%s to %s) failed for good after %s attempts",
                    delivery.id,
                    delivery.kind,
                    delivery.party,
                    delivery.attempts,
                )
                if delivery.kind == "summary":
                    catalogue = catalogue_of(catalogues, delivery.case.municipality)
                    plan_alert(session, delivery.case, catalogue, settings, now)
            else:
                delivery.next_attempt_at = now + backoff(settings, delivery.attempts)
        return delivery.status


def beat(db: Database, now: datetime, name: str = HEARTBEAT) -> None:
    """Record that `name` is alive (read by /health)."""
    with db.transaction() as session:
        row = session.get(Heartbeat, name)
        if row is None:
            session.add(Heartbeat(name=name, beat_at=now))
        else:
            row.beat_at = now


class DeliveryWorker:
    """Claims due rows each `tick` and sends them in a thread pool, without waiting for them."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        catalogues: Catalogue | Mapping[str, Catalogue],
        clock: Clock = utc_now,
        once_each: bool = False,
    ) -> None:
        self.db, self.settings, self.clock = db, settings, clock
        self.catalogues = as_catalogues(catalogues)  # by municipality: each case uses its own
        # For one round (`deliver_due`): every row is tried at most once.
        self.seen: set[int] | None = set() if once_each else None
        self.pool = ThreadPoolExecutor(settings.delivery_concurrency, "delivery")
        self._client: httpx.Client | None = None
        self.in_flight: dict[Future[str], str] = {}
        self.outcomes: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._next_escalation: datetime | None = None

    def escalate(self) -> int:
        """Flag overdue cases and queue their escalation mail, and queue due check-ins and
        impact questions (at most once a minute)."""
        now = self.clock()
        if self._next_escalation is not None and now < self._next_escalation:
            return 0
        self._next_escalation = now + ESCALATION_EVERY
        with self.db.transaction() as session:
            escalated = escalate_overdue(session, self.catalogues, self.settings, now)
            checked = inwoner.plan_checkins(session, self.settings, now)
            asked = inwoner.plan_impact_questions(session, self.settings, now)
            return len(escalated) + len(checked) + len(asked)

    def tick(self) -> int:
        """Start sending what is due and has a free slot; returns how many were started."""
        self.escalate()
        with self._lock:
            self.in_flight = {f: k for f, k in self.in_flight.items() if not f.done()}
            free = self.settings.delivery_concurrency - len(self.in_flight)
            if free <= 0:
                return 0
            busy = Counter(self.in_flight.values())
            claimed = _claim(self.db, self.settings, self.clock(), free, busy, self.seen)
            for delivery_id, key in claimed:
                if self.seen is not None:
                    self.seen.add(delivery_id)
                self.in_flight[self.pool.submit(self._deliver, delivery_id)] = key
            return len(claimed)

    @property
    def client(self) -> httpx.Client:
        """One pooled HTTP client, made on the first webhook (it costs tens of milliseconds)."""
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    timeout=self.settings.webhook_timeout_seconds, verify=_tls_context()
                )
            return self._client

    def _deliver(self, delivery_id: int) -> str:
        error = None
        try:
            _send(self.db, self.settings, self.catalogues, self.client, delivery_id)
        except DeliveryFailed as exc:
            error = str(exc)
        except Exception as exc:  # a bug must not stop other deliveries
            log.exception("delivery %s crashed", delivery_id)
            error = f"internal error: {type(exc).__name__}"
        outcome = _record(self.db, self.settings, self.catalogues, delivery_id, error, self.clock())
        log.info("delivery %s: %s", delivery_id, outcome)
        with self._lock:
            self.outcomes[outcome] += 1
        return outcome

    def drain(self, timeout: float | None = None) -> None:
        """Wait for the sends in flight (at most `timeout` seconds)."""
        with self._lock:
            pending = list(self.in_flight)
        wait(pending, timeout=timeout)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self._client is not None:
            self._client.close()


def deliver_due(
    db: Database,
    settings: Settings,
    catalogues: Catalogue | Mapping[str, Catalogue],
    limit: int | None = None,
    now: datetime | None = None,
) -> dict[str, int]:
    """One round: send every due delivery once and wait for them. Counts by resulting status.

    `now` fixes the worker's clock (tests move time with it)."""
    clock = (lambda: now) if now else utc_now
    worker = DeliveryWorker(db, settings, catalogues, clock=clock, once_each=True)
    try:
        while worker.tick():
            # Waits for the sends of this tick; the next tick takes rows of a busy target.
            worker.drain()
            if limit is not None and sum(worker.outcomes.values()) >= limit:
                break
    finally:
        worker.close()
    return dict(worker.outcomes)


def run_worker(
    db: Database,
    settings: Settings,
    catalogues: Catalogue | Mapping[str, Catalogue],
    once: bool = False,
) -> None:
    """`loket worker`: deliver until SIGTERM/SIGINT (or one round with `once`)."""
    if once:
        deliver_due(db, settings, catalogues)
        beat(db, utc_now())
        return
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    worker = DeliveryWorker(db, settings, catalogues)
    log.info("delivery worker started (every %s s)", settings.delivery_interval_seconds)
    try:
        while not stop.is_set():
            try:
                beat(db, utc_now())
                worker.tick()
            except Exception:  # e.g. the database is locked for a moment: try again
                log.exception("delivery round failed")
            stop.wait(settings.delivery_interval_seconds)
    finally:
        # Sends in flight end within the webhook timeout; an unfinished one is retried after
        # its lease with the same idempotency key.
        worker.drain(settings.webhook_timeout_seconds)
        worker.close()
        log.info("delivery worker stopped")
