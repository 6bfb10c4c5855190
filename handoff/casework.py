"""What staff do with a case, for the API and the workspace pages alike: own, re-route,
assign, close, note and re-send. Every change is an event on the case's timeline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from handoff import cases as case_service
from handoff import lifecycle
from handoff.delivery.outbox import plan_deliveries, resend_failed
from handoff.models import Case
from handoff.routing_engine import RouterLike
from routing import Catalogue, Intake, IntakeError, Route
from routing.exclusion import without_parties


class OwnerTeamInvalid(ValueError):
    """Only staff of the lead team or the loket team can own a case; `args[1]` lists them."""


class NothingToResend(ValueError):
    """No summary of the case failed."""


def owner_teams(case: Case, catalogue: Catalogue) -> list[str]:
    """Teams whose staff may own the case: the lead team and the municipality's loket team."""
    return list(dict.fromkeys(t for t in (case.lead, catalogue.loket_team) if t))


def change_owner(
    case: Case, catalogue: Catalogue, name: str, team: str | None, actor: str, now: datetime
) -> None:
    allowed = owner_teams(case, catalogue)
    chosen = team or allowed[0]
    if chosen not in allowed:
        raise OwnerTeamInvalid(chosen, allowed)
    before = {"team": case.owner_team, "naam": case.owner_name}
    case.owner_team, case.owner_name = chosen, name
    detail = {"voor": before, "na": {"team": chosen, "naam": name}}
    lifecycle.record(case, actor, "eigenaar", detail, now)
    lifecycle.refresh(case, actor, now)


def close(case: Case, outcome: str, note: str | None, actor: str, now: datetime) -> None:
    case.closed_as = outcome
    lifecycle.record(case, actor, "gesloten", {"uitkomst": outcome, "note": note}, now)
    lifecycle.refresh(case, actor, now)


def add_note(case: Case, text: str, actor: str, now: datetime) -> None:
    lifecycle.record(case, actor, "notitie", {"tekst": text}, now)
    case.updated_at = now


def proposal(case: Case, router_: RouterLike) -> Route | None:
    """After a decline, the engine's route for the intake without the parties that declined."""
    declined = lifecycle.declined_parties(case)
    if case.returned_by is None or not declined:
        return None
    try:
        route = router_.route(Intake.model_validate(case.intake))
    except IntakeError:  # the catalogue changed since: staff assign by hand
        return None
    return without_parties(route, declined, router_.catalogue)


def deliver_again(
    session: Session,
    partners_file: Path | None,
    catalogue: Catalogue,
    case: Case,
    before: list[str],
    now: datetime,
) -> None:
    """After a re-route or assignment, parties added get the summary, and parties whose
    summary failed get it again."""
    parties = [a.party for a in case.assignments]
    new = [p for p in parties if p not in before]
    plan_deliveries(session, case, new, catalogue, partners_file, now)
    resend_failed(case, now, parties)
    case.updated_at = now


def reroute(
    session: Session,
    router_: RouterLike,
    partners_file: Path | None,
    case: Case,
    actor: str,
    now: datetime,
) -> None:
    """Route again with the current rules, without parties that declined; raises
    `routing.IntakeError` when the stored intake no longer fits the catalogue."""
    route = router_.route(Intake.model_validate(case.intake))
    before = [a.party for a in case.assignments]
    route = without_parties(route, lifecycle.declined_parties(case), router_.catalogue)
    case_service.apply_route(case, route, now, case_service.consent_of(case))
    case.returned_by = case.returned_reason = None
    deliver_again(session, partners_file, router_.catalogue, case, before, now)
    detail = {
        "voor": before,
        "na": [a.party for a in case.assignments],
        "rules_version": route.rules_version,
    }
    lifecycle.record(case, actor, "herrouterd", detail, now)
    lifecycle.refresh(case, actor, now)


def resend(case: Case, actor: str, now: datetime) -> None:
    again = resend_failed(case, now)
    if not again:
        raise NothingToResend(case.reference)
    lifecycle.record(
        case, actor, "opnieuw verstuurd", {"partijen": sorted({d.party for d in again})}, now
    )
    case.updated_at = now
