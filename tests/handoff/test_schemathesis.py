"""Property-based API fuzzing from the OpenAPI schema: whatever comes in, never a 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from handoff.app import create_app
from handoff.db import Database
from handoff.partners import set_key
from tests.handoff.conftest import STAFF_TOKEN, make_settings


def api_schema() -> schemathesis.schemas.BaseSchema:
    """The app on a fresh SQLite file (built at import: pytest 9 breaks `from_fixture`)."""
    workdir = Path(tempfile.mkdtemp(prefix="loket-fuzz-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    app_settings = make_settings(f"sqlite:///{workdir}/loket.db", workdir)
    db = Database(app_settings.database_url)
    db.upgrade()
    with db.transaction() as session:
        key = set_key(session, "delftse-fondsen")
    app = create_app(app_settings)  # the real routing engine: its errors must not be 5xx
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    AUTH.update({"X-API-Key": key, "Authorization": f"Bearer {STAFF_TOKEN}"})
    return schema


# Authenticated calls reach past the credential check into the handlers.
AUTH: dict[str, str] = {}
# One operation behind each kind of credential, and one behind body validation only.
PAST_THE_GATE = [
    ("GET", "/api/v1/staff/cases"),
    ("GET", "/api/v1/partner/cases"),
    ("POST", "/api/v1/route"),
]
FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


schema = api_schema()


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_never_answers_with_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(headers=AUTH, checks=[not_a_server_error])


@pytest.mark.parametrize(("method", "path"), PAST_THE_GATE)
def test_fuzzing_gets_past_authentication_and_validation(method: str, path: str) -> None:
    """The credentials the fuzzing sends work: generated requests reach the handler (2xx),
    so the test above fuzzes the handlers, not only the credential check. Independent of
    the order tests run in: it generates its own requests."""
    statuses: list[int] = []

    @given(case=schema[path][method].as_strategy())
    @FUZZ_SETTINGS
    def fuzz(case: schemathesis.Case) -> None:
        response = case.call(headers=AUTH)
        assert response.status_code < 500, response.text
        statuses.append(response.status_code)

    fuzz()
    assert any(200 <= status < 300 for status in statuses), sorted(statuses)
