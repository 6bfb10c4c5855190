"""The Markdown summary shows the inwoner's text as text: raw HTML, links and code are escaped."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from tests.handoff.conftest import FUNDING_INTAKE, new_case, partner_key

GOAL = (
    "Een buurtfeest <script>alert('doel')</script> met "
    "[prijzen](javascript:alert(1)) en ![x](https://tracker.example/p.png) `code` &amp; meer"
)
NAME = "<img src=x onerror=alert('naam')> Henk"


def test_markdown_summary_escapes_the_inwoners_html(client: TestClient) -> None:
    intake = {**FUNDING_INTAKE, "text": GOAL}
    created = new_case(client, intake=intake, contact={"name": NAME})
    response = client.get(
        f"/api/v1/partner/cases/{created['reference']}",
        params={"format": "markdown"},
        headers=partner_key(client, "delftse-fondsen"),
    )
    assert response.status_code == 200
    markdown = response.text
    assert not re.search(r"(?<!\\)[<\[`&]", markdown.split("## Doel", 1)[1].split("## Gegevens")[0])
    assert not re.search(r"(?<!\\)<", markdown)
    assert r"\<script\>alert('doel')\</script\>" in markdown  # still readable as plain text
    assert "Henk" in markdown
    # Even a renderer that lets raw HTML through makes no tags, links or images of it.
    html = MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<code>" not in html
    assert "&lt;script&gt;" in html and "&amp;amp;" in html


def test_html_summary_escapes_the_inwoners_html(client: TestClient) -> None:
    created = new_case(client, intake={**FUNDING_INTAKE, "text": GOAL}, contact={"name": NAME})
    html = client.get(
        f"/api/v1/partner/cases/{created['reference']}",
        params={"format": "html"},
        headers=partner_key(client, "delftse-fondsen"),
    ).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
