"""The handoff API's real contract for the fakes in the action tests: every answer a fake API
gives is checked against the OpenAPI schema of `handoff.app.create_app()` (paths, status codes,
response bodies), so a fake that drifts from the real API fails the test that uses it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from schemathesis.core.failures import Failure

from handoff.app import create_app
from handoff.settings import Settings
from routing import Route

# Answers the real API gives without listing them in its schema: credentials refused, unknown
# resource, body too large (handlers and middleware), rate limit, failure, overload.
UNLISTED_STATUSES = {401, 403, 404, 413, 429, 500, 502, 503, 504}
BREACHES: list[str] = []  # also those a caller swallowed (the retry thread catches everything)


class ContractBreach(AssertionError):
    """A fake handoff API answered in a way the real API cannot."""


@lru_cache(maxsize=1)
def _schema() -> tuple[Any, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = Settings(
            database_url=f"sqlite:///{folder}/unused.db",  # the engine is lazy: never opened
            staff_token="contract-staff-token-0123456789",
            secret_key="contract-secret-key-0123456789",
            service_token="contract-service-token-0123456789",
            staff_token_file=folder / "staff-token",
            secret_key_file=folder / "secret-key",
            service_token_file=folder / "service-token",
        )
        spec = create_app(settings).openapi()
    return schemathesis.openapi.from_dict(spec), spec


def check_response(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """The response unchanged, or ContractBreach (also kept in BREACHES) when the real API
    has no such operation, never answers it with this status, or with this body."""
    problem = _problem(request, response)
    if problem:
        BREACHES.append(problem)
        raise ContractBreach(problem)
    return response


def _problem(request: httpx.Request, response: httpx.Response) -> str | None:
    schema, spec = _schema()
    label = f"{request.method} {request.url.path}"
    operation = schema.find_operation_by_path(request.method, request.url.path)
    if operation is None:
        return f"fake handoff API: the real API has no {label}"
    if response.status_code in UNLISTED_STATUSES:
        return None
    declared = spec["paths"][operation.path][request.method.lower()]["responses"]
    if str(response.status_code) not in declared:
        return (
            f"fake handoff API: {label} answered {response.status_code}; "
            f"the real API answers {', '.join(sorted(declared))}"
        )
    response.request = request
    response.elapsed = timedelta(0)  # schemathesis reads it; a made-up response has none
    try:
        operation.validate_response(response)
    except Failure as failure:
        return f"fake handoff API: {label} {response.status_code}: {failure}"
    return None


def contract_transport(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    """An httpx MockTransport that checks each answer of `handler` against the real API."""
    return httpx.MockTransport(lambda request: check_response(request, handler(request)))


def case_created(reference: str, **changes: Any) -> dict[str, Any]:
    """A body of `POST /api/v1/cases` as the real API gives it (CaseCreated)."""
    route = Route(
        in_scope=True,
        departments=["wijken"],
        general_contact="14 015",
        rules_version="test",
        municipality="delft",
    )
    token = "status-token-for-tests"
    body = {
        "reference": reference,
        "municipality": "delft",
        "token": token,
        "status_url": f"http://handoff.test/api/v1/cases/{reference}?token={token}",
        "lead": "wijken",
        "lead_name": "Wijkzaken",
        "reply_by": "2026-11-30",
        "route": route.model_dump(mode="json"),
    }
    return {**body, **changes}


def validation_error(field: str, message: str) -> dict[str, Any]:
    """A 422 body as FastAPI gives it."""
    return {"detail": [{"loc": ["body", field], "msg": message, "type": "value_error"}]}
