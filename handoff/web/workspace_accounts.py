"""The beheerder's account pages in the workspace (/medewerkers/accounts...): the list, a new
account, and per account its audit trail, deactivation and a new password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, status
from fastapi.responses import HTMLResponse

from handoff import accounts
from handoff.models import StaffAccount
from handoff.web.desk import Csrf, Desk, DeskDep
from handoff.web.session import sign_in
from handoff.web.status import LOCAL_TIME

router = APIRouter(prefix="/medewerkers/accounts", include_in_schema=False)

ACCOUNT_ACTIONS = ("deactiveren", "activeren", "wachtwoord")
Password = Annotated[str, Form(max_length=200)]


def _accounts_page(desk: Desk, status_code: int = 200, **context: str) -> HTMLResponse:
    """The list and the form for a new account (`error` or `made`: the last attempt)."""
    return desk.page(
        "werkplek-accounts.html",
        "Accounts",
        status_code,
        staff=accounts.accounts_of(desk.session, desk.account.municipality),
        roles=accounts.ROLE_NAMES,
        teams=desk.services.catalogue_for(desk.account.municipality).departments,
        **context,
    )


def _own_account(desk: Desk, account_id: int) -> StaffAccount:
    """An account of the beheerder's own municipality; another's looks like none."""
    found = desk.session.get(StaffAccount, account_id)
    if found is None or found.municipality != desk.account.municipality:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Account niet gevonden")
    return found


def _account_page(
    desk: Desk, shown: StaffAccount, status_code: int = 200, **context: str
) -> HTMLResponse:
    """One account with its audit trail (`error` or `done`: the last action)."""
    events = [
        (e.at.astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M"), e.actor, e.action)
        for e in reversed(accounts.events_of(desk.session, shown))
    ]
    return desk.page(
        "werkplek-account.html",
        f"Account van {shown.name}",
        status_code,
        shown=shown,
        roles=accounts.ROLE_NAMES,
        events=events,
        min_password=accounts.MIN_PASSWORD,
        **context,
    )


@router.get("", response_class=HTMLResponse)
def account_list(desk: DeskDep) -> HTMLResponse:
    if not accounts.may(desk.account.role, "accounts"):
        return desk.forbidden()
    return _accounts_page(desk)


@router.post("", response_class=HTMLResponse)
def add_account(
    desk: DeskDep,
    csrf: Csrf = "",
    email: Annotated[str, Form(max_length=320)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=16)] = "",
    team: Annotated[str, Form(max_length=64)] = "",
    password: Password = "",
) -> HTMLResponse:
    """A beheerder makes an account of their own municipality (the password they pass on)."""
    if (refusal := desk.refused(csrf, "accounts")) is not None:
        return refusal
    catalogue = desk.services.catalogue_for(desk.account.municipality)
    try:
        if team and team not in catalogue.departments:
            raise accounts.AccountError("Kies een team uit de lijst.")
        made = accounts.create_account(
            desk.session,
            email=email,
            name=name,
            municipality=desk.account.municipality,
            role=role,
            team=team or None,
            password=password,
            now=desk.services.clock(),
        )
    except accounts.AccountError as exc:
        desk.session.rollback()
        return _accounts_page(desk, 422, error=str(exc))
    desk.session.commit()
    return _accounts_page(desk, 201, made=made.name)


@router.get("/{account_id}", response_class=HTMLResponse)
def account_page(account_id: int, desk: DeskDep) -> HTMLResponse:
    if not accounts.may(desk.account.role, "accounts"):
        return desk.forbidden()
    return _account_page(desk, _own_account(desk, account_id))


@router.post("/{account_id}/{action}", response_class=HTMLResponse)
def account_action(
    account_id: int, action: str, desk: DeskDep, csrf: Csrf = "", password: Password = ""
) -> HTMLResponse:
    """Deactivate or activate an account, or give it a new password; audited."""
    if action not in ACCOUNT_ACTIONS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Onbekende actie")
    if (refusal := desk.refused(csrf, "accounts")) is not None:
        return refusal
    shown, me = _own_account(desk, account_id), desk.account
    now = desk.services.clock()
    if action == "wachtwoord":
        try:
            accounts.reset_password(shown, password, me.name, now)
        except accounts.AccountError as exc:
            return _account_page(desk, shown, 422, error=str(exc))
        done = "Het nieuwe wachtwoord is opgeslagen. Geef het persoonlijk door."
    elif shown.id == me.id:
        error = "U kunt uw eigen account niet (de)activeren. Vraag een andere beheerder."
        return _account_page(desk, shown, 422, error=error)
    else:
        accounts.set_active(shown, action == "activeren", me.name, now)
        done = "Het account is weer actief." if shown.active else "Het account is gedeactiveerd."
    desk.session.commit()
    response = _account_page(desk, shown, done=done)
    if shown.id == me.id:
        sign_in(response, desk.services, me)  # their own new password: stay signed in
    return response
