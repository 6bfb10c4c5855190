"""The case lifecycle: nieuw → opgepakt → in behandeling → doorverwezen → afgerond / niet passend.

Each party (assignment) keeps the status it reported itself; the case status is derived from
the lead team's status, the other parties' and the owner's actions (`refresh`), so it is never
simply whatever was reported last. A party that declines sends the case back to its owner.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from handoff.delivery import inwoner
from handoff.models import Assignment, AuditEntry, Case

CASE_STATES: tuple[str, ...] = (
    "nieuw",
    "opgepakt",
    "in behandeling",
    "doorverwezen",
    "afgerond",
    "niet passend",
)
CLOSED_STATES: tuple[str, ...] = ("afgerond", "niet passend")
# "ontvangen" is the older word for "opgepakt" that partners' clients may still send.
PICKED_UP = frozenset({"opgepakt", "ontvangen"})
ACTIVE = frozenset({"opgepakt", "ontvangen", "in behandeling"})
DECLINED = "niet passend"
PARTNER_NOTE = "notitie partner"  # a partner's note for the owner: no status change
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")


def lead_assignment(case: Case) -> Assignment | None:
    lead = case.lead
    return next((a for a in case.assignments if a.party == lead), None)


def derive_status(case: Case) -> str:
    """The case status from its parties and its owner; see the module docstring."""
    if case.closed_as:
        return case.closed_as
    lead = lead_assignment(case)
    lead_status = lead.status if lead is not None else "nieuw"
    others = [a.status for a in case.assignments if a is not lead]
    if lead_status == "nieuw" and not case.owner_name:
        return "nieuw"  # the lead team has not replied: a partner's report does not change that
    if lead_status in CLOSED_STATES:
        if any(s in ACTIVE for s in others):
            return "doorverwezen"  # the lead team is done; a partner is working on it
        if lead_status == "afgerond" or "afgerond" in others:
            return "afgerond"
        return DECLINED
    if lead_status == "in behandeling":
        return "in behandeling"
    if any(s in ACTIVE for s in others):
        return "doorverwezen"
    return "opgepakt"


def record(case: Case, actor: str, action: str, detail: dict[str, Any], now: datetime) -> None:
    """One event on the case's timeline (the audit table)."""
    case.audit.append(AuditEntry(at=now, actor=actor[:80], action=action, detail=detail))


def refresh(case: Case, actor: str, now: datetime) -> None:
    """Derive the case status again; a change is an event of its own on the timeline."""
    before, after = case.status, derive_status(case)
    case.updated_at = now
    if after != before:
        case.status = after
        record(case, actor, "status gewijzigd", {"voor": before, "na": after}, now)
        inwoner.plan_status_mail(case, now)  # only when they agreed to e-mails


def local_today(now: datetime) -> date:
    return now.astimezone(LOCAL_TIME).date()


def is_overdue(case: Case, now: datetime) -> bool:
    """Past its reply-by date while the lead team has not replied (nobody picked it up)."""
    return case.status == "nieuw" and local_today(now) > date.fromisoformat(case.reply_by)


def declined_parties(case: Case) -> list[str]:
    """Parties other than the lead team that said the case does not fit them."""
    return [a.party for a in case.assignments if a.status == DECLINED and a.party != case.lead]
