"""E-mails to the inwoner who agreed to them: a note when the case status changes, and one
check-in ("Hoe gaat het met uw initiatief?") after `LOKET_CHECKIN_WEEKS`.

Each is an outbox row (`kind` "notify" or "checkin", party "inwoner") sent through the same
SMTP path, retried and erased with the case. Every mail has an unsubscribe link; the check-in
links to a page where the inwoner answers. Both links carry a signed token for that one
purpose (itsdangerous), not the status token, of which only a hash is stored.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from itsdangerous import BadSignature, URLSafeSerializer
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff import lifecycle
from handoff.delivery.mail import new_message
from handoff.delivery.outbox import new_delivery
from handoff.models import Case, Delivery
from handoff.settings import Settings
from routing import Catalogue

NOTIFY, CHECKIN = "notify", "checkin"
PARTY = "inwoner"
STATUS_WORDS = {
    "opgepakt": "iemand van de gemeente heeft uw vraag opgepakt",
    "in behandeling": "de gemeente is met uw vraag bezig",
    "doorverwezen": "een partner is met uw vraag bezig",
    "afgerond": "uw vraag is afgerond",
    "niet passend": "de gemeente kan u hier niet mee helpen",
}
_templates = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
    autoescape=False,  # plain-text mail
    keep_trailing_newline=True,
)


def link_token(secret_key: str, purpose: str, reference: str) -> str:
    return URLSafeSerializer(secret_key, salt=f"loket-{purpose}").dumps(reference)


def link_reference(secret_key: str, purpose: str, token: str) -> str | None:
    """The case reference a link token was made for; None for a wrong or altered one."""
    try:
        value = URLSafeSerializer(secret_key, salt=f"loket-{purpose}").loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, str) else None


def wants_mail(case: Case) -> bool:
    return case.notify and bool(case.contact_email)


def plan_status_mail(case: Case, now: datetime) -> None:
    """Queue a status mail for the inwoner (called when the derived status changes)."""
    if wants_mail(case) and case.status in STATUS_WORDS:
        case.deliveries.append(
            new_delivery(PARTY, "email", str(case.contact_email), now, kind=NOTIFY)
        )


def plan_checkins(session: Session, settings: Settings, now: datetime) -> list[Case]:
    """Queue the one check-in of every case that is old enough and still open."""
    due = select(Case).where(
        Case.notify.is_(True),
        Case.contact_email.is_not(None),
        Case.checkin_sent_at.is_(None),
        Case.created_at <= now - timedelta(weeks=settings.checkin_weeks),
        Case.status.not_in(lifecycle.CLOSED_STATES),
    )
    cases = list(session.scalars(due))
    for case in cases:
        case.checkin_sent_at = now
        case.deliveries.append(
            new_delivery(PARTY, "email", str(case.contact_email), now, kind=CHECKIN)
        )
        lifecycle.record(case, "loket", "check-in verstuurd", {}, now)
    return cases


def base_url(settings: Settings) -> str:
    return (settings.public_base_url or f"http://{settings.api_host}:{settings.api_port}").rstrip(
        "/"
    )


def inwoner_message(
    delivery: Delivery, catalogue: Catalogue, settings: Settings, secret_key: str
) -> EmailMessage:
    case = delivery.case
    base = base_url(settings)
    reference = case.reference
    unsubscribe = (
        f"{base}/aanvraag/{reference}/afmelden?t={link_token(secret_key, 'afmelden', reference)}"
    )
    context = {
        "reference": reference,
        "status": STATUS_WORDS.get(case.status, case.status),
        "lead": catalogue.name_of(case.lead) if case.lead else catalogue.municipality.name,
        "municipality": catalogue.municipality.name,
        "general_contact": catalogue.general_contact,
        "unsubscribe": unsubscribe,
        "checkin": f"{base}/aanvraag/{reference}/hoe-gaat-het?t="
        f"{link_token(secret_key, 'check-in', reference)}",
    }
    name = "inwoner-checkin.txt" if delivery.kind == CHECKIN else "inwoner-status.txt"
    subject = (
        "Hoe gaat het met uw initiatief?"
        if delivery.kind == CHECKIN
        else f"Nieuws over uw aanvraag {reference}"
    )
    text = _templates.get_template(name).render(**context)
    message = new_message(subject, settings.smtp_from, delivery.target, delivery.key, text)
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    return message
