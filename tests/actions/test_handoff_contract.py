"""The fake handoff API of the action tests cannot drift: answers unlike the real API fail."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from actions.clients.handoff import HandoffClient
from handoff.schemas import CaseCreated
from handoff.security import new_reference
from tests.actions.handoff_contract import (
    BREACHES,
    ContractBreach,
    case_created,
    contract_transport,
)

PAYLOAD = {"intake": {"text": "Een moestuin"}, "consent": True}


def create_with(answer: httpx.Response) -> None:
    client = HandoffClient("http://handoff.test", transport=contract_transport(lambda _: answer))
    client.create_case(PAYLOAD, "idem-key-0001")


def test_the_fakes_case_body_is_the_real_apis_with_a_real_reference() -> None:
    real = new_reference(datetime.now(UTC))
    assert CaseCreated.model_validate(case_created(real)).reference == real
    create_with(httpx.Response(201, json=case_created(real)))


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (case_created("LKT-2026-0001"), "LKT-2026-0001"),  # the old fake's reference
        ({**case_created("LOK-2026-000001"), "route": {}}, "in_scope"),
        ({"reference": "LOK-2026-000001", "status_url": "/s"}, "token"),
    ],
    ids=["reference-format", "empty-route", "missing-fields"],
)
def test_a_drifted_case_body_fails(body: dict[str, object], why: str) -> None:
    for status in (201, 200):  # made now, or made before with the same Idempotency-Key
        with pytest.raises(ContractBreach, match=why):
            create_with(httpx.Response(status, json=body))
    BREACHES.clear()  # expected here; the autouse check is for breaches nobody expected


def test_a_status_or_path_the_real_api_never_answers_fails() -> None:
    with pytest.raises(ContractBreach, match="answered 202"):
        create_with(httpx.Response(202, json=case_created("LOK-2026-000001")))
    answer = httpx.Response(200, json={"department": "wijken"})
    with (
        httpx.Client(transport=contract_transport(lambda _: answer)) as client,
        pytest.raises(ContractBreach, match="has no GET /api/v1/teams/wijken/reply-by"),
    ):
        client.get("http://handoff.test/api/v1/teams/wijken/reply-by")
    BREACHES.clear()
