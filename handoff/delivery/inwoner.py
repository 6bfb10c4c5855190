"""E-mails to the inwoner who agreed to them: a note when the case status changes, one
check-in ("Hoe gaat het met uw initiatief?") after `LOKET_CHECKIN_WEEKS`, and one impact
question ("Wat heeft de hulp opgeleverd?") `LOKET_IMPACT_QUESTION_MONTHS` after the case
closed with its outcome (its own consent: handoff.monitoring.impact).

Each is an outbox row (`kind` "notify", "checkin" or "impact", party "inwoner") sent through the
same SMTP path, retried and erased with the case. Every mail has an unsubscribe link; the
check-in and the impact question link to a page where the inwoner answers. The links carry a
signed token for that one purpose (itsdangerous), not the status token, of which only a hash
is stored.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from itsdangerous import BadSignature, URLSafeSerializer
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from handoff import lifecycle
from handoff.delivery.mail import new_message
from handoff.delivery.outbox import new_delivery
from handoff.models import Case, Delivery
from handoff.monitoring.models import IMPACT_ANSWERS, IMPACT_QUESTION, CaseOutcome
from handoff.settings import Settings
from routing import Catalogue

NOTIFY, CHECKIN, IMPACT = "notify", "checkin", "impact"
KINDS = (NOTIFY, CHECKIN, IMPACT)
IMPACT_LINK = "impact"  # the purpose of the impact question's link token
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


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when the
    earlier month is shorter)."""
    year, month0 = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, monthrange(year, month0 + 1)[1])
    return moment.replace(year=year, month=month0 + 1, day=day)


def plan_impact_questions(session: Session, settings: Settings, now: datetime) -> list[Case]:
    """Queue the one impact question of every case that closed with its outcome long enough
    ago, whose inwoner agreed to it and has not answered it."""
    closed_before = months_before(now, settings.impact_question_months)
    due = (
        select(Case)
        .join(CaseOutcome, CaseOutcome.case_id == Case.id)
        .where(
            Case.impact_consent.is_(True),
            Case.contact_email.is_not(None),
            Case.impact_sent_at.is_(None),
            CaseOutcome.impact.is_(None),
            CaseOutcome.closed_at <= closed_before,
        )
    )
    cases = []
    for case in session.scalars(due):
        # Claimed row by row (as the escalation), so two workers at once still ask once.
        claim = (
            update(Case)
            .where(Case.id == case.id, Case.impact_sent_at.is_(None))
            .values(impact_sent_at=now)
            .execution_options(synchronize_session=False)
        )
        if session.execute(claim).rowcount != 1:  # type: ignore[attr-defined]
            continue
        case.impact_sent_at = now
        case.deliveries.append(
            new_delivery(PARTY, "email", str(case.contact_email), now, kind=IMPACT)
        )
        lifecycle.record(case, "loket", "impactvraag verstuurd", {}, now)
        cases.append(case)
    return cases


def answer_link(base: str, secret_key: str, reference: str, kind: str) -> str:
    """The page where the inwoner answers the check-in or the impact question."""
    if kind == IMPACT:
        path, purpose = "wat-heeft-het-opgeleverd", IMPACT_LINK
    else:
        path, purpose = "hoe-gaat-het", "check-in"
    return f"{base}/aanvraag/{reference}/{path}?t={link_token(secret_key, purpose, reference)}"


# Per kind of mail: its template and subject ({reference} is filled in).
MAILS = {
    NOTIFY: ("inwoner-status.txt", "Nieuws over uw aanvraag {reference}"),
    CHECKIN: ("inwoner-checkin.txt", "Hoe gaat het met uw initiatief?"),
    IMPACT: ("inwoner-impact.txt", IMPACT_QUESTION),
}


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
        "answer_link": answer_link(base, secret_key, reference, delivery.kind),
        "answers": IMPACT_ANSWERS.values(),
        "months": settings.impact_question_months,
    }
    name, subject = MAILS.get(delivery.kind, MAILS[NOTIFY])
    text = _templates.get_template(name).render(**context)
    message = new_message(
        subject.format(reference=reference), settings.smtp_from, delivery.target, delivery.key, text
    )
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    return message
