"""The staff workspace (/medewerkers/...): sign in with a personal account, the list of
initiatives with search and CSV, a case page with its timeline and actions, and a form for a
question that came by phone, mail or at the counter. Works without JavaScript."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from limits import RateLimitItemPerMinute
from pydantic import ValidationError

from handoff import accounts, casework, lifecycle, repositories
from handoff import cases as case_service
from handoff.deps import ServicesDep, SessionDep
from handoff.intake_summary import initiative_title
from handoff.models import Case
from handoff.ratelimit import client_address
from handoff.schemas import CaseCreate
from handoff.web.desk import Csrf, Desk, DeskDep, Text, login_page
from handoff.web.receipts import status_url
from handoff.web.session import (
    check_csrf,
    sign_in,
    sign_out,
)
from handoff.web.status import LOCAL_TIME, PRIVATE, STATUS_WORDS
from handoff.web.timeline import describe
from routing import IntakeError
from routing.dutch import dutch_date

router = APIRouter(prefix="/medewerkers", include_in_schema=False)

ACTIONS = {
    "oppakken": "take",
    "eigenaar": "assign",
    "herrouteren": "reroute",
    "sluiten": "close",
    "notitie": "note",
    "opnieuw-versturen": "resend",
}


@router.get("/inloggen", response_class=HTMLResponse)
def login_form(request: Request, services: ServicesDep) -> HTMLResponse:
    return login_page(request, services)


@router.post("/inloggen", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    csrf: Csrf = "",
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    check_csrf(request, csrf)
    limit = [RateLimitItemPerMinute(services.settings.login_attempts_per_minute)]
    by_address = services.limiter.hit(limit, "login", client_address(request), exact=True)
    by_email = services.limiter.hit(limit, "login-email", accounts.normal_email(email), exact=True)
    if by_address is not None or by_email is not None:
        error = "Te veel pogingen. Wacht een minuut en probeer het opnieuw."
        response = login_page(request, services, 429, error)
        response.headers["Retry-After"] = str(round(max(by_address or 0, by_email or 0)) or 60)
        return response
    account = accounts.authenticate(session, email, password)
    if account is None:
        error = "Dit e-mailadres en wachtwoord horen niet bij een account."
        return login_page(request, services, 401, error, email)
    session.commit()  # a rehashed password
    signed = RedirectResponse("/medewerkers/aanvragen", status.HTTP_303_SEE_OTHER)
    sign_in(signed, services, account)
    return signed


@router.post("/uitloggen")
def logout(request: Request, csrf: Csrf = "") -> Response:
    check_csrf(request, csrf)
    response = RedirectResponse("/medewerkers/inloggen", status.HTTP_303_SEE_OTHER)
    sign_out(response)
    return response


@dataclass(frozen=True)
class ListQuery:
    """The list's search and filters (the page and its CSV take the same)."""

    q: Annotated[str | None, Query(max_length=100)] = None
    state: Annotated[str | None, Query(max_length=32)] = None
    overdue: bool = False
    mine: bool = False

    def cases(self, desk: Desk) -> list[Case]:
        return repositories.search_cases(
            desk.session,
            municipality=desk.account.municipality,
            q=self.q or None,
            status=self.state or None,
            overdue_on=lifecycle.local_today(desk.services.clock()) if self.overdue else None,
            owner=desk.account.name if self.mine else None,
            limit=500,
        )


Listing = Annotated[ListQuery, Depends()]


@router.get("/aanvragen", response_class=HTMLResponse)
def case_list(desk: DeskDep, listing: Listing) -> HTMLResponse:
    catalogue = desk.services.catalogue_for(desk.account.municipality)
    now = desk.services.clock()
    rows = [
        {
            "reference": c.reference,
            "title": initiative_title(c) or "(geen beschrijving)",
            "wijk": c.wijk or "",
            "needs": ", ".join(catalogue.needs.get(n, n) for n in c.tagged("need")),
            "owner": c.owner_name or "",
            "status": STATUS_WORDS.get(c.status, c.status),
            "overdue": lifecycle.is_overdue(c, now),
            "returned": c.returned_by is not None,
        }
        for c in listing.cases(desk)
    ]
    return desk.page(
        "werkplek-lijst.html",
        "Initiatieven",
        rows=rows,
        q=listing.q or "",
        state=listing.state or "",
        overdue=listing.overdue,
        mine=listing.mine,
        states=lifecycle.CASE_STATES,
        csv_query=desk.request.url.query,
    )


