"""Escalation: a case past its reply-by date that the lead team has not answered is flagged
and mailed once to the municipality's coördinator.

The coördinator's address is `LOKET_COORDINATOR_EMAILS[<municipality>]`, else the loket
team's mailbox. The mail is an outbox row (`kind="escalation"`), retried and erased like any
delivery; it names the case reference, the teams and the dates, never the inwoner's details.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from email.message import EmailMessage

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from handoff import lifecycle
from handoff.delivery.mail import new_message
from handoff.delivery.outbox import new_delivery
from handoff.models import Case, Delivery
from handoff.partners import endpoints_for
from handoff.routing_engine import catalogue_of
from handoff.settings import Settings
from routing import Catalogue
from routing.dutch import dutch_date

KIND = "escalation"
ACTOR = "loket"


def coordinator(
    session: Session, case: Case, catalogue: Catalogue, settings: Settings
) -> tuple[str, str] | None:
    """(team, address) the escalation goes to, or None when nobody has a mailbox."""
    team = catalogue.loket_team
    address = settings.coordinator_emails.get(case.municipality)
    if address is None:
        address = endpoints_for(session, team, catalogue, settings.partners_file).email
    return (team, address) if address else None


def escalate_overdue(
    session: Session, catalogues: Mapping[str, Catalogue], settings: Settings, now: datetime
) -> list[Case]:
    """Flag every overdue case not escalated before, and queue its one mail; returns them."""
    overdue = select(Case).where(
        Case.status == "nieuw",
        Case.reply_by < lifecycle.local_today(now).isoformat(),
        Case.escalated_at.is_(None),
    )
    cases = []
    for case in session.scalars(overdue):
        # Claimed row by row, so two workers at once still escalate a case once.
        claim = (
            update(Case)
            .where(Case.id == case.id, Case.escalated_at.is_(None))
            .values(escalated_at=now)
            .execution_options(synchronize_session=False)
        )
        if session.execute(claim).rowcount != 1:  # type: ignore[attr-defined]
            continue
        cases.append(case)
        catalogue = catalogue_of(catalogues, case.municipality)
        case.escalated_at = now  # once, also when no mailbox is known: the list shows it
        target = coordinator(session, case, catalogue, settings)
        if target is not None:
            team, address = target
            case.deliveries.append(new_delivery(team, "email", address, now, kind=KIND))
        lifecycle.record(case, ACTOR, "geëscaleerd", {"aan": target[0] if target else None}, now)
    return cases


def escalation_message(
    delivery: Delivery, catalogue: Catalogue, settings: Settings
) -> EmailMessage:
    """Dutch e-mail to the coördinator: which case waits, since when, and who owns it."""
    case = delivery.case
    lead = catalogue.name_of(case.lead) if case.lead else "(geen team)"
    lines = [
        f"Aanvraag {case.reference} heeft nog geen antwoord van {lead}.",
        f"De inwoner had uiterlijk op {dutch_date(date.fromisoformat(case.reply_by))} "
        "antwoord moeten krijgen.",
        f"Eigenaar: {case.owner_name or 'nog niemand'}.",
        "",
        "Wat kunt u doen?",
        "1. Wijs de aanvraag toe aan een medewerker, of vraag het team om te reageren.",
        f"2. Open de werkplek (/medewerkers/aanvragen/{case.reference}).",
    ]
    subject = f"Te laat: aanvraag {case.reference} wacht op antwoord"
    return new_message(subject, settings.smtp_from, delivery.target, delivery.key, "\n".join(lines))
