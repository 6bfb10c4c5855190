"""What every workspace page shares: the page itself (private, with the CSRF token and the
role's permissions), the sign-in page, and `Desk`, one signed-in request with its checks
(CSRF and permission, "Geen toegang", a case of the account's own municipality)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse

from handoff import accounts
from handoff import cases as case_service
from handoff.deps import Services, ServicesDep, SessionDep
from handoff.models import Case, StaffAccount
from handoff.web.pages import page
from handoff.web.session import AccountDep, check_csrf, csrf_token, keep_csrf
from handoff.web.status import PRIVATE, STATUS_WORDS

Csrf = Annotated[str, Form(max_length=100)]
Text = Annotated[str, Form(max_length=4000)]


def workspace_page(
    request: Request,
    services: Services,
    name: str,
    title: str,
    account: StaffAccount | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    response = page(
        request,
        name,
        title=title,
        account=account,
        role_name=accounts.ROLE_NAMES.get(account.role, "") if account else "",
        may=(lambda p: accounts.may(account.role, p)) if account else (lambda p: False),
        may_close=lambda c: (
            account is not None
            and accounts.may_on_case(account, "close", (c.owner_name, c.owner_team))
        ),
        csrf=csrf_token(request),
        status_words=STATUS_WORDS,
        # The sign-in page's buttons: each municipality's identity provider (workspace_sso).
        providers=[] if account else list(services.settings.oidc_providers.items()),
        **context,
    )
    response.status_code = status_code
    response.headers.update(PRIVATE)
    keep_csrf(request, response, services)
    return response


def login_page(
    request: Request,
    services: Services,
    status_code: int = 200,
    error: str | None = None,
    email: str = "",
) -> HTMLResponse:
    """The sign-in page: the password form and the identity providers' buttons, with why the
    last attempt failed."""
    return workspace_page(
        request,
        services,
        "werkplek-inloggen.html",
        "Inloggen",
        None,
        status_code,
        error=error,
        email=email,
    )


@dataclass
class Desk:
    """One request of a signed-in staff member (a browser without a session is sent to the
    sign-in page before any route runs)."""

    request: Request
    session: SessionDep
    services: ServicesDep
    account: AccountDep

    def page(self, name: str, title: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return workspace_page(
            self.request, self.services, name, title, self.account, status_code, **context
        )

    def forbidden(self) -> HTMLResponse:
        return self.page("werkplek-geen-toegang.html", "Geen toegang", 403)

    def refused(self, csrf: str, permission: str, case: Case | None = None) -> HTMLResponse | None:
        """A form's checks: its CSRF token (else 403), and the role's permission, or the
        owner's on their own case (else the Dutch "Geen toegang" page); None: go on."""
        check_csrf(self.request, csrf)
        owner = (case.owner_name, case.owner_team) if case is not None else (None, None)
        if accounts.may_on_case(self.account, permission, owner):
            return None
        return self.forbidden()

    def own_case(self, reference: str) -> Case:
        """A case of the account's municipality; another's looks like none."""
        case = case_service.case_by_reference(self.session, reference[:40])
        if case is None or case.municipality != self.account.municipality:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Aanvraag niet gevonden")
        return case


DeskDep = Annotated[Desk, Depends()]