@router.get("/aanvragen.csv")
def case_csv(desk: DeskDep, listing: Listing) -> Response:
    now = desk.services.clock()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["referentie", "initiatief", "wijk", "behoeften", "eigenaar", "status", "te_laat"]
    )
    for c in listing.cases(desk):
        writer.writerow(
            [
                c.reference,
                initiative_title(c),
                c.wijk or "",
                ";".join(c.tagged("need")),
                c.owner_name or "",
                c.status,
                "ja" if lifecycle.is_overdue(c, now) else "nee",
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="initiatieven.csv"', **PRIVATE},
    )


@router.get("/aanvragen/{reference}", response_class=HTMLResponse)
def case_page(
    reference: str, desk: DeskDep, error: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    case = desk.own_case(reference)
    router_ = desk.services.router_for(case.municipality)
    catalogue = router_.catalogue
    now = desk.services.clock()
    staff = [
        a
        for a in accounts.accounts_of(desk.session, desk.account.municipality)
        if a.active and a.team in casework.owner_teams(case, catalogue)
    ]
    return desk.page(
        "werkplek-aanvraag.html",
        f"Aanvraag {case.reference}",
        c=case,
        title_text=initiative_title(case),
        catalogue=catalogue,
        reasons=[r.get("reden", "") for r in case.route.get("reasons", [])],
        parties=[
            (catalogue.name_of(a.party), STATUS_WORDS.get(a.status, a.status), a.note)
            for a in case.assignments
        ],
        timeline=[
            (
                a.at.astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M"),
                a.actor,
                describe(a, catalogue),
            )
            for a in reversed(case.audit)
        ],
        overdue=lifecycle.is_overdue(case, now),
        reply_by=dutch_date(date.fromisoformat(case.reply_by)),
        proposal=casework.proposal(case, router_),
        failed=any(d.kind == "summary" and d.status == "failed" for d in case.deliveries),
        staff=staff,
        error=error,
    )


@router.post("/aanvragen/{reference}/{action}")
def case_action(
    reference: str,
    action: str,
    desk: DeskDep,
    csrf: Csrf = "",
    text: Text = "",
    owner: Annotated[int | None, Form()] = None,
    outcome: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    check_csrf(desk.request, csrf)
    permission = ACTIONS.get(action)
    if permission is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Onbekende actie")
    case = desk.own_case(reference)
    if (refusal := desk.refused(csrf, permission, case)) is not None:
        return refusal
    router_ = desk.services.router_for(case.municipality)
    now, actor = desk.services.clock(), desk.account.name
    error = None
    try:
        if action == "oppakken":
            casework.change_owner(case, router_.catalogue, actor, desk.account.team, actor, now)
        elif action == "eigenaar":
            chosen = next(
                (
                    a
                    for a in accounts.accounts_of(desk.session, desk.account.municipality)
                    if a.id == owner
                ),
                None,
            )
            if chosen is None:
                error = "Kies een medewerker."
            else:
                casework.change_owner(case, router_.catalogue, chosen.name, chosen.team, actor, now)
        elif action == "herrouteren":
            casework.reroute(
                desk.session, router_, desk.services.settings.partners_file, case, actor, now
            )
        elif action == "sluiten":
            if outcome not in lifecycle.CLOSED_STATES:
                error = "Kies hoe de aanvraag afloopt."
            else:
                casework.close(case, outcome, text.strip() or None, actor, now)
        elif action == "notitie":
            if not text.strip():
                error = "Schrijf eerst een notitie."
            else:
                casework.add_note(case, text.strip(), actor, now)
        else:
            casework.resend(case, actor, now)
    except casework.OwnerTeamInvalid:
        error = "Alleen iemand van het regieteam of het loket-team kan eigenaar zijn."
    except casework.NothingToResend:
        error = "Er is geen mislukte verzending om opnieuw te versturen."
    except IntakeError:
        error = "De aanvraag past niet meer bij de catalogus; wijs hem met de hand toe."
    if error is None:
        desk.session.commit()
        target = f"/medewerkers/aanvragen/{case.reference}"
    else:
        desk.session.rollback()
        target = f"/medewerkers/aanvragen/{case.reference}?error={quote(error)}"
    return RedirectResponse(target, status.HTTP_303_SEE_OTHER)


CHANNELS = {"telefoon": "telefoon", "mail": "e-mail", "balie": "balie"}


@router.get("/nieuw", response_class=HTMLResponse)
def register_form(desk: DeskDep) -> HTMLResponse:
    if not accounts.may(desk.account.role, "register"):
        return desk.forbidden()
    catalogue = desk.services.catalogue_for(desk.account.municipality)
    return desk.page(
        "werkplek-nieuw.html",
        "Vraag registreren",
        catalogue=catalogue,
        channels=CHANNELS,
        values={},
    )


@router.post("/nieuw", response_class=HTMLResponse)
def register(
    desk: DeskDep,
    csrf: Csrf = "",
    text: Text = "",
    channel: Annotated[str, Form(max_length=16)] = "",
    needs: Annotated[list[str] | None, Form(max_length=20)] = None,
    wijk: Annotated[str, Form(max_length=64)] = "",
    contact_name: Annotated[str, Form(max_length=200)] = "",
    contact_email: Annotated[str, Form(max_length=320)] = "",
    contact_phone: Annotated[str, Form(max_length=40)] = "",
    consent: Annotated[str, Form(max_length=8)] = "",
    consent_note: Annotated[str, Form(max_length=500)] = "",
) -> HTMLResponse:
    if (refusal := desk.refused(csrf, "register")) is not None:
        return refusal
    router_ = desk.services.router_for(desk.account.municipality)
    catalogue = router_.catalogue
    values = {
        "text": text,
        "channel": channel,
        "needs": needs or [],
        "wijk": wijk,
        "contact_name": contact_name,
        "contact_email": contact_email,
        "contact_phone": contact_phone,
        "consent_note": consent_note,
    }
    errors = []
    if channel not in CHANNELS:
        errors.append("Kies hoe de vraag binnenkwam.")
    if not text.strip():
        errors.append("Beschrijf het initiatief in de woorden van de inwoner.")
    if consent != "ja":
        errors.append("Zonder toestemming van de inwoner kan de vraag niet worden doorgestuurd.")
    contact = {
        key: value.strip()
        for key, value in (
            ("name", contact_name),
            ("email", contact_email),
            ("phone", contact_phone),
        )
        if value.strip()
    }
    body = None
    if not errors:
        try:
            body = CaseCreate.model_validate(
                {
                    "intake": {
                        "text": text.strip(),
                        "needs": needs or [],
                        "wijk": wijk or None,
                        "municipality": desk.account.municipality,
                    },
                    "consent": True,
                    "contact": contact or None,
                }
            )
        except ValidationError as exc:
            fields = {str(e["loc"][-1]) for e in exc.errors()}
            errors.append("Controleer " + ", ".join(sorted(fields)) + ": die waarde klopt niet.")

    def again(problems: list[str]) -> HTMLResponse:
        """The form once more, with what the staff member typed and what is wrong."""
        return desk.page(
            "werkplek-nieuw.html",
            "Vraag registreren",
            422,
            catalogue=catalogue,
            channels=CHANNELS,
            values=values,
            errors=problems,
        )

    if body is None:
        return again(errors)
    now = desk.services.clock()
    try:
        made = case_service.create_case(
            desk.session, router_, desk.services.settings, desk.services.secret_key, body, now=now
        )
    except IntakeError as exc:
        return again([str(exc)])
    case = made.case
    lifecycle.record(
        case,
        desk.account.name,
        "geregistreerd",
        {
            "kanaal": channel,
            "toestemming_door": desk.account.name,
            "toestemming": consent_note.strip() or "mondeling gegeven",
        },
        now,
    )
    desk.session.commit()
    base = (desk.services.settings.public_base_url or str(desk.request.base_url)).rstrip("/")
    return desk.page(
        "werkplek-geregistreerd.html",
        "Vraag geregistreerd",
        201,
        reference=case.reference,
        link=status_url(base, case.reference, made.token).replace("/api/v1/cases/", "/aanvraag/"),
        lead=catalogue.name_of(case.lead) if case.lead else None,
    )
