"""Alerts: a delivery that failed for good is e-mailed to the lead team's mailbox.

The alert is an outbox row itself (`kind="alert"`, channel e-mail), so it is retried and
erased like any delivery and goes through the same mail path. It names the case reference,
the parties and the error, never the inwoner's contact details.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from sqlalchemy.orm import Session

from handoff.delivery.mail import new_message
from handoff.delivery.outbox import new_delivery
from handoff.models import Case, Delivery
from handoff.partners import endpoints_for
from handoff.settings import Settings
from routing import Catalogue

CHANNEL_NAMES = {"webhook": "koppeling (webhook)", "email": "e-mail"}


def lead_mailbox(
    session: Session, case: Case, catalogue: Catalogue, settings: Settings
) -> tuple[str, str] | None:
    """(team, address): the lead team's mailbox, else the fallback team's (by default the
    municipality's loket team)."""
    for team in (case.lead, settings.alert_fallback_department or catalogue.loket_team):
        if team:
            email = endpoints_for(session, team, catalogue, settings.partners_file).email
            if email:
                return team, email
    return None


def plan_alert(
    session: Session, case: Case, catalogue: Catalogue, settings: Settings, now: datetime
) -> Delivery | None:
    """Queue one alert for the case, unless one is still waiting to be sent."""
    if any(d.kind == "alert" and d.status == "pending" for d in case.deliveries):
        return None
    mailbox = lead_mailbox(session, case, catalogue, settings)
    if mailbox is None:
        return None
    team, address = mailbox
    alert = new_delivery(team, "email", address, now, kind="alert")
    case.deliveries.append(alert)
    return alert


def alert_message(alert: Delivery, catalogue: Catalogue, settings: Settings) -> EmailMessage:
    """Dutch e-mail to the team: which summaries did not arrive, and how to re-send them."""
    case = alert.case
    failed = [d for d in case.deliveries if d.kind == "summary" and d.status == "failed"]
    lines = [
        f"De samenvatting van aanvraag {case.reference} is niet aangekomen bij:",
        "",
    ]
    for delivery in failed or []:
        lines.append(
            f"- {catalogue.name_of(delivery.party)} via "
            f"{CHANNEL_NAMES.get(delivery.channel, delivery.channel)}: "
            f"{delivery.attempts} pogingen sinds "
            f"{(delivery.queued_at or delivery.created_at).strftime('%d-%m-%Y %H:%M')} UTC; "
            f"laatste fout: {delivery.last_error or 'onbekend'}"
        )
    if not failed:
        lines.append("- (de levering is inmiddels opnieuw verstuurd of gewist)")
    lines += [
        "",
        "Wat kunt u doen?",
        "1. Neem contact op met de partner, of geef de aanvraag zelf door.",
        f"2. Open de lijst van initiatieven (/medewerkers), zoek {case.reference} en kies "
        "'Opnieuw versturen' zodra de partner weer bereikbaar is.",
    ]
    subject = f"Niet afgeleverd: aanvraag {case.reference}"
    return new_message(subject, settings.smtp_from, alert.target, alert.key, "\n".join(lines))
