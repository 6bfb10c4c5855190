"""Crafted input on every endpoint, on SQLite and PostgreSQL: a 4xx with a `detail`, never a 5xx.

The nasty values: lone UTF-16 surrogates (`"\\ud800"` in JSON), NUL characters, numbers JSON
cannot answer with (`1e999999`, `NaN`) and bytes that are not UTF-8, in JSON bodies, query
strings and path parameters. A table gives each endpoint a valid request; the test fails
when the app has an endpoint the table does not know, so a new one cannot go untested.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import DataError

from tests.handoff.conftest import FUNDING_INTAKE, STAFF, new_case, partner_key, sqlite_client
from tests.handoff.fixed_router import FixedRouter
from tests.web.fake_rasa import create_fake_rasa
from tests.web.servers import serve

NASTY_TEXT = ["\ud800", "a\udfffb", "\x00", "Henk\x00Jansen", "\ud83d"]
NASTY_NUMBERS = ["1e999999", "-1e999999", "NaN", "Infinity", "1" + "0" * 5000]
NASTY_IN_URL = ["%00", "a%00b", "%ED%A0%80", "%FF", "1e999999"]
CONTACT = {"name": "Henk Jansen", "email": "henk@example.nl", "phone": "0612345678"}


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # with {reference} where the case's reference goes
    body: Any = None
    query: dict[str, str] = field(default_factory=dict)
    auth: str = ""  # "partner", "staff" or ""


def api(auth: str, method: str, path: str, body: Any = None, **query: str) -> Endpoint:
    """An endpoint of the partner or staff API (`auth`), called with that credential."""
    return Endpoint(method, f"/api/v1/{auth}{path}", body, query, auth)


# The pages an inwoner reaches from a link in an e-mail (a signed `t`), shown and answered.
MAIL_LINK_PAGES = ("afmelden", "hoe-gaat-het", "wat-heeft-het-opgeleverd")
PARTNER_STATUS = {"status": "in behandeling", "note": "Wij bellen u."}
OWNER = {"name": "Sanne de Wit", "team": "publiek-ondernemen"}
ASSIGNMENT = {"departments": ["publiek-ondernemen"], "partners": ["delftse-fondsen"], "note": "n"}
OUTCOME = {
    "result": "deels",
    "reason": "Subsidie gekregen, geen plek.",
    "instruments": ["subsidiescan"],
    "sdgs": [11],
    "maex_url": "https://www.maex.nl/x",
}


ENDPOINTS = [
    Endpoint("POST", "/api/v1/route", FUNDING_INTAKE),
    Endpoint("GET", "/api/v1/departments/{department}/reply-by"),
    Endpoint("GET", "/health"),
    Endpoint(
        "POST",
        "/api/v1/cases",
        {"intake": FUNDING_INTAKE, "consent": True, "contact": CONTACT, "conversation_id": "c-1"},
    ),
    Endpoint("GET", "/api/v1/cases/{reference}", query={"token": "{token}"}),
    Endpoint("DELETE", "/api/v1/cases/{reference}", query={"token": "wrong-token-1234"}),
    api("partner", "GET", "/cases", limit="5"),
    api("partner", "GET", "/cases/{reference}", format="markdown"),
    api("partner", "POST", "/cases/{reference}/status", PARTNER_STATUS),
    api("partner", "POST", "/cases/{reference}/notes", {"text": "Graag nog een begroting."}),
    api("staff", "GET", "/cases", wijk="Tanthof"),
    api("staff", "GET", "/cases.csv", lead="publiek-ondernemen"),
    api("staff", "GET", "/cases/{reference}"),
    api("staff", "POST", "/cases/{reference}/reroute"),
    api("staff", "POST", "/cases/{reference}/assign", ASSIGNMENT),
    api("staff", "GET", "/routing-cases"),
    api("staff", "POST", "/cases/{reference}/resend"),
    api("staff", "POST", "/cases/{reference}/owner", OWNER),
    api("staff", "POST", "/cases/{reference}/take"),
    api("staff", "POST", "/cases/{reference}/close", {"outcome": "afgerond", "note": "Geholpen."}),
    api("staff", "POST", "/cases/{reference}/notes", {"text": "Gebeld."}),
    Endpoint("POST", "/api/v1/chat", {"sender": "crafted-sender-01", "message": "Hallo"}),
    Endpoint("POST", "/api/v1/chat/erase", {"sender": "crafted-sender-01"}),
    Endpoint("DELETE", "/api/v1/cases", query={"conversation_id": "crafted-conversation-1"}),
    Endpoint("GET", "/aanvraag/{reference}", query={"token": "{token}"}),
    Endpoint("GET", "/aanvraag/{reference}/verwijderen", query={"token": "{token}"}),
    Endpoint("POST", "/aanvraag/{reference}/verwijderen", query={"token": "wrong-token-1234"}),
    Endpoint("POST", "/aanvraag/{reference}/aanmelden", query={"token": "wrong-token-1234"}),
    *(
        Endpoint(method, f"/aanvraag/{{reference}}/{page}", query={"t": "wrong.token"})
        for page in MAIL_LINK_PAGES
        for method in ("GET", "POST")
    ),
    Endpoint("POST", "/aanvraag/{reference}/impactvraag", query={"token": "wrong-token-1234"}),
    Endpoint("GET", "/"),
    Endpoint("GET", "/medewerkers"),
    Endpoint("GET", "/medewerkers/inloggen"),
    Endpoint("POST", "/medewerkers/inloggen", {"email": "a@example.nl", "password": "x"}),
    Endpoint("POST", "/medewerkers/uitloggen"),
    Endpoint("GET", "/medewerkers/aanvragen", query={"q": "wormen"}),
    Endpoint("GET", "/medewerkers/aanvragen.csv"),
    Endpoint("GET", "/medewerkers/aanvragen/{reference}"),
    Endpoint("POST", "/medewerkers/aanvragen/{reference}/{action}"),
    Endpoint("GET", "/medewerkers/nieuw"),
    Endpoint("GET", "/medewerkers/accounts"),
    Endpoint("POST", "/medewerkers/accounts", {"email": "x"}),
    Endpoint("GET", "/medewerkers/accounts/{account_id}"),
    Endpoint("POST", "/medewerkers/accounts/{account_id}/{action}", {"password": "x"}),
    Endpoint("GET", "/medewerkers/inloggen/gemeente/{municipality}"),
    Endpoint("GET", "/medewerkers/inloggen/gemeente/terug", query={"code": "c", "state": "s"}),
    Endpoint("POST", "/medewerkers/nieuw", {"text": "x"}),
    Endpoint("GET", "/partner"),
    Endpoint("GET", "/privacy"),
    Endpoint("GET", "/toegankelijkheid"),
    Endpoint("GET", "/zo-werkt-het"),
    Endpoint("GET", "/{municipality}/"),
    Endpoint("GET", "/{municipality}/{below}"),
    Endpoint("GET", "/static/{name}"),
    Endpoint("GET", "/{municipality}/widget.js"),
    Endpoint("GET", "/{municipality}/widget.css"),
    Endpoint("GET", "/{municipality}/theme.css"),
    Endpoint("GET", "/{municipality}/logo.svg"),
    Endpoint("GET", "/{municipality}/embed"),
    # Monitoring (#16)
    api("staff", "PUT", "/cases/{reference}/outcome", OUTCOME),
    api("staff", "GET", "/cases/{reference}/outcome"),
    api("staff", "GET", "/dashboard", since="2026-01"),
    api("staff", "GET", "/dashboard.html", until="2026-12"),
    Endpoint("GET", "/medewerkers/dashboard"),
    Endpoint("GET", "/open-data/{municipality}/cases.json"),
    Endpoint("GET", "/open-data/{municipality}/cases.csv"),
    Endpoint("GET", "/open-data/schema.json"),
    Endpoint("GET", "/impact/{municipality}/{year}"),
    Endpoint("GET", "/docs"),
    Endpoint("GET", "/docs/oauth2-redirect"),
    Endpoint("GET", "/redoc"),
    Endpoint("GET", "/openapi.json"),
]
PATH_VALUES = {
    "department": "vergunningen",
    "name": "chat.js",
    "municipality": "delft",
    "below": "privacy",
    "year": "2026",
    "action": "notitie",
    "account_id": "1",
}


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route, routers included by routers too."""
    found: set[tuple[str, str]] = set()

    def walk(routes: Any) -> None:
        for route in routes:
            if hasattr(route, "effective_candidates"):  # an included router
                walk(route.effective_candidates())
            elif getattr(route, "methods", None) and getattr(route, "path", None):
                found.update((m, route.path) for m in route.methods if m != "HEAD")

    walk(app.routes)
    return found


