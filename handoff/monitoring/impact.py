"""The impact question (#16): an inwoner who agreed to it gets one e-mail some months after
their case closed with its outcome (`LOKET_IMPACT_QUESTION_MONTHS`, default 6) and answers
"Wat heeft de hulp opgeleverd?" once, with one of a few choices and an optional short note.

The answer lands on the case's outcome (the note is free text: it goes with the case) and the
choice alone on its anonymised record, so the dashboard counts it after the purge too. The mail
is an outbox row (`kind` "impact", party "inwoner") like the check-in: handoff.delivery.inwoner
plans and writes it, the delivery worker's periodic round queues it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from handoff import lifecycle
from handoff.delivery import inwoner
from handoff.models import Case
from handoff.monitoring.models import IMPACT_ANSWERS, IMPACT_QUESTION, CaseOutcome
from handoff.monitoring.records import record_case

LINK_PURPOSE = inwoner.IMPACT_LINK
QUESTION = IMPACT_QUESTION
ANSWERS = IMPACT_ANSWERS
NOTE_MAX_CHARS = 300


def outcome_of(session: Session, case: Case) -> CaseOutcome | None:
    return session.get(CaseOutcome, case.id)


def open_question(session: Session, case: Case) -> CaseOutcome | None:
    """The outcome whose impact question was sent to this inwoner and is still unanswered;
    None when it was not sent, was answered, or the inwoner withdrew their consent."""
    if not case.impact_consent or case.impact_sent_at is None:
        return None
    outcome = outcome_of(session, case)
    return outcome if outcome is not None and outcome.impact is None else None


def set_consent(case: Case, agreed: bool, now: datetime) -> None:
    """Give or withdraw consent to the impact question; a change is an event on the timeline."""
    if case.impact_consent != agreed:
        case.impact_consent = agreed
        action = "toestemming impactvraag" if agreed else "toestemming impactvraag ingetrokken"
        lifecycle.record(case, "inwoner", action, {}, now)


def invalid(choice: str, note: str) -> str | None:
    """What is wrong with an answer, in Dutch for the inwoner; None when it is fine."""
    if choice not in ANSWERS:
        return "Kies een van de antwoorden."
    if len(note.strip()) > NOTE_MAX_CHARS:
        return f"Schrijf niet meer dan {NOTE_MAX_CHARS} tekens."
    return None


def answer(
    session: Session, case: Case, outcome: CaseOutcome, choice: str, note: str, now: datetime
) -> None:
    """Store the one answer on the outcome and the choice on the anonymised record."""
    outcome.impact = choice
    outcome.impact_note = note.strip()[:NOTE_MAX_CHARS] or None
    outcome.impact_at = now
    lifecycle.record(case, "inwoner", "impactvraag beantwoord", {"antwoord": choice}, now)
    session.flush()
    record_case(session, case)
