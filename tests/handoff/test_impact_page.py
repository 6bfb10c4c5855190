"""The public yearly impact page: counts of one year, small counts left out, prints well."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.handoff.conftest import services_of
from tests.handoff.monitoring_fixture import add_record


def test_impact_page_shows_the_year_and_leaves_out_small_counts(client: TestClient) -> None:
    with services_of(client).db.transaction() as session:
        add_record(session, month="2026-03", count=5, lead_time_days=12, impact="gelukt")
        add_record(session, month="2026-03", lead_time_days=12, impact="op-weg")  # 6 helped
        add_record(
            session,
            month="2026-05",
            wijk="Hof van Delft",
            needs=("locatie",),
            outcome="niet",
            instruments=("locatiescan",),
            count=2,
            impact="niets",
        )
        add_record(session, month="2025-12", count=7)  # another year
    page = client.get("/impact/delft/2026")
    assert page.status_code == 200
    html = page.text
    assert "Impact van initiatieven in 2026" in html
    assert "<strong>8</strong> initiatieven" in html
    assert "<strong>6</strong> geholpen" in html
    assert "<strong>minder dan 5</strong> niet geholpen" in html
    assert '<th scope="row">Tanthof</th><td>6</td>' in html
    assert "Hof van Delft" not in html  # 2 initiatives: left out
    # The inwoners' impact answers: 5 "gelukt" shown, 1 "op-weg" and 2 "niets" left out.
    assert '<th scope="row">Mijn initiatief is gestart of gelukt</th><td>5</td>' in html
    assert "Ik ben op weg" not in html and "(nog) niets opgeleverd" not in html
    assert "/static/monitoring.css" in html
    assert "<details" not in html  # the tables are open: they print
    assert " style=" not in html and "<style" not in html  # the CSP allows no inline style
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]


def test_impact_page_of_an_unknown_municipality_or_year_is_a_dutch_404(
    client: TestClient,
) -> None:
    for path in ("/impact/atlantis/2026", "/impact/delft/1999", "/impact/delft/3000"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "Dit impactverslag bestaat niet" in page.text


def test_the_print_stylesheet_hides_navigation_and_keeps_charts_whole(client: TestClient) -> None:
    css = client.get("/static/monitoring.css").text
    assert "@media print" in css
    printed = css.split("@media print", 1)[1]
    assert ".site-header nav" in printed and "break-inside: avoid" in printed
