"""The impact question (#16): with consent, one e-mail some months after the case closed with
its outcome; answered once on a Dutch page; the answer lands on the outcome and the choice
alone on the anonymised record (time-travel tests: the worker's round runs at a chosen time)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from handoff.cases import purge
from handoff.conversations import NoConversationStore
from handoff.delivery.inwoner import months_before
from handoff.monitoring.models import MonitorRecord
from tests.handoff.conftest import STAFF, new_case, services_of
from tests.handoff.receivers import MailBox
from tests.handoff.test_escalation import run_round
from tests.handoff.test_inwoner_mail import mails_to, path_of, text_of, with_smtp

ADDRESS = "impact@example.nl"
# The outcome is recorded a day after the case was made (cases are made at the real time).
CLOSED = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
OUTCOME = {"result": "geholpen", "reason": "Subsidie gekregen", "instruments": ["subsidiescan"]}
QUESTION = "Wat heeft de hulp opgeleverd?"
NOTE = "De buurttuin draait nu met twaalf vrijwilligers"


def closed_case(client: TestClient, **overrides: Any) -> dict[str, Any]:
    """A case with an e-mail address, closed with its outcome at CLOSED."""
    created = new_case(client, contact={"email": ADDRESS}, **overrides)
    services_of(client).clock = lambda: CLOSED
    response = client.put(
        f"/api/v1/staff/cases/{created['reference']}/outcome", json=OUTCOME, headers=STAFF
    )
    assert response.status_code == 200, response.text
    return created


def impact_mails(box: MailBox) -> list[Any]:
    return [m for m in mails_to(box, ADDRESS) if m["Subject"] == QUESTION]


def after(months: int, days: int = 0) -> datetime:
    """`months` calendar months and `days` days after CLOSED."""
    return months_before(CLOSED, -months) + timedelta(days=days)


def rounds(client: TestClient, *moments: datetime) -> MailBox:
    """Run the worker's round at each moment; the impact mails it sent."""
    controller, box = with_smtp(client)
    try:
        for moment in moments:
            run_round(client, moment)
    finally:
        controller.stop()
    return box


def outcome_of(client: TestClient, reference: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/staff/cases/{reference}/outcome", headers=STAFF)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def impact_records(client: TestClient) -> list[str | None]:
    with services_of(client).db.session() as session:
        return [r.impact for r in session.scalars(select(MonitorRecord))]


def test_months_before_counts_calendar_months() -> None:
    assert months_before(datetime(2026, 7, 15, 9, tzinfo=UTC), 6) == datetime(
        2026, 1, 15, 9, tzinfo=UTC
    )
    assert months_before(datetime(2026, 8, 31, tzinfo=UTC), 6) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 3, 1, tzinfo=UTC), 14) == datetime(2025, 1, 1, tzinfo=UTC)


def test_the_question_comes_six_months_after_closing_once_and_is_answered_once(
    client: TestClient,
) -> None:
    created = closed_case(client, impact_question=True)
    reference = created["reference"]
    assert impact_mails(rounds(client, after(6, days=-1), after(6) - timedelta(seconds=1))) == []
    box = rounds(client, after(6), after(8))  # due at six months, and not again
    (mail,) = impact_mails(box)
    body = text_of(mail)
    assert "Mijn initiatief is gestart of gelukt" in body and "Meld u af:" in body
    link = re.search(r"(https://loket\.example/aanvraag/\S+/wat-heeft-het-opgeleverd\?t=\S+)", body)
    assert link
    page = client.get(path_of(link.group(1)))
    assert page.status_code == 200 and QUESTION in page.text
    token = link.group(1).split("t=", 1)[1]
    url = f"/aanvraag/{reference}/wat-heeft-het-opgeleverd"

    assert client.post(url, data={"t": token, "answer": "veel"}).status_code == 422
    too_long = client.post(url, data={"t": token, "answer": "gelukt", "note": "x" * 301})
    assert too_long.status_code == 422 and "x" * 301 in too_long.text  # kept for correcting
    assert client.post(url, data={"t": "x.y", "answer": "gelukt"}).status_code == 404

    services_of(client).clock = lambda: after(6, days=1)
    done = client.post(url, data={"t": token, "answer": "op-weg", "note": f"  {NOTE} "})
    assert done.status_code == 200 and "Ik ben op weg" in done.text
    again = client.post(url, data={"t": token, "answer": "niets"})
    assert again.status_code == 409 and "Ik ben op weg" in again.text  # the first answer stays
    assert client.get(path_of(link.group(1))).status_code == 200  # a thank-you, no form
    assert 'name="answer"' not in client.get(path_of(link.group(1))).text

    outcome = outcome_of(client, reference)
    assert (outcome["impact"], outcome["impact_note"]) == ("op-weg", NOTE)
    assert outcome["impact_at"].startswith(after(6, days=1).date().isoformat())
    assert outcome["result"] == "geholpen"  # staff's outcome is untouched
    assert impact_records(client) == ["op-weg"]
    detail = client.get(f"/api/v1/staff/cases/{reference}", headers=STAFF).json()
    actions = [a["action"] for a in detail["audit"]]
    assert actions.count("impactvraag verstuurd") == 1
    answered = next(a for a in detail["audit"] if a["action"] == "impactvraag beantwoord")
    assert answered["detail"] == {"antwoord": "op-weg"}  # the note is not copied anywhere


