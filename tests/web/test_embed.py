"""The embeddable chat over HTTP: who may frame it, what the host page may load, the themes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from handoff.web.embed import valid_origins
from loket.example_site import render, site_policy
from tests.handoff.conftest import services_of
from tests.handoff.fixed_router import FixedRouter
from tests.routing.test_municipalities import root_with_fixture

SITE = "http://127.0.0.1:8080"


@pytest.fixture
def client(web_client_factory: Callable[..., TestClient]) -> TestClient:
    return web_client_factory()


def frame_ancestors(response_csp: str) -> str:
    return next(d for d in response_csp.split("; ") if d.startswith("frame-ancestors"))


def test_embedded_chat_may_be_framed_by_exactly_the_allowed_origins(client: TestClient) -> None:
    response = client.get("/delft/embed")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert frame_ancestors(csp) == f"frame-ancestors {SITE} http://localhost:8080"
    assert "x-frame-options" not in response.headers
    # the rest of the strict policy stays: no inline script or style
    assert "script-src 'self';" in csp and "style-src 'self';" in csp
    assert "unsafe-inline" not in csp
    assert 'data-embed-origins="[&#34;http://127.0.0.1:8080&#34;' in response.text


def test_embedded_chat_names_the_municipality_of_the_apps_own_router(
    web_client_factory: Callable[..., TestClient],
) -> None:
    client = web_client_factory()
    services = services_of(client)
    real = services.catalogue_for("delft")
    stand_in = real.municipality.model_copy(
        update={"name": "Gemeente Proefdorp", "general_contact": "14 099"}
    )
    services.router = FixedRouter(real.model_copy(update={"municipality": stand_in}))
    page = client.get("/delft/embed").text
    assert "Gemeente Proefdorp" in page and 'data-contact="14 099"' in page
    assert real.municipality.name not in page


def test_lokets_own_pages_may_not_be_framed(client: TestClient) -> None:
    for path in ("/", "/privacy", "/medewerkers", "/delft/widget.js", "/delft/theme.css"):
        response = client.get(path)
        assert frame_ancestors(response.headers["content-security-policy"]) == (
            "frame-ancestors 'none'"
        ), path
        assert response.headers["x-frame-options"] == "DENY", path


def test_settings_replace_the_origins_of_the_municipalities_they_name(
    web_client_factory: Callable[..., TestClient],
) -> None:
    client = web_client_factory(embed_origins={"haarlem": ["https://www.haarlem.example"]})
    haarlem = client.get("/haarlem/embed").headers["content-security-policy"]
    assert frame_ancestors(haarlem) == "frame-ancestors https://www.haarlem.example"
    delft = client.get("/delft/embed").headers["content-security-policy"]
    assert SITE in frame_ancestors(delft)


def test_no_allowed_origin_means_no_framing(web_client_factory: Callable[..., TestClient]) -> None:
    client = web_client_factory(embed_origins={"rotterdam": []})
    csp = client.get("/rotterdam/embed").headers["content-security-policy"]
    assert frame_ancestors(csp) == "frame-ancestors 'none'"


@pytest.mark.parametrize(
    "origin",
    ["https://www.gemeente.example/", "https://*.example.nl", "*", "'self'", "HTTPS://X.NL", "x"],
)
def test_an_origin_that_is_not_exact_is_refused(origin: str) -> None:
    with pytest.raises(ValueError, match=r"site\.yml: .* is not an origin"):
        valid_origins([origin], "data/municipalities/x/site.yml")


def test_widget_script_and_stylesheet_may_be_loaded_by_another_site(client: TestClient) -> None:
    script = client.get("/haarlem/widget.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.headers["cross-origin-resource-policy"] == "cross-origin"
    style = client.get("/haarlem/widget.css")
    assert style.headers["content-type"].startswith("text/css")
    assert style.headers["cross-origin-resource-policy"] == "cross-origin"
    # Haarlem's colour, scoped to the widget so the host page's styles are untouched
    assert ".loket-widget {" in style.text and "--loket-color-primary: #a8102d;" in style.text
    assert ":root" not in style.text
    # the script adds nothing a host CSP without 'unsafe-inline' would block
    for inline in ("innerHTML", ".style.", 'setAttribute("style"', "eval("):
        assert inline not in script.text


def test_each_municipality_has_its_own_theme_and_logo(client: TestClient) -> None:
    for municipality, primary in [("delft", "#1c4f94"), ("rotterdam", "#00701c")]:
        css = client.get(f"/{municipality}/theme.css")
        assert css.status_code == 200
        assert f"--utrecht-button-primary-action-background-color: {primary};" in css.text
        logo = client.get(f"/{municipality}/logo.svg")
        assert logo.headers["content-type"] == "image/svg+xml"
        assert primary in logo.text


def test_site_and_theme_come_from_the_apps_own_municipalities_folder(
    web_client_factory: Callable[..., TestClient], tmp_path: Path
) -> None:
    """An app over another folder serves that folder's municipalities, site.yml and tokens.json,
    not those of the process-wide LOKET_MUNICIPALITIES_DIR."""
    root = root_with_fixture(tmp_path, "delft")
    (root / "delft" / "site.yml").write_text("embed_origins: [https://www.delft.example]\n")
    lindendam = root / "lindendam"
    (lindendam / "site.yml").write_text("embed_origins: [https://www.lindendam.example]\n")
    tokens = (root / "delft" / "tokens.json").read_text(encoding="utf-8")
    assert '"#1c4f94"' in tokens
    (lindendam / "tokens.json").write_text(tokens.replace('"#1c4f94"', '"#2a6f3e"'))
    shutil.copy(root / "delft" / "logo.svg", lindendam / "logo.svg")
    client = web_client_factory(root)

    delft = client.get("/delft/embed").headers["content-security-policy"]
    assert frame_ancestors(delft) == "frame-ancestors https://www.delft.example"
    embed = client.get("/lindendam/embed")
    assert embed.status_code == 200 and "Gemeente Lindendam" in embed.text
    csp = embed.headers["content-security-policy"]
    assert frame_ancestors(csp) == "frame-ancestors https://www.lindendam.example"
    css = client.get("/lindendam/theme.css")
    assert css.status_code == 200, css.text
    assert "--utrecht-button-primary-action-background-color: #2a6f3e;" in css.text
    assert "--loket-color-primary: #2a6f3e;" in client.get("/lindendam/widget.css").text
    assert client.get("/lindendam/logo.svg").headers["content-type"] == "image/svg+xml"
    # a municipality of the repository's folder that this app does not serve
    assert client.get("/haarlem/theme.css").status_code == 404


def test_unknown_municipality_is_a_404(client: TestClient) -> None:
    for path in ("/utrecht/widget.js", "/utrecht/embed", "/utrecht/theme.css", "/../widget.js"):
        assert client.get(path).status_code == 404, path


def test_pages_link_the_vendored_nl_design_system_css_and_the_theme(client: TestClient) -> None:
    page = client.get("/").text
    assert '<link rel="stylesheet" href="/static/nlds.css">' in page
    assert '<link rel="stylesheet" href="/delft/theme.css">' in page
    assert 'class="site-header utrecht-page-header"' in page
    nlds = client.get("/static/nlds.css")
    assert nlds.status_code == 200, "make setup-web vendors it"
    assert ".utrecht-button" in nlds.text and "@utrecht/button-css@" in nlds.text


def test_example_site_embeds_the_widget_with_one_line_and_no_unsafe_inline() -> None:
    status, _, text = render("/rotterdam/ondernemen", "http://127.0.0.1:8000")
    assert status == 200
    assert '<script src="http://127.0.0.1:8000/rotterdam/widget.js" defer></script>' in text
    assert '<a href="/rotterdam/ondernemen" aria-current="page">' in text
    assert "<style" not in text and " style=" not in text
    policy = site_policy("http://127.0.0.1:8000")
    assert "unsafe-inline" not in policy
    assert "frame-src http://127.0.0.1:8000" in policy
    assert render("/utrecht/", "http://127.0.0.1:8000")[0] == 404
