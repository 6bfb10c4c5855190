"""The inwoner's side of a case: create it with consent, follow its status, erase it."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import (
    APIRouter,
    Depends,
    Header,
    HTTPException,
    Query,
    Request,
    Response,
    Security,
    status,
)
from fastapi.responses import HTMLResponse
from fastapi.security import APIKeyHeader

from handoff import cases as service
from handoff import lifecycle
from handoff.deps import SERVICE_TOKEN_HEADER, RateLimited, ServicesDep, SessionDep
from handoff.models import Case
from handoff.schemas import (
    CaseCreate,
    CaseCreated,
    CasePublic,
    ConversationErased,
    PartyStatus,
)
from handoff.web.receipts import status_url
from handoff.web.status import owner_person, status_page, wants_html
from routing import Catalogue, Route

router = APIRouter(prefix="/api/v1/cases", tags=["cases"], dependencies=[RateLimited])

Token = Annotated[str, Query(min_length=8, max_length=200, description="Status token")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=200,
        description="Retries with the same key return the same case.",
    ),
]


def parties_of(case: Case, catalogue: Catalogue) -> list[PartyStatus]:
    return [
        PartyStatus(
            party=a.party,
            name=catalogue.name_of(a.party),
            kind="partner" if a.kind == "partner" else "department",
            status=a.status,
            note=a.note,
            updated_at=a.updated_at,
        )
        for a in case.assignments
    ]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Hand off an intake as a case (needs consent)",
    responses={
        200: {"model": CaseCreated, "description": "Same Idempotency-Key: the case made before"},
        409: {"description": "Idempotency-Key used before with a different request"},
    },
)
def create_case(
    body: CaseCreate,
    session: SessionDep,
    services: ServicesDep,
    response: Response,
    request: Request,
    idempotency_key: IdempotencyKey = None,
) -> CaseCreated:
    # The intake's municipality (default: the service's) routes and owns the case; an
    # unknown one is a 422 naming the known IDs (app.py).
    router_ = services.router_for(body.intake.municipality)
    try:
        made = service.create_case(
            session, router_, services.settings, services.secret_key, body, idempotency_key
        )
    except service.IdempotencyConflict:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "This Idempotency-Key was used with a different request; use a new key.",
        ) from None
    except service.LeadNotConsented:
        raise _refused(
            "recipients",
            "The lead team of the route always receives the case; include it in recipients. "
            "Nothing was stored.",
            "lead_required",
        ) from None
    except service.ConsentMissing:
        raise _refused(
            "consent",
            "Consent is required: the inwoner must agree before the intake is shared. "
            "Nothing was stored.",
            "consent_required",
        ) from None
    session.commit()
    if not made.created:
        response.status_code = status.HTTP_200_OK
    case = made.case
    base = (services.settings.public_base_url or str(request.base_url)).rstrip("/")
    return CaseCreated(
        reference=case.reference,
        municipality=case.municipality,
        token=made.token,
        status_url=status_url(base, case.reference, made.token),
        lead=case.lead,
        lead_name=router_.catalogue.name_of(case.lead) if case.lead else None,
        reply_by=case.reply_by,
        route=Route.model_validate(case.route),
    )


def _refused(field: str, message: str, kind: str) -> HTTPException:
    """A 422 in FastAPI's own `detail` shape, for a body field."""
    detail = [{"loc": ["body", field], "msg": message, "type": kind}]
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail)


def _case_or_404(session: SessionDep, reference: str, token: str) -> Case:
    case = service.case_for_token(session, reference, token)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No case with this reference and token")
    return case


@router.get(
    "/{reference}",
    summary="Status of a case (with its status token)",
    response_model=CasePublic,
    responses={
        200: {
            "content": {"text/html": {}},
            "description": "JSON, or for a browser (Accept: text/html) the Dutch status page",
        }
    },
)
def case_status(
    reference: str, token: Token, session: SessionDep, services: ServicesDep, request: Request
) -> CasePublic | HTMLResponse:
    if wants_html(request):
        return status_page(request, session, services, reference, token)
    case = _case_or_404(session, reference, token)
    catalogue = services.catalogue_for(case.municipality)
    return CasePublic(
        reference=case.reference,
        municipality=case.municipality,
        status=case.status,
        created_at=case.created_at,
        lead=case.lead,
        lead_name=catalogue.name_of(case.lead) if case.lead else None,
        reply_by=case.reply_by,
        parties=parties_of(case, catalogue),
        owner_team=catalogue.name_of(case.owner_team) if case.owner_team else None,
        contact_person=owner_person(case, catalogue),
        overdue=lifecycle.is_overdue(case, services.clock()),
    )


@router.delete(
    "/{reference}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase a case, its deliveries and its conversation",
)
def erase_case(
    reference: str, token: Token, session: SessionDep, services: ServicesDep
) -> Response:
    case = _case_or_404(session, reference, token)
    service.erase_cases(session, [case], services.eraser)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


_service_token = APIKeyHeader(
    name=SERVICE_TOKEN_HEADER, auto_error=False, description="The action server's service token"
)
ConversationId = Annotated[
    str, Query(min_length=1, max_length=200, pattern=r"^[\w.:-]+$", description="Sender id")
]


def _action_server(
    services: ServicesDep, offered: Annotated[str | None, Security(_service_token)] = None
) -> None:
    if not offered:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"Missing {SERVICE_TOKEN_HEADER} header")
    if not hmac.compare_digest(offered.encode("utf-8"), services.service_token.encode("utf-8")):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid service token")


@router.delete(
    "",
    summary="Erase a conversation and every case made in it (action server only)",
    dependencies=[Depends(_action_server)],
)
def erase_conversation(
    conversation_id: ConversationId, session: SessionDep, services: ServicesDep
) -> ConversationErased:
    """For an inwoner who asks in the chat to erase everything: the same erasure as the
    status link's, for each case of the conversation, and the conversation even without one."""
    references = service.erase_conversation(session, conversation_id, services.eraser)
    session.commit()
    return ConversationErased(conversation_id=conversation_id, cases=references)
