"""The beheerder's account pages in the workspace (/medewerkers/accounts...): the list, a new
account, and per account its audit trail, deactivation and a new password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from handoff import accounts
from handoff.deps import Services, ServicesDep, SessionDep
from handoff.models import StaffAccount
from handoff.web.session import AccountDep, sign_in
from handoff.web.status import LOCAL_TIME
from handoff.web.workspace import Csrf, forbidden, refused, workspace_page

router = APIRouter(prefix="/medewerkers/accounts", include_in_schema=False)

ACCOUNT_ACTIONS = ("deactiveren", "activeren", "wachtwoord")
Password = Annotated[str, Form(max_length=200)]


def _accounts_page(
    request: Request,
    session: Session,
    services: Services,
    account: StaffAccount,
    status_code: int = 200,
    error: str | None = None,
    made: str | None = None,
) -> HTMLResponse:
    catalogue = services.catalogue_for(account.municipality)
    return workspace_page(
        request,
        services,
        "werkplek-accounts.html",
        "Accounts",
        account,
        status_code,
        staff=accounts.accounts_of(session, account.municipality),
        roles=accounts.ROLE_NAMES,
        teams=catalogue.departments,
        error=error,
        made=made,
    )


def _own_account(session: Session, account: StaffAccount, account_id: int) -> StaffAccount:
    """An account of the beheerder's own municipality; another's looks like none."""
    found = session.get(StaffAccount, account_id)
    if found is None or found.municipality != account.municipality:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Account niet gevonden")
    return found


def _account_page(
    request: Request,
    session: Session,
    services: Services,
    account: StaffAccount,
    shown: StaffAccount,
    status_code: int = 200,
    error: str | None = None,
    done: str | None = None,
) -> HTMLResponse:
    events = [
        (e.at.astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M"), e.actor, e.action)
        for e in reversed(accounts.events_of(session, shown))
    ]
    return workspace_page(
        request,
        services,
        "werkplek-account.html",
        f"Account van {shown.name}",
        account,
        status_code,
        shown=shown,
        roles=accounts.ROLE_NAMES,
        events=events,
        error=error,
        done=done,
        min_password=accounts.MIN_PASSWORD,
    )


@router.get("", response_class=HTMLResponse)
def account_list(
    request: Request, session: SessionDep, services: ServicesDep, account: AccountDep
) -> HTMLResponse:
    if not accounts.may(account.role, "accounts"):
        return forbidden(request, services, account)
    return _accounts_page(request, session, services, account)


@router.post("", response_class=HTMLResponse)
def add_account(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    account: AccountDep,
    csrf: Csrf = "",
    email: Annotated[str, Form(max_length=320)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=16)] = "",
    team: Annotated[str, Form(max_length=64)] = "",
    password: Password = "",
) -> HTMLResponse:
    """A beheerder makes an account of their own municipality (the password they pass on)."""
    if (refusal := refused(request, services, account, csrf, "accounts")) is not None:
        return refusal
    catalogue = services.catalogue_for(account.municipality)
    try:
        if team and team not in catalogue.departments:
            raise accounts.AccountError("Kies een team uit de lijst.")
        made = accounts.create_account(
            session,
            email=email,
            name=name,
            municipality=account.municipality,
            role=role,
            team=team or None,
            password=password,
            now=services.clock(),
        )
    except accounts.AccountError as exc:
        session.rollback()
        return _accounts_page(request, session, services, account, 422, error=str(exc))
    session.commit()
    return _accounts_page(request, session, services, account, 201, made=made.name)


@router.get("/{account_id}", response_class=HTMLResponse)
def account_page(
    request: Request,
    account_id: int,
    session: SessionDep,
    services: ServicesDep,
    account: AccountDep,
) -> HTMLResponse:
    if not accounts.may(account.role, "accounts"):
        return forbidden(request, services, account)
    shown = _own_account(session, account, account_id)
    return _account_page(request, session, services, account, shown)


@router.post("/{account_id}/{action}", response_class=HTMLResponse)
def account_action(
    request: Request,
    account_id: int,
    action: str,
    session: SessionDep,
    services: ServicesDep,
    account: AccountDep,
    csrf: Csrf = "",
    password: Password = "",
) -> HTMLResponse:
    """Deactivate or activate an account, or give it a new password; audited."""
    if action not in ACCOUNT_ACTIONS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Onbekende actie")
    if (refusal := refused(request, services, account, csrf, "accounts")) is not None:
        return refusal
    shown = _own_account(session, account, account_id)
    now = services.clock()
    if action == "wachtwoord":
        try:
            accounts.reset_password(shown, password, account.name, now)
        except accounts.AccountError as exc:
            return _account_page(request, session, services, account, shown, 422, error=str(exc))
        done = "Het nieuwe wachtwoord is opgeslagen. Geef het persoonlijk door."
    elif shown.id == account.id:
        error = "U kunt uw eigen account niet (de)activeren. Vraag een andere beheerder."
        return _account_page(request, session, services, account, shown, 422, error=error)
    else:
        accounts.set_active(shown, action == "activeren", account.name, now)
        done = "Het account is weer actief." if shown.active else "Het account is gedeactiveerd."
    session.commit()
    response = _account_page(request, session, services, account, shown, done=done)
    if shown.id == account.id:
        sign_in(response, services, account)  # their own new password: stay signed in
    return response