@dataclass
class Target:
    """The app under test with a case, credentials and a fake Rasa behind the chat proxy."""

    client: TestClient
    reference: str
    token: str
    headers: dict[str, dict[str, str]]

    def url(self, endpoint: Endpoint, path_value: str | None = None) -> str:
        values = {"reference": self.reference, **PATH_VALUES}
        path = endpoint.path
        for name, value in values.items():
            path = path.replace("{" + name + "}", path_value if path_value else value)
        return path

    def send(
        self,
        endpoint: Endpoint,
        *,
        body: bytes | None = None,
        query: str | None = None,
        path_value: str | None = None,
    ) -> Any:
        url = self.url(endpoint, path_value)
        if query is None:
            query = "&".join(
                f"{k}={quote(v.replace('{token}', self.token))}" for k, v in endpoint.query.items()
            )
        if query:
            url += "?" + query
        if body is None and endpoint.body is not None:
            body = json.dumps(endpoint.body).encode()
        headers = {**self.headers.get(endpoint.auth, {}), "content-type": "application/json"}
        return self.client.request(endpoint.method, url, content=body, headers=headers)


@pytest.fixture(scope="module")
def rasa_url() -> Iterator[str]:
    with serve(create_fake_rasa()) as url:
        yield url


@pytest.fixture
def target(client: TestClient, rasa_url: str) -> Target:
    services = client.app.state.services  # type: ignore[attr-defined]
    services.settings = services.settings.model_copy(update={"rasa_url": rasa_url})
    case = new_case(client, contact=CONTACT)
    return Target(
        client=client,
        reference=case["reference"],
        token=case["token"],
        headers={"partner": partner_key(client, "delftse-fondsen"), "staff": STAFF},
    )


