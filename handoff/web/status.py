"""The inwoner's status page (Dutch HTML) behind the status link, and erasure with a confirm step.

`GET /api/v1/cases/{reference}?token=` answers browsers (Accept: text/html) with this page and
API clients with JSON. The forms work without JavaScript: the button opens a confirm page,
whose form POSTs the token; an unknown or erased case gets a Dutch 404 page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from handoff import cases as service
from handoff import lifecycle
from handoff.delivery import inwoner
from handoff.deps import RateLimited, ServicesDep, SessionDep
from handoff.models import Case
from handoff.monitoring import impact
from handoff.web.pages import page
from routing import Catalogue
from routing.dutch import dutch_date

# Rate limited like the API path of the same page (the token is a secret to guess).
router = APIRouter(include_in_schema=False, dependencies=[RateLimited])

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
# Every party's status in words an inwoner understands (statuses: handoff.schemas).
STATUS_WORDS = {
    "nieuw": "Doorgestuurd, nog niet bekeken",
    "ontvangen": "Opgepakt",
    "opgepakt": "Opgepakt",
    "doorverwezen": "Doorverwezen naar een partner",
    "in behandeling": "Mee bezig",
    "afgerond": "Klaar",
    "niet passend": "Kan u hier niet mee helpen",
}
# The check-in's answers (handoff/web/checkin.py posts them).
ANSWERS = {
    "geholpen": "Ik ben geholpen",
    "wacht nog": "Ik wacht nog op antwoord",
    "nieuwe vraag": "Ik heb een nieuwe vraag",
}
# Personal data: never cached, never indexed.
PRIVATE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
OptionalToken = Annotated[str | None, Query(max_length=200)]


@dataclass(frozen=True)
class PartyView:
    name: str
    kind: str
    status: str
    note: str | None
    since: str


@dataclass(frozen=True)
class StatusView:
    """What the status page shows: names and Dutch dates only, never catalogue IDs."""

    reference: str
    asked: str
    sent_on: str
    lead_name: str
    reply_by: str
    status: str
    parties: list[PartyView]
    contact_team: str
    contact_email: str | None
    general_contact: str
    owner_team: str | None  # the team of the staff member who owns the case
    owner_person: str | None  # their name, only where the municipality enables it
    late: bool  # past the reply-by date without an answer
    escalated: bool  # and the coördinator was told
    may_subscribe: bool  # gave an e-mail address, has not (yet) asked for e-mails


def wants_html(request: Request) -> bool:
    """A browser following the link; API clients (application/json or */*) get JSON."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def _local_day(case: Case) -> date:
    return case.created_at.astimezone(LOCAL_TIME).date()


def owner_person(case: Case, catalogue: Catalogue) -> str | None:
    """The owner's name for the inwoner: only where the municipality enables a named contact."""
    return case.owner_name if catalogue.municipality.named_contact else None


def status_view(case: Case, catalogue: Catalogue, now: datetime) -> StatusView:
    regie_team = catalogue.loket_team
    lead = case.lead or regie_team
    team = catalogue.departments.get(lead)
    regie = catalogue.departments.get(regie_team)
    # The lead team's mailbox; a team without one is reached through the regie team.
    contact = lead if team and team.email else regie_team
    email = (team.email if team else None) or (regie.email if regie else None)
    parties = [
        PartyView(
            name=catalogue.name_of(a.party),
            kind="Team van de gemeente" if a.kind == "department" else "Partner",
            status=STATUS_WORDS.get(a.status, a.status),
            note=a.note,
            since=dutch_date(a.updated_at.astimezone(LOCAL_TIME).date()),
        )
        for a in case.assignments
    ]
    return StatusView(
        reference=case.reference,
        asked=str(case.intake.get("text") or "").strip(),
        sent_on=dutch_date(_local_day(case), year=True),
        lead_name=catalogue.name_of(lead),
        reply_by=dutch_date(date.fromisoformat(case.reply_by)),
        status=STATUS_WORDS.get(case.status, case.status),
        parties=parties,
        contact_team=catalogue.name_of(contact),
        contact_email=email,
        general_contact=catalogue.general_contact,
        owner_team=catalogue.name_of(case.owner_team) if case.owner_team else None,
        owner_person=owner_person(case, catalogue),
        late=lifecycle.is_overdue(case, now),
        escalated=case.escalated_at is not None,
        may_subscribe=bool(case.contact_email) and not case.notify and not case.closed_as,
    )


def _private(response: HTMLResponse, status_code: int = 200) -> HTMLResponse:
    """No caching, no indexing (the security headers come from handoff/headers.py)."""
    response.status_code = status_code
    response.headers.update(PRIVATE)
    return response


def private_page(
    request: Request,
    name: str,
    title: str,
    status_code: int = 200,
    case: Case | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page in the style of the case's municipality's site (default: the default one)."""
    if case is not None:
        context.update(municipality=case.municipality, site=f"/{case.municipality}")
    return _private(page(request, name, title=title, **context), status_code)


def not_found_page(request: Request) -> HTMLResponse:
    return private_page(request, "aanvraag-niet-gevonden.html", "Aanvraag niet gevonden", 404)


@dataclass
class Visit:
    """One request of an inwoner about a case (its reference from the path): the case behind
    a status token or an e-mail link's token, and the private pages about it."""

    request: Request
    reference: str
    session: SessionDep
    services: ServicesDep

    def case(self, token: str | None) -> Case | None:
        """The case of the status link's token; None for a wrong token or an erased case."""
        if not token or len(self.reference) > 40:
            return None
        return service.case_for_token(self.session, self.reference, token)

    def linked(self, purpose: str, token: str) -> Case | None:
        """The case of an e-mail link's token for `purpose` (handoff.delivery.inwoner)."""
        if inwoner.link_reference(self.services.secret_key, purpose, token) != self.reference:
            return None
        return service.case_by_reference(self.session, self.reference)

    def page(self, name: str, title: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return private_page(self.request, name, title, status_code, **context)

    def not_found(self) -> HTMLResponse:
        return not_found_page(self.request)

    def status_page(self, token: str | None) -> HTMLResponse:
        case = self.case(token)
        if case is None:
            return self.not_found()
        services = self.services
        view = status_view(case, services.catalogue_for(case.municipality), services.clock())
        # After the check-in mail, the page asks the same question until it is answered.
        asked = case.checkin_sent_at is not None and case.checkin_answer is None
        checkin = inwoner.link_token(services.secret_key, "check-in", case.reference)
        return self.page(
            "aanvraag.html",
            f"Uw aanvraag {case.reference}",
            case=case,
            v=view,
            token=token,
            checkin=checkin if asked else None,
            answers=ANSWERS,
            impact=impact_view(self.session, services, case),
        )


VisitDep = Annotated[Visit, Depends()]
FormToken = Annotated[str, Form(max_length=200)]


def status_page(
    request: Request, session: SessionDep, services: ServicesDep, reference: str, token: str | None
) -> HTMLResponse:
    """The status page (also the answer of the API's status URL to a browser)."""
    return Visit(request, reference, session, services).status_page(token)


def impact_view(session: SessionDep, services: ServicesDep, case: Case) -> dict[str, Any] | None:
    """The impact question on the status page: consent to it (only with an e-mail address),
    the question itself once it was sent, nothing once it was answered."""
    if not case.contact_email:
        return None
    outcome = impact.outcome_of(session, case)
    if outcome is not None and outcome.impact is not None:
        return None
    open_question = impact.open_question(session, case)
    return {
        "consent": case.impact_consent,
        "email": case.contact_email,
        "months": services.settings.impact_question_months,
        "municipality": services.catalogue_for(case.municipality).municipality.name,
        "answers": impact.ANSWERS,
        "max_chars": impact.NOTE_MAX_CHARS,
        "t": inwoner.link_token(services.secret_key, impact.LINK_PURPOSE, case.reference)
        if open_question is not None
        else None,
    }


@router.get("/aanvraag/{reference}", response_class=HTMLResponse)
def status(visit: VisitDep, token: OptionalToken = None) -> HTMLResponse:
    return visit.status_page(token)


@router.post("/aanvraag/{reference}/aanmelden", response_class=HTMLResponse)
def subscribe(visit: VisitDep, token: FormToken = "") -> HTMLResponse:
    """The inwoner agrees on the status page to e-mails at each status change and one
    check-in, to the address they gave in the conversation (the chat does not ask)."""
    case = visit.case(token)
    if case is None:
        return visit.not_found()
    if case.contact_email and not case.notify:
        case.notify = True
        lifecycle.record(case, "inwoner", "aangemeld", {}, visit.services.clock())
        visit.session.commit()
    return visit.status_page(token)


@router.post("/aanvraag/{reference}/impactvraag", response_model=None)
def impact_consent(
    visit: VisitDep,
    token: FormToken = "",
    keuze: Annotated[Literal["ja", "nee"] | None, Form()] = None,
) -> HTMLResponse | RedirectResponse:
    """Give ("ja") or withdraw ("nee") consent to the impact question; back to the page."""
    case = visit.case(token)
    if case is None or not case.contact_email or keuze is None:
        return visit.not_found()
    impact.set_consent(case, keuze == "ja", visit.services.clock())
    visit.session.commit()
    return RedirectResponse(
        f"/aanvraag/{case.reference}?token={quote(token)}#impactvraag", status_code=303
    )


@router.get("/aanvraag/{reference}/verwijderen", response_class=HTMLResponse)
def confirm_erasure(visit: VisitDep, token: OptionalToken = None) -> HTMLResponse:
    case = visit.case(token)
    if case is None:
        return visit.not_found()
    return visit.page(
        "aanvraag-verwijderen.html",
        f"Aanvraag {case.reference} verwijderen",
        case=case,
        reference=case.reference,
        token=token,
    )


@router.post("/aanvraag/{reference}/verwijderen", response_class=HTMLResponse)
def erase(visit: VisitDep, token: FormToken = "") -> HTMLResponse:
    """Erases exactly what `DELETE /api/v1/cases/{reference}` erases."""
    case = visit.case(token)
    if case is None:
        return visit.not_found()
    municipality = case.municipality
    service.erase_cases(visit.session, [case], visit.services.eraser)
    visit.session.commit()
    return visit.page(
        "aanvraag-verwijderd.html",
        "Aanvraag verwijderd",
        reference=visit.reference,
        municipality=municipality,
        site=f"/{municipality}",
    )
