"""The case service: create (route, store, plan deliveries), look up, erase and purge cases."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handoff.conversations import ConversationEraser
from handoff.delivery.outbox import plan_deliveries
from handoff.models import Assignment, AuditEntry, Case, CaseTag
from handoff.monitoring.records import forget_cases, record_before_purge, record_case
from handoff.routing_engine import RouterLike
from handoff.schemas import CaseCreate, Contact
from handoff.security import hash_secret, new_reference, same_secret, status_token
from handoff.settings import Settings
from handoff.workdays import add_working_days
from routing import Catalogue, Route

log = logging.getLogger(__name__)


class ConsentMissing(ValueError):
    """A case can only be made with the inwoner's explicit consent."""


class IdempotencyConflict(ValueError):
    """The Idempotency-Key was used before with a different request body."""


class LeadNotConsented(ValueError):
    """The consented recipients leave out the lead team, which always receives the case."""


# The audit detail of the "aangemaakt" entry that holds the parties the inwoner agreed to.
CONSENT_KEY = "toestemming"


@dataclass(frozen=True)
class NewCase:
    case: Case
    token: str
    created: bool


def reply_days(settings: Settings, catalogue: Catalogue, department: str | None) -> int:
    """Working days a department of this catalogue takes to answer a new case.

    The operator's override (setting `reply_days`) wins; then the department's own `reply_days`
    in the catalogue; then the setting for the loket team or the general default.
    """
    if department is None:
        return settings.reply_days_default
    if department in settings.reply_days:
        return settings.reply_days[department]
    team = catalogue.departments.get(department)
    if team is not None and team.reply_days is not None:
        return team.reply_days
    if department == catalogue.loket_team:
        return settings.reply_days_loket_team
    return settings.reply_days_default


def reply_by(settings: Settings, catalogue: Catalogue, department: str | None, today: date) -> date:
    return add_working_days(today, reply_days(settings, catalogue, department))


def set_tags(case: Case, kind: str, values: list[str]) -> None:
    """Tag the case with these needs or SDGs (in this order); tags that stay keep their row."""
    existing = {t.tag: t for t in case.tags if t.kind == kind}
    wanted = list(dict.fromkeys(values))
    tags = [existing.get(tag) or CaseTag(kind=kind, tag=tag) for tag in wanted]
    for position, tag in enumerate(tags):
        tag.position = position
    case.tags[:] = [t for t in case.tags if t.kind != kind] + tags


def assign(case: Case, departments: list[str], partners: list[str], now: datetime) -> None:
    """Set the case's parties: these departments (the first leads) and partners.

    Parties that stay keep their reported status; parties no longer named are removed.
    """
    existing = {a.party: a for a in case.assignments}
    wanted: dict[str, str] = {}
    for party, kind in [(d, "department") for d in departments] + [
        (p, "partner") for p in partners
    ]:
        wanted.setdefault(party, kind)
    kept = []
    for position, (party, kind) in enumerate(wanted.items()):
        assignment = existing.get(party) or Assignment(
            party=party, kind=kind, status="nieuw", updated_at=now
        )
        assignment.kind = kind
        assignment.position = position
        kept.append(assignment)
    case.assignments[:] = kept
    case.lead = departments[0] if departments else None


def consented_recipients(route: Route, consented: list[str] | None) -> list[str]:
    """The parties of `route` the case goes to: `Route.recipients`, less those the inwoner
    left out (None: they agreed to all). The lead team cannot be left out."""
    recipients = route.recipients
    if consented is None:
        return recipients
    if route.lead is not None and route.lead not in consented:
        raise LeadNotConsented(route.lead)
    return [party for party in recipients if party in consented]


def consent_of(case: Case) -> list[str] | None:
    """The parties the inwoner agreed to when the case was made; None when not recorded
    (cases made before consent per party, or without a list: the whole route)."""
    for entry in case.audit:
        if entry.action == "aangemaakt" and isinstance(entry.detail.get(CONSENT_KEY), list):
            return [str(p) for p in entry.detail[CONSENT_KEY]]
    return None


def apply_route(
    case: Case, route: Route, now: datetime, consented: list[str] | None = None
) -> None:
    """Store the route and assign its recipients; with `consented`, only those parties (a
    re-route never adds a party the inwoner did not agree to)."""
    case.route = route.model_dump(mode="json")
    case.wijk = route.wijk
    set_tags(case, "need", [n.id for n in route.needs])
    set_tags(case, "sdg", [str(s) for s in route.sdgs])
    allowed = set(route.recipients if consented is None else consented)
    departments = [d for d in route.departments if d in allowed or d == route.lead]
    assign(case, departments, [p for p in route.partners if p in allowed], now)


def find_by_idempotency_key(session: Session, key: str) -> Case | None:
    return session.scalars(select(Case).where(Case.idempotency_key == key)).one_or_none()


