"""The inwoner's answers to Loket's e-mails: unsubscribe, and the check-in ("Hoe gaat het met
uw initiatief?": geholpen, wacht nog or nieuwe vraag), which lands on the case's timeline.

The links carry a signed token for this one purpose (handoff.delivery.inwoner); the forms
POST it back. Rate limited like the status page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse

from handoff import lifecycle
from handoff.deps import RateLimited
from handoff.web.status import ANSWERS, Visit, VisitDep

router = APIRouter(include_in_schema=False, dependencies=[RateLimited])

LinkToken = Annotated[str, Query(max_length=300)]
FormToken = Annotated[str, Form(max_length=300)]


@router.get("/aanvraag/{reference}/afmelden", response_class=HTMLResponse)
def unsubscribe_form(visit: VisitDep, t: LinkToken = "") -> HTMLResponse:
    if visit.linked("afmelden", t) is None:
        return visit.not_found()
    title = "Afmelden voor e-mails"
    return visit.page("inwoner-afmelden.html", title, reference=visit.reference, t=t)


@router.post("/aanvraag/{reference}/afmelden", response_class=HTMLResponse)
def unsubscribe(visit: VisitDep, t: FormToken = "") -> HTMLResponse:
    case = visit.linked("afmelden", t)
    if case is None:
        return visit.not_found()
    if case.notify:
        case.notify = False
        lifecycle.record(case, "inwoner", "afgemeld", {}, visit.services.clock())
        visit.session.commit()
    return visit.page("inwoner-afgemeld.html", "U bent afgemeld", reference=visit.reference)


def _checkin_page(visit: Visit, t: str, error: str | None = None) -> HTMLResponse:
    return visit.page(
        "inwoner-hoe-gaat-het.html",
        "Hoe gaat het met uw initiatief?",
        422 if error else 200,
        reference=visit.reference,
        t=t,
        answers=ANSWERS,
        error=error,
    )


@router.get("/aanvraag/{reference}/hoe-gaat-het", response_class=HTMLResponse)
def checkin_form(visit: VisitDep, t: LinkToken = "") -> HTMLResponse:
    if visit.linked("check-in", t) is None:
        return visit.not_found()
    return _checkin_page(visit, t)


@router.post("/aanvraag/{reference}/hoe-gaat-het", response_class=HTMLResponse)
def checkin_answer(
    visit: VisitDep,
    t: FormToken = "",
    answer: Annotated[str, Form(max_length=32)] = "",
    question: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse:
    case = visit.linked("check-in", t)
    if case is None:
        return visit.not_found()
    if answer not in ANSWERS:
        return _checkin_page(visit, t, "Kies een van de drie antwoorden.")
    case.checkin_answer = answer
    detail = {"antwoord": answer, "vraag": question.strip() or None}
    lifecycle.record(case, "inwoner", "check-in beantwoord", detail, visit.services.clock())
    visit.session.commit()
    return visit.page(
        "inwoner-bedankt.html", "Dank u wel", reference=visit.reference, answer=answer
    )
