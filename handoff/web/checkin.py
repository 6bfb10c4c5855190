"""The inwoner's answers to Loket's e-mails: unsubscribe, the check-in ("Hoe gaat het met
uw initiatief?": geholpen, wacht nog or nieuwe vraag), which lands on the case's timeline, and
the impact question ("Wat heeft de hulp opgeleverd?", answered once: handoff.monitoring.impact).

The links carry a signed token for this one purpose (handoff.delivery.inwoner); the forms
POST it back. Rate limited like the status page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from handoff import cases as service
from handoff import lifecycle
from handoff.delivery import inwoner
from handoff.deps import RateLimited, Services, ServicesDep, SessionDep
from handoff.models import Case
from handoff.monitoring import impact
from handoff.monitoring.models import CaseOutcome
from handoff.web.status import ANSWERS, not_found_page, private_page

router = APIRouter(include_in_schema=False, dependencies=[RateLimited])

LinkToken = Annotated[str, Query(max_length=300)]
FormToken = Annotated[str, Form(max_length=300)]
Choice = Annotated[str, Form(max_length=32)]
FreeText = Annotated[str, Form(max_length=2000)]


@dataclass(frozen=True)
class Visit:
    """A request to one of these pages about the case `reference`."""

    request: Request
    reference: str
    session: Session
    services: Services

    def case(self, purpose: str, token: str) -> Case | None:
        """The case, if `token` is its link token for `purpose`."""
        key = self.services.secret_key
        if inwoner.link_reference(key, purpose, token) != self.reference:
            return None
        return service.case_by_reference(self.session, self.reference)

    def page(self, name: str, title: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return private_page(
            self.request, name, title, status_code, reference=self.reference, **context
        )

    def not_found(self) -> HTMLResponse:
        return not_found_page(self.request)


def _visit(request: Request, reference: str, session: SessionDep, services: ServicesDep) -> Visit:
    return Visit(request, reference, session, services)


VisitDep = Annotated[Visit, Depends(_visit)]


@router.get("/aanvraag/{reference}/afmelden", response_class=HTMLResponse)
def unsubscribe_form(visit: VisitDep, t: LinkToken = "") -> HTMLResponse:
    if visit.case("afmelden", t) is None:
        return visit.not_found()
    return visit.page("inwoner-afmelden.html", "Afmelden voor e-mails", t=t)


@router.post("/aanvraag/{reference}/afmelden", response_class=HTMLResponse)
def unsubscribe(visit: VisitDep, t: FormToken = "") -> HTMLResponse:
    case = visit.case("afmelden", t)
    if case is None:
        return visit.not_found()
    now = visit.services.clock()
    if case.notify or case.impact_consent:  # no e-mail at all any more, the impact question too
        case.notify = False
        impact.set_consent(case, False, now)
        lifecycle.record(case, "inwoner", "afgemeld", {}, now)
        visit.session.commit()
    return visit.page("inwoner-afgemeld.html", "U bent afgemeld")


def _checkin_page(visit: Visit, t: str, error: str | None = None) -> HTMLResponse:
    title = "Hoe gaat het met uw initiatief?"
    status_code = 422 if error else 200
    return visit.page(
        "inwoner-hoe-gaat-het.html", title, status_code, t=t, answers=ANSWERS, error=error
    )


@router.get("/aanvraag/{reference}/hoe-gaat-het", response_class=HTMLResponse)
def checkin_form(visit: VisitDep, t: LinkToken = "") -> HTMLResponse:
    if visit.case("check-in", t) is None:
        return visit.not_found()
    return _checkin_page(visit, t)


@router.post("/aanvraag/{reference}/hoe-gaat-het", response_class=HTMLResponse)
def checkin_answer(
    visit: VisitDep, t: FormToken = "", answer: Choice = "", question: FreeText = ""
) -> HTMLResponse:
    case = visit.case("check-in", t)
    if case is None:
        return visit.not_found()
    if answer not in ANSWERS:
        return _checkin_page(visit, t, "Kies een van de drie antwoorden.")
    case.checkin_answer = answer
    detail = {"antwoord": answer, "vraag": question.strip() or None}
    lifecycle.record(case, "inwoner", "check-in beantwoord", detail, visit.services.clock())
    visit.session.commit()
    return visit.page("inwoner-bedankt.html", "Dank u wel", answer=answer)


def _impact(visit: Visit, t: str, answer: str | None = None, note: str = "") -> HTMLResponse:
    """The impact question: its form (`answer` None), or the answer checked and stored once."""
    case = visit.case(impact.LINK_PURPOSE, t)
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
        "inwoner-impact-bedankt.html", "Dank u wel", status_code, case=case, answer=answer
    )


@router.get("/aanvraag/{reference}/wat-heeft-het-opgeleverd", response_class=HTMLResponse)
def impact_form(visit: VisitDep, t: LinkToken = "") -> HTMLResponse:
    return _impact(visit, t)


@router.post("/aanvraag/{reference}/wat-heeft-het-opgeleverd", response_class=HTMLResponse)
def impact_answer(
    visit: VisitDep, t: FormToken = "", answer: Choice = "", note: FreeText = ""
) -> HTMLResponse:
    return _impact(visit, t, answer, note)