def create_case(
    session: Session,
    router: RouterLike,
    settings: Settings,
    secret_key: str,
    body: CaseCreate,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> NewCase:
    """Route the intake, store the case and its outbox rows in one transaction.

    Raises `ConsentMissing`, `LeadNotConsented`, or `routing.IntakeError` for unknown
    catalogue IDs.
    """
    if not body.consent:
        raise ConsentMissing("consent")
    request_hash = _request_hash(body) if idempotency_key else None
    if idempotency_key is not None:
        existing = find_by_idempotency_key(session, idempotency_key)
        if existing is not None:
            return _replay(existing, secret_key, idempotency_key, request_hash)
    route = router.route(body.intake)
    recipients = consented_recipients(route, body.recipients)
    now = now or datetime.now(UTC)
    # The same on every attempt; only the reference is drawn anew.
    columns: dict[str, Any] = {
        "municipality": router.catalogue.municipality.id,
        "created_at": now,
        "updated_at": now,
        "status": "nieuw",
        "intake": body.intake.model_dump(mode="json"),
        "route": {},
        "reply_by": reply_by(settings, router.catalogue, route.lead, now.date()).isoformat(),
        "consent_at": now,
        **_contact_columns(body.contact),
        "callback_requested": body.callback_requested,
        "notify": body.notify,
        "impact_consent": body.impact_question,
        "conversation_id": body.conversation_id,
        "idempotency_key": idempotency_key,
        "request_hash": request_hash,
    }
    for _attempt in range(5):
        case = Case(reference=new_reference(now), **columns)
        token = status_token(secret_key, case.reference, idempotency_key)
        case.token_hash = hash_secret(token)
        apply_route(case, route, now, recipients)
        case.audit.append(
            AuditEntry(
                at=now,
                actor="inwoner",
                action="aangemaakt",
                detail={"lead": route.lead}
                if body.recipients is None
                else {"lead": route.lead, CONSENT_KEY: recipients},
            )
        )
        plan_deliveries(
            session,
            case,
            [a.party for a in case.assignments],
            router.catalogue,
            settings.partners_file,
            now,
        )
        session.add(case)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()  # the session held nothing but this case
            if idempotency_key is not None:
                existing = find_by_idempotency_key(session, idempotency_key)
                if existing is not None:
                    return _replay(existing, secret_key, idempotency_key, request_hash)
            continue  # the random reference was taken: draw another one
        record_case(session, case)  # its anonymised record, kept up to date (monitoring)
        log.info("case %s created, lead %s", case.reference, case.lead)
        return NewCase(case, token, created=True)
    raise RuntimeError("could not draw a free case reference")


# Fields added to CaseCreate after request hashes were first stored (revision 0002): left out
# of the hash while at their default, so a retry of a request stored before they existed
# still matches its hash instead of being refused as a conflict.
_FIELDS_ADDED_LATER = ("callback_requested", "recipients", "notify", "impact_question")


def _contact_columns(contact: Contact | None) -> dict[str, str | None]:
    """The case's contact columns: only what the inwoner chose to give, else empty."""
    given = contact or Contact()
    return {
        "contact_name": given.name,
        "contact_email": given.email,
        "contact_phone": given.phone,
        "contact_time": given.preferred_time,
    }


def _request_hash(body: CaseCreate) -> str:
    exclude: dict[str, Any] = {
        name: True
        for name in _FIELDS_ADDED_LATER
        if getattr(body, name) == CaseCreate.model_fields[name].default
    }
    if body.intake.municipality is None:  # added to the intake later (revision 0006)
        exclude["intake"] = {"municipality"}
    return hash_secret(body.model_dump_json(exclude=exclude))


def _replay(case: Case, secret_key: str, key: str, request_hash: str | None) -> NewCase:
    if case.request_hash is not None and case.request_hash != request_hash:
        raise IdempotencyConflict(key)
    return NewCase(case, status_token(secret_key, case.reference, key), created=False)


def case_by_reference(session: Session, reference: str) -> Case | None:
    return session.scalars(select(Case).where(Case.reference == reference)).one_or_none()


def case_for_token(session: Session, reference: str, token: str) -> Case | None:
    """The case if `token` is its status token; None otherwise (same answer for both)."""
    case = case_by_reference(session, reference)
    matches = same_secret(token, case.token_hash if case else None)
    return case if matches else None


def erase_cases(session: Session, cases: list[Case], eraser: ConversationEraser) -> int:
    """Delete cases with their parties, deliveries and audit, and their conversations."""
    conversations = [c.conversation_id for c in cases if c.conversation_id]
    forget_cases(session, cases)
    for case in cases:
        session.delete(case)
    session.flush()
    eraser.erase(conversations)
    return len(cases)


def cases_of_conversation(session: Session, conversation_id: str) -> list[Case]:
    return list(session.scalars(select(Case).where(Case.conversation_id == conversation_id)))


def erase_conversation(
    session: Session, conversation_id: str, eraser: ConversationEraser
) -> list[str]:
    """Erase the cases made in a conversation (as `erase_cases`) and the conversation itself,
    also when it led to no case. Returns the references of the erased cases."""
    cases = cases_of_conversation(session, conversation_id)
    references = [c.reference for c in cases]
    erase_cases(session, cases, eraser)
    if not cases:
        eraser.erase([conversation_id])
    return references


def purge(
    session: Session, eraser: ConversationEraser, older_than_days: int, now: datetime | None = None
) -> int:
    """Erase every case created more than `older_than_days` days ago, keeping an anonymised
    record of each (handoff.monitoring.records)."""
    limit = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
    old = list(session.scalars(select(Case).where(Case.created_at < limit)))
    record_before_purge(session, old)
    return erase_cases(session, old, eraser)
