"""The inwoner's answers to Loket's e-mails: unsubscribe, and the check-in ("Hoe gaat het met
uw initiatief?": geholpen, wacht nog or nieuwe vraag), which lands on the case's timeline.

The links carry a signed token for this one purpose (handoff.delivery.inwoner); the forms
POST it back. Rate limited like the status page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse

from handoff import cases as service
from handoff import lifecycle
from handoff.delivery import inwoner
from handoff.deps import RateLimited, ServicesDep, SessionDep
from handoff.models import Case
from handoff.web.status import ANSWERS, not_found_page, private_page

router = APIRouter(include_in_schema=False, dependencies=[RateLimited])

LinkToken = Annotated[str, Query(max_length=300)]
FormToken = Annotated[str, Form(max_length=300)]


def _case(
    session: SessionDep, services: ServicesDep, purpose: str, reference: str, token: str
) -> Case | None:
    if inwoner.link_reference(services.secret_key, purpose, token) != reference:
        return None
    return service.case_by_reference(session, reference)


@router.get("/aanvraag/{reference}/afmelden", response_class=HTMLResponse)
def unsubscribe_form(
    request: Request, reference: str, session: SessionDep, services: ServicesDep, t: LinkToken = ""
) -> HTMLResponse:
    case = _case(session, services, "afmelden", reference, t)
    if case is None:
        return not_found_page(request)
    return private_page(
        request, "inwoner-afmelden.html", "Afmelden voor e-mails", reference=reference, t=t
    )


@router.post("/aanvraag/{reference}/afmelden", response_class=HTMLResponse)
def unsubscribe(
    request: Request, reference: str, session: SessionDep, services: ServicesDep, t: FormToken = ""
) -> HTMLResponse:
    case = _case(session, services, "afmelden", reference, t)
    if case is None:
        return not_found_page(request)
    if case.notify:
        case.notify = False
        lifecycle.record(case, "inwoner", "afgemeld", {}, services.clock())
        session.commit()
    return private_page(request, "inwoner-afgemeld.html", "U bent afgemeld", reference=reference)


def _checkin_page(
    request: Request, reference: str, t: str, error: str | None = None
) -> HTMLResponse:
    return private_page(
        request,
        "inwoner-hoe-gaat-het.html",
        "Hoe gaat het met uw initiatief?",
        422 if error else 200,
        reference=reference,
        t=t,
        answers=ANSWERS,
        error=error,
    )


@router.get("/aanvraag/{reference}/hoe-gaat-het", response_class=HTMLResponse)
def checkin_form(
    request: Request, reference: str, session: SessionDep, services: ServicesDep, t: LinkToken = ""
) -> HTMLResponse:
    case = _case(session, services, "check-in", reference, t)
    if case is None:
        return not_found_page(request)
    return _checkin_page(request, reference, t)


@router.post("/aanvraag/{reference}/hoe-gaat-het", response_class=HTMLResponse)
def checkin_answer(
    request: Request,
    reference: str,
    session: SessionDep,
    services: ServicesDep,
    t: FormToken = "",
    answer: Annotated[str, Form(max_length=32)] = "",
    question: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse:
    case = _case(session, services, "check-in", reference, t)
    if case is None:
        return not_found_page(request)
    if answer not in ANSWERS:
        return _checkin_page(request, reference, t, "Kies een van de drie antwoorden.")
    case.checkin_answer = answer
    detail = {"antwoord": answer, "vraag": question.strip() or None}
    lifecycle.record(case, "inwoner", "check-in beantwoord", detail, services.clock())
    session.commit()
    return private_page(
        request, "inwoner-bedankt.html", "Dank u wel", reference=reference, answer=answer
    )
