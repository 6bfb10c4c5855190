"""The inwoner's answers to Loket's e-mails: unsubscribe, the check-in ("Hoe gaat het met
uw initiatief?": geholpen, wacht nog or nieuwe vraag), which lands on the case's timeline, and
the impact question ("Wat heeft de hulp opgeleverd?", answered once: handoff.monitoring.impact).

The links carry a signed token for this one purpose (handoff.delivery.inwoner); the forms
POST it back. Rate limited like the status page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse

from handoff import lifecycle
from handoff.deps import RateLimited
from handoff.models import Case
from handoff.monitoring import impact
from handoff.monitoring.models import CaseOutcome
from handoff.web.status import ANSWERS, Visit, VisitDep

router = APIRouter(include_in_schema=False, dependencies=[RateLimited])

LinkToken = Annotated[str, Query(max_length=300)]
FormToken = Annotated[str, Form(max_length=300)]
Choice = Annotated[str, Form(max_length=32)]
FreeText = Annotated[str, Form(max_length=2000)]


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
    now = visit.services.clock()
    if case.notify or case.impact_consent:  # no e-mail at all any more, the impact question too
        case.notify = False
        impact.set_consent(case, False, now)
        lifecycle.record(case, "inwoner", "afgemeld", {}, now)
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
    visit: VisitDep, t: FormToken = "", answer: Choice = "", question: FreeText = ""
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


def _impact(visit: Visit, t: str, answer: str | None = None, note: str = "") -> HTMLResponse:
    """The impact question: its form (`answer` None), or the answer checked and stored once."""
    case = visit.linked(impact.LINK_PURPOSE, t)
    outcome = impact.outcome_of(visit.session, case) if case is not None else None
    if case is not None and outcome is not None and outcome.impact is not None:
        # Answered once: a thank-you with the first answer, which stays.
        return _impact_answered(visit, case, outcome, 200 if answer is None else 409)
    if case is None or outcome is None or impact.open_question(visit.session, case) is None:
        return visit.not_found()
    error = None if answer is None else impact.invalid(answer, note)
    if answer is None or error is not None:
        return visit.page(
            "inwoner-impact.html",
            impact.QUESTION,
            422 if error else 200,
            reference=visit.reference,
            case=case,
            t=t,
            answers=impact.ANSWERS,
            note=note,
            max_chars=impact.NOTE_MAX_CHARS,
            error=error,
        )
    impact.answer(visit.session, case, outcome, answer, note, visit.services.clock())
    visit.session.commit()
    return _impact_answered(visit, case, outcome)


def _impact_answered(
    visit: Visit, case: Case, outcome: CaseOutcome, status_code: int = 200
) -> HTMLResponse:
    answer = impact.ANSWERS.get(str(outcome.impact), "")
    return visit.page(
        "inwoner-impact-bedankt.html",
        "Dank u wel",
        status_code,
        reference=visit.reference,
        case=case,
        answer=answer,
    )


@router.get("/aanvraag/{reference}/wat-heeft-het-opgeleverd", response_class=HTMLResponse)
def impact_form(visit: VisitDep, t: LinkToken = "") -> HTMLResponse:
    return _impact(visit, t)


@router.post("/aanvraag/{reference}/wat-heeft-het-opgeleverd", response_class=HTMLResponse)
def impact_answer(
    visit: VisitDep, t: FormToken = "", answer: Choice = "", note: FreeText = ""
) -> HTMLResponse:
    return _impact(visit, t, answer, note)