def leaves(document: Any, trail: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths to every string and number in a JSON document."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield from leaves(value, (*trail, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from leaves(value, (*trail, index))
    elif isinstance(document, str | int | float) and not isinstance(document, bool):
        yield trail


SENTINEL = "__crafted__"


def crafted_body(document: Any, trail: tuple[Any, ...], raw: str) -> bytes:
    """`document` as JSON with the value at `trail` replaced by the raw JSON text `raw`."""
    copy = json.loads(json.dumps(document))
    holder = copy
    for step in trail[:-1]:
        holder = holder[step]
    if trail:
        holder[trail[-1]] = SENTINEL
    else:
        copy = SENTINEL
    return json.dumps(copy).replace(f'"{SENTINEL}"', raw).encode()


def raw_json(value: str) -> str:
    """A nasty text as JSON escapes it (`"\\ud800"`), or a nasty number as it is."""
    return value if value in NASTY_NUMBERS else json.dumps(value)


def assert_refused_cleanly(response: Any, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code} {response.text[:300]}"
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith(
        "application/json"
    ):
        assert response.json().get("detail"), f"{what}: no detail in {response.text[:300]}"


def test_the_table_covers_every_endpoint(target: Target) -> None:
    known = {(e.method, e.path) for e in ENDPOINTS}
    assert app_routes(target.client.app) == known  # type: ignore[arg-type]


def test_each_endpoint_answers_its_valid_request(target: Target) -> None:
    for endpoint in ENDPOINTS:
        response = target.send(endpoint)
        assert response.status_code < 500, (endpoint, response.text[:300])


def test_named_nasty_values_on_every_endpoint_get_4xx(target: Target) -> None:
    """Every endpoint, every place a value goes, each named nasty value: the full grid."""
    for endpoint in ENDPOINTS:
        for value in NASTY_TEXT + NASTY_NUMBERS:
            if endpoint.body is not None:
                for trail in [(), *leaves(endpoint.body)]:
                    body = crafted_body(endpoint.body, trail, raw_json(value))
                    response = target.send(endpoint, body=body)
                    assert_refused_cleanly(response, f"{endpoint.path} body {trail} {value[:9]!r}")
        for value in NASTY_IN_URL:
            names = [*endpoint.query, "q"]
            for name in names:
                response = target.send(endpoint, query=f"{name}={value}")
                assert_refused_cleanly(response, f"{endpoint.path} ?{name}={value}")
            if "{" in endpoint.path:
                response = target.send(endpoint, path_value=value)
                assert_refused_cleanly(response, f"{endpoint.path} path {value}")
        deep = b"[" * 30_000 + b"]" * 30_000
        for raw in [b"\xed\xa0\x80", b'{"text": "\xed\xa0\x80"}', b"\x00", b"[" * 5000, deep]:
            response = target.send(endpoint, body=raw)
            assert_refused_cleanly(response, f"{endpoint.path} raw {raw[:9]!r}")


nasty_char = st.one_of(
    st.characters(categories=["Cs"]),  # lone surrogates
    st.just("\x00"),
)
nasty_text = st.tuples(st.text(max_size=20), nasty_char, st.text(max_size=20)).map("".join)
nasty_value = st.one_of(nasty_text.map(json.dumps), st.sampled_from(NASTY_NUMBERS))


@given(data=st.data())
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_random_nasty_values_anywhere_get_4xx(target: Target, data: st.DataObject) -> None:
    endpoint = data.draw(st.sampled_from(ENDPOINTS))
    if endpoint.body is not None and data.draw(st.booleans()):
        trail = data.draw(st.sampled_from([(), *leaves(endpoint.body)]))
        raw = data.draw(nasty_value)
        response = target.send(endpoint, body=crafted_body(endpoint.body, trail, raw))
        assert_refused_cleanly(response, f"{endpoint.path} body {trail} {raw[:40]!r}")
        return
    text = data.draw(nasty_text)
    encoded = quote(text.encode("utf-8", "surrogatepass"), safe="")
    name = data.draw(st.sampled_from([*endpoint.query, "q"]))
    response = target.send(endpoint, query=f"{name}={encoded}")
    assert_refused_cleanly(response, f"{endpoint.path} ?{name}={encoded}")
    if "{" in endpoint.path:
        response = target.send(endpoint, path_value=encoded)
        assert_refused_cleanly(response, f"{endpoint.path} path {encoded}")


def test_nothing_crafted_is_stored_and_the_app_goes_on(target: Target) -> None:
    document = {"intake": FUNDING_INTAKE, "consent": True, "contact": CONTACT}
    for value in NASTY_TEXT:
        for trail in [("intake", "text"), ("contact", "name")]:
            body = crafted_body(document, trail, raw_json(value))
            response = target.client.post("/api/v1/cases", content=body)
            assert response.status_code == 422
            assert "cannot be stored" in response.json()["detail"]
    staff_list = target.client.get("/api/v1/staff/cases", headers=STAFF).json()
    assert [c["reference"] for c in staff_list] == [target.reference]
    assert new_case(target.client, contact=CONTACT)["reference"]


def test_a_value_the_database_refuses_is_a_422_that_echoes_nothing(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    """What the guard cannot know (a column's range or length) still is no 500."""
    with sqlite_client(tmp_path, catalogue_router) as client:
        app: FastAPI = client.app  # type: ignore[assignment]

        @app.get("/api/v1/test-data-error")
        def refused() -> None:
            raise DataError(
                "INSERT INTO cases (contact_name) VALUES (?)",
                ("Henk Jansen",),
                ValueError("value too long for type character varying(200)"),
            )

        response = client.get("/api/v1/test-data-error")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("A value in the request cannot be stored")
    assert "Henk" not in response.text
