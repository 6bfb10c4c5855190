"""The inwoner's answers to Loket's e-mails: unsubscribe, the check-in ("Hoe gaat het met
uw initiatief?": geholpen, wacht nog or nieuwe vraag), which lands on the case's timeline, and
the impact question ("Wat heeft de hulp opgeleverd?", answered once: handoff.monitoring.impact).

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
from handoff.monitoring import impact
from handoff.monitoring.models import CaseOutcome
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
    now = services.clock()
    if case.notify or case.impact_consent:  # no e-mail at all any more, the impact question too
        case.notify = False
        impact.set_consent(case, False, now)
        lifecycle.record(case, "inwoner", "afgemeld", {}, now)
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


def _impact_page(
    request: Request, case: Case, t: str, error: str | None = None, note: str = ""
) -> HTMLResponse:
    return private_page(
        request,
        "inwoner-impact.html",
        impact.QUESTION,
        422 if error else 200,
        case=case,
        reference=case.reference,
        t=t,
        answers=impact.ANSWERS,
        note=note,
        max_chars=impact.NOTE_MAX_CHARS,
        error=error,
    )


def _impact_answered(
    request: Request, case: Case, outcome: CaseOutcome, status_code: int = 200
) -> HTMLResponse:
    return private_page(
        request,
        "inwoner-impact-bedankt.html",
        "Dank u wel",
        status_code,
        case=case,
        reference=case.reference,
        answer=impact.ANSWERS.get(str(outcome.impact), ""),
    )


def _answered_outcome(session: SessionDep, case: Case | None) -> CaseOutcome | None:
    outcome = impact.outcome_of(session, case) if case is not None else None
    return outcome if outcome is not None and outcome.impact is not None else None


@router.get("/aanvraag/{reference}/wat-heeft-het-opgeleverd", response_class=HTMLResponse)
def impact_form(
    request: Request, reference: str, session: SessionDep, services: ServicesDep, t: LinkToken = ""
) -> HTMLResponse:
    case = _case(session, services, impact.LINK_PURPOSE, reference, t)
    answered = _answered_outcome(session, case)
    if case is not None and answered is not None:
        return _impact_answered(request, case, answered)
    if case is None or impact.open_question(session, case) is None:
        return not_found_page(request)
    return _impact_page(request, case, t)


@router.post("/aanvraag/{reference}/wat-heeft-het-opgeleverd", response_class=HTMLResponse)
def impact_answer(
    request: Request,
    reference: str,
    session: SessionDep,
    services: ServicesDep,
    t: FormToken = "",
    answer: Annotated[str, Form(max_length=32)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse:
    case = _case(session, services, impact.LINK_PURPOSE, reference, t)
    answered = _answered_outcome(session, case)
    if case is not None and answered is not None:  # answered once: the first answer stays
        return _impact_answered(request, case, answered, 409)
    outcome = impact.open_question(session, case) if case is not None else None
    if case is None or outcome is None:
        return not_found_page(request)
    if answer not in impact.ANSWERS:
        return _impact_page(request, case, t, "Kies een van de antwoorden.", note)
    if len(note.strip()) > impact.NOTE_MAX_CHARS:
        error = f"Schrijf niet meer dan {impact.NOTE_MAX_CHARS} tekens."
        return _impact_page(request, case, t, error, note)
    impact.answer(session, case, outcome, answer, note, services.clock())
    session.commit()
    return _impact_answered(request, case, outcome)