def test_without_consent_nobody_is_asked(client: TestClient) -> None:
    created = closed_case(client, notify=True)  # agreed to status e-mails, not to the question
    box = rounds(client, after(7))
    assert impact_mails(box) == []
    url = f"/aanvraag/{created['reference']}/wat-heeft-het-opgeleverd"
    from handoff.delivery.inwoner import link_token

    token = link_token(services_of(client).secret_key, "impact", created["reference"])
    assert client.get(url, params={"t": token}).status_code == 404
    assert client.post(url, data={"t": token, "answer": "gelukt"}).status_code == 404
    assert impact_records(client) == [None]


def test_a_case_closed_without_an_outcome_is_not_asked(client: TestClient) -> None:
    new_case(client, contact={"email": ADDRESS}, impact_question=True)
    assert impact_mails(rounds(client, datetime.now(UTC) + timedelta(days=400))) == []


def status_page(client: TestClient, created: dict[str, Any]) -> str:
    response = client.get(
        f"/aanvraag/{created['reference']}",
        params={"token": created["token"]},
        headers={"accept": "text/html"},
    )
    assert response.status_code == 200
    return response.text


def choose(client: TestClient, created: dict[str, Any], keuze: str) -> None:
    response = client.post(
        f"/aanvraag/{created['reference']}/impactvraag",
        data={"token": created["token"], "keuze": keuze},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"].endswith("#impactvraag")


def test_consent_is_given_and_withdrawn_on_the_status_page(client: TestClient) -> None:
    created = closed_case(client)
    page = status_page(client, created)
    assert "Mogen wij u later één vraag stellen?" in page and "6 maanden" in page
    assert ADDRESS in page and "Gemeente Delft" in page  # where it goes, and who gets it
    choose(client, created, "ja")
    assert "Ik wil deze vraag niet krijgen" in status_page(client, created)
    choose(client, created, "nee")
    assert "Ja, stel mij later die vraag" in status_page(client, created)
    assert impact_mails(rounds(client, after(7))) == []
    forged = client.post(
        f"/aanvraag/{created['reference']}/impactvraag",
        data={"token": "niet-het-token", "keuze": "ja"},
    )
    assert forged.status_code == 404
    no_choice = client.post(
        f"/aanvraag/{created['reference']}/impactvraag", data={"token": created["token"]}
    )
    assert no_choice.status_code == 404


def test_without_an_email_address_the_status_page_does_not_offer_the_question(
    client: TestClient,
) -> None:
    created = new_case(client, contact={"phone": "015 123 45 67"})
    assert "Wat heeft de hulp opgeleverd?" not in status_page(client, created)
    response = client.post(
        f"/aanvraag/{created['reference']}/impactvraag",
        data={"token": created["token"], "keuze": "ja"},
    )
    assert response.status_code == 404


def test_consent_given_on_the_status_page_brings_the_question_there_too(
    client: TestClient,
) -> None:
    created = closed_case(client)
    choose(client, created, "ja")
    assert len(impact_mails(rounds(client, after(6, days=5)))) == 1
    page = status_page(client, created)
    form = re.search(
        r'action="(/aanvraag/[^"]+/wat-heeft-het-opgeleverd)".*?name="t" value="([^"]+)"',
        page,
        re.S,
    )
    assert form
    done = client.post(form.group(1), data={"t": form.group(2), "answer": "gestopt"})
    assert done.status_code == 200
    assert QUESTION not in status_page(client, created)  # answered: asked no more
    assert outcome_of(client, created["reference"])["impact"] == "gestopt"


def test_unsubscribing_withdraws_the_consent_too(client: TestClient) -> None:
    created = closed_case(client, impact_question=True, notify=True)
    from handoff.delivery.inwoner import link_token

    token = link_token(services_of(client).secret_key, "afmelden", created["reference"])
    response = client.post(f"/aanvraag/{created['reference']}/afmelden", data={"t": token})
    assert response.status_code == 200
    assert impact_mails(rounds(client, after(7))) == []


@pytest.mark.parametrize("how", ["erased", "purged"])
def test_an_erased_or_purged_case_is_not_asked(client: TestClient, how: str) -> None:
    created = closed_case(client, impact_question=True)
    if how == "erased":
        response = client.delete(
            f"/api/v1/cases/{created['reference']}", params={"token": created["token"]}
        )
        assert response.status_code == 204
    else:
        with services_of(client).db.transaction() as session:
            assert purge(session, NoConversationStore(), older_than_days=0, now=after(0)) == 1
    assert impact_mails(rounds(client, after(7))) == []


def test_the_answer_survives_the_purge_without_the_note(client: TestClient) -> None:
    created = closed_case(client, impact_question=True)
    rounds(client, after(6, days=5))
    from handoff.delivery.inwoner import link_token

    token = link_token(services_of(client).secret_key, "impact", created["reference"])
    url = f"/aanvraag/{created['reference']}/wat-heeft-het-opgeleverd"
    assert client.post(url, data={"t": token, "answer": "gelukt", "note": NOTE}).status_code == 200
    from tests.handoff.test_monitoring_records import everything_stored

    assert NOTE in everything_stored(client)
    with services_of(client).db.transaction() as session:
        assert purge(session, NoConversationStore(), older_than_days=0, now=after(0)) == 1
    stored = everything_stored(client)
    for secret in (NOTE, "vrijwilligers", ADDRESS, created["reference"]):
        assert secret not in stored, secret
    assert impact_records(client) == ["gelukt"]
