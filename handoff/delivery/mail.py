"""E-mail delivery over SMTP: the summary as plain text (Markdown) with an HTML alternative."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from handoff.delivery.webhook import DeliveryFailed
from handoff.intake_summary import IntakeSummary, render_html, render_markdown
from handoff.settings import Settings


def new_message(subject: str, sender: str, to: str, key: str, text: str) -> EmailMessage:
    """A plain-text mail of one outbox row; `key` is its idempotency key."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    # The same Message-ID on every retry lets a mailbox or receiving script dedupe.
    message["Message-ID"] = make_msgid(idstring=key, domain="loket.invalid")
    message["Idempotency-Key"] = key
    message.set_content(text)
    return message


def summary_message(summary: IntakeSummary, sender: str, to: str, key: str) -> EmailMessage:
    subject = (
        f"Nieuwe aanvraag {summary.referentie}: graag reageren vóór "
        f"{summary.reageren_voor.strftime('%d-%m-%Y')}"
    )
    message = new_message(subject, sender, to, key, render_markdown(summary))
    message.add_alternative(render_html(summary), subtype="html")
    return message


def send_mail(settings: Settings, message: EmailMessage) -> None:
    if not settings.smtp_host:
        raise DeliveryFailed("no SMTP server configured (LOKET_SMTP_HOST)")
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.webhook_timeout_seconds
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username and settings.smtp_password:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryFailed(f"{type(exc).__name__}: {exc}") from exc
