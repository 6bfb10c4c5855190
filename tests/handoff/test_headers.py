"""Security headers on every kind of response, `no-store` on personal data, API docs offline."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi.testclient import TestClient

from handoff.app import create_app
from handoff.deps import get_router
from tests.handoff.conftest import FUNDING_INTAKE, STAFF, make_settings, new_case, partner_key
from tests.handoff.fixed_router import FixedRouter

BASELINE = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def assert_secured(response: object, *, no_store: bool = True) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, value in BASELINE.items():
        assert headers.get(name) == value, (name, headers)
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    if no_store:
        assert headers["cache-control"] == "no-store"


def test_api_answers_with_personal_data_are_secured_and_not_stored(client: TestClient) -> None:
    created = client.post(
        "/api/v1/cases",
        json={"intake": FUNDING_INTAKE, "consent": True, "contact": {"name": "Henk Jansen"}},
    )
    assert_secured(created)
    status = client.get(
        f"/api/v1/cases/{created.json()['reference']}", params={"token": created.json()["token"]}
    )
    assert_secured(status)
    reference = created.json()["reference"]
    headers = partner_key(client, "delftse-fondsen")
    for fmt in ("json", "markdown"):
        summary = client.get(
            f"/api/v1/partner/cases/{reference}", params={"format": fmt}, headers=headers
        )
        assert summary.status_code == 200
        assert_secured(summary)
    assert_secured(client.get("/api/v1/partner/cases", headers=headers))
    assert_secured(client.get("/api/v1/staff/cases", headers=STAFF))
    assert_secured(client.get("/api/v1/staff/cases.csv", headers=STAFF))
    assert_secured(client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF))


def test_the_html_summary_allows_only_its_own_inline_style(client: TestClient) -> None:
    reference = new_case(client)["reference"]
    response = client.get(
        f"/api/v1/partner/cases/{reference}",
        params={"format": "html"},
        headers=partner_key(client, "delftse-fondsen"),
    )
    assert_secured(response)
    style = re.search(r"<style>(.*?)</style>", response.text, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    policy = response.headers["content-security-policy"]
    assert f"style-src 'self' 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy


def test_error_answers_are_secured_too(client: TestClient) -> None:
    assert_secured(client.get("/api/v1/cases/LOK-2026-000000", params={"token": "x" * 20}))  # 404
    assert_secured(client.post("/api/v1/cases", json={"consent": True}))  # 422
    assert_secured(client.get("/api/v1/partner/cases"))  # 401
    assert_secured(client.get("/api/v1/nothing-here"))  # 404 of the router
    refused = client.post("/api/v1/route", content=b'{"text": "\\ud800"}')
    assert refused.status_code == 422
    assert_secured(refused)


def test_an_unexpected_error_is_a_plain_secured_500(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    class BrokenRouter(FixedRouter):
        def route(self, intake: object) -> object:  # type: ignore[override]
            raise RuntimeError("broken for the test")

    router = BrokenRouter(catalogue_router.catalogue)
    app = create_app(
        make_settings(f"sqlite:///{tmp_path}/loket.db", tmp_path, migrate_on_start=True),
        router=router,
    )
    app.dependency_overrides[get_router] = lambda: router
    with TestClient(app) as client:
        response = client.post("/api/v1/route", json=FUNDING_INTAKE)
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error"}
    assert "broken for the test" not in response.text
    assert_secured(response)


def test_pages_and_static_files_are_secured(client: TestClient) -> None:
    assert_secured(client.get("/"))
    asset = client.get("/static/chat.js")
    assert_secured(asset, no_store=False)
    assert asset.headers["cache-control"] == "max-age=300"  # its own, kept


def test_frame_ancestors_are_configurable_for_embedding(
    tmp_path: Path, catalogue_router: FixedRouter
) -> None:
    settings = make_settings(
        f"sqlite:///{tmp_path}/loket.db",
        tmp_path,
        migrate_on_start=True,
        frame_ancestors="'self' https://www.gemeente.example",
    )
    with TestClient(create_app(settings, router=catalogue_router)) as client:
        response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://www.gemeente.example" in policy
    assert "x-frame-options" not in response.headers  # it cannot name another site


def local_urls(html: str) -> list[str]:
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'""", html)
    return [a or b for a, b in urls]


def test_api_docs_load_only_files_served_here(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        response = client.get(page)
        assert response.status_code == 200
        assert "cdn" not in response.text.lower()
        assert "http://" not in response.text and "https://" not in response.text
        urls = local_urls(response.text)
        assert any(url.endswith(".js") for url in urls), urls
        for url in urls:
            assert url.startswith("/") and not url.startswith("//"), url
            assert client.get(url).status_code == 200, url
        policy = response.headers["content-security-policy"]
        assert "script-src 'self' 'unsafe-inline'" in policy  # their start-up script only
        assert "connect-src 'self'" in policy
