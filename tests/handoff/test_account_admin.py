"""A beheerder deactivates an account or gives it a new password, on the workspace's account
page or with `loket staff`: audited, and the account's open sessions stop working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from handoff import accounts, cli
from tests.handoff.conftest import services_of
from tests.handoff.workspace_helpers import PASSWORD, add_account, csrf_of, sign_in

NEW_PASSWORD = "een-heel-nieuw-wachtwoord"


def account_id(client: TestClient, email: str) -> int:
    with services_of(client).db.session() as session:
        found = accounts.account_by_email(session, email)
        assert found is not None
        return found.id


def events(client: TestClient, email: str) -> list[tuple[str, str]]:
    with services_of(client).db.session() as session:
        found = accounts.account_by_email(session, email)
        assert found is not None
        return [(e.actor, e.action) for e in accounts.events_of(session, found)]


def as_beheerder(client: TestClient) -> TestClient:
    """A second browser (its own cookies) signed in as Delft's beheerder."""
    beheerder = TestClient(client.app)
    assert sign_in(beheerder, add_account(client, "beheerder", "Bea Beheer")) == 303
    return beheerder


def test_a_deactivated_accounts_open_session_stops_and_it_cannot_sign_in(
    client: TestClient,
) -> None:
    karim = add_account(client, "medewerker", "Karim Bouzid")
    assert sign_in(client, karim) == 303
    assert client.get("/medewerkers/aanvragen", follow_redirects=False).status_code == 200

    beheerder = as_beheerder(client)
    page = beheerder.get(f"/medewerkers/accounts/{account_id(client, karim)}")
    assert page.status_code == 200 and "Account deactiveren" in page.text
    csrf = csrf_of(beheerder, "/medewerkers/accounts")
    done = beheerder.post(
        f"/medewerkers/accounts/{account_id(client, karim)}/deactiveren", data={"csrf": csrf}
    )
    assert done.status_code == 200 and "gedeactiveerd" in done.text

    stopped = client.get("/medewerkers/aanvragen", follow_redirects=False)
    assert stopped.status_code == 303 and stopped.headers["location"] == "/medewerkers/inloggen"
    client.cookies.clear()
    assert sign_in(client, karim) == 401
    assert events(client, karim) == [("Bea Beheer", "gedeactiveerd")]

    beheerder.post(
        f"/medewerkers/accounts/{account_id(client, karim)}/activeren", data={"csrf": csrf}
    )
    assert sign_in(client, karim) == 303
    assert events(client, karim)[-1] == ("Bea Beheer", "geactiveerd")


def test_a_new_password_ends_the_sessions_made_with_the_old_one(client: TestClient) -> None:
    karim = add_account(client, "medewerker", "Karim Bouzid")
    assert sign_in(client, karim) == 303
    beheerder = as_beheerder(client)
    csrf = csrf_of(beheerder, "/medewerkers/accounts")
    url = f"/medewerkers/accounts/{account_id(client, karim)}/wachtwoord"
    short = beheerder.post(url, data={"csrf": csrf, "password": "kort"})
    assert short.status_code == 422 and "minstens 12 tekens" in short.text
    assert client.get("/medewerkers/aanvragen", follow_redirects=False).status_code == 200

    assert beheerder.post(url, data={"csrf": csrf, "password": NEW_PASSWORD}).status_code == 200
    assert client.get("/medewerkers/aanvragen", follow_redirects=False).status_code == 303
    client.cookies.clear()
    assert sign_in(client, karim, PASSWORD) == 401
    assert sign_in(client, karim, NEW_PASSWORD) == 303
    assert events(client, karim) == [("Bea Beheer", "wachtwoord opnieuw ingesteld")]


def test_a_beheerder_keeps_their_session_after_their_own_new_password(client: TestClient) -> None:
    beheerder = as_beheerder(client)
    own = account_id(client, "beheerder.delft.bea-beheer@example.nl")
    csrf = csrf_of(beheerder, "/medewerkers/accounts")
    saved = beheerder.post(
        f"/medewerkers/accounts/{own}/wachtwoord", data={"csrf": csrf, "password": NEW_PASSWORD}
    )
    assert saved.status_code == 200
    assert beheerder.get("/medewerkers/accounts", follow_redirects=False).status_code == 200
    themselves = beheerder.post(f"/medewerkers/accounts/{own}/deactiveren", data={"csrf": csrf})
    assert themselves.status_code == 422 and "eigen account" in themselves.text


def test_another_municipalitys_account_is_not_found(client: TestClient) -> None:
    other = add_account(client, "medewerker", "Noor Bakker", municipality="haarlem")
    beheerder = as_beheerder(client)
    csrf = csrf_of(beheerder, "/medewerkers/accounts")
    url = f"/medewerkers/accounts/{account_id(client, other)}"
    assert beheerder.get(url).status_code == 404
    assert beheerder.post(url + "/deactiveren", data={"csrf": csrf}).status_code == 404
    assert beheerder.post(url + "/opheffen", data={"csrf": csrf}).status_code == 404
    assert events(client, other) == []


def test_the_cli_deactivates_and_resets_a_password(
    client: TestClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    karim = add_account(client, "medewerker", "Karim Bouzid")
    monkeypatch.setenv("LOKET_DATABASE_URL", services_of(client).db.url)
    assert cli.main(["staff", "deactivate", karim, "--by", "Bea Beheer"]) == 0
    assert sign_in(client, karim) == 401
    assert cli.main(["staff", "activate", karim, "--by", "Bea Beheer"]) == 0
    monkeypatch.setattr("sys.stdin", open(_write(tmp_path, NEW_PASSWORD + "\n")))  # noqa: SIM115
    assert cli.main(["staff", "reset-password", karim, "--by", "Bea Beheer"]) == 0
    assert sign_in(client, karim, NEW_PASSWORD) == 303
    assert cli.main(["staff", "deactivate", "niemand@example.nl", "--by", "Bea"]) == 2
    assert "no account" in capsys.readouterr().err
    assert [a for _, a in events(client, karim)] == [
        "gedeactiveerd",
        "geactiveerd",
        "wachtwoord opnieuw ingesteld",
    ]


def test_the_loket_command_makes_an_account_of_one_of_the_roles(client: TestClient) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_")}
    env["LOKET_DATABASE_URL"] = services_of(client).db.url
    email = "sanne.de-vries@example.nl"

    def staff_add(role: str) -> subprocess.CompletedProcess[str]:
        arguments = ["add", email, "--name", "Sanne de Vries", "--municipality", "delft"]
        return subprocess.run(
            [sys.executable, "-m", "loket.cli", "staff", *arguments, "--role", role],
            input=NEW_PASSWORD + "\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = staff_add("baas")
    assert refused.returncode == 2
    assert "invalid choice: 'baas'" in refused.stderr
    assert all(f"'{role}'" in refused.stderr for role in accounts.ROLES), refused.stderr
    made = staff_add("coordinator")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "(coordinator, delft)" in made.stdout
    assert sign_in(client, email, NEW_PASSWORD) == 303


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stdin.txt"
    path.write_text(text)
    return path
