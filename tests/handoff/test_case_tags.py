"""Case tags in their own table (migration 0007): existing cases keep their needs and SDGs, in
order, and nothing else of theirs; the staff filters find cases by tag; a re-route re-tags."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Connection, MetaData, Table, select

from handoff import repositories
from handoff.db import Database
from handoff.models import Assignment, Case, CaseTag
from tests.handoff.conftest import (
    FUNDING_INTAKE,
    STAFF_TOKEN,
    insert_old_assignment,
    insert_old_case,
)

BEFORE = "0005"  # the last revision with ",a,b," tag strings


def old_case(connection: Connection, reference: str, needs: str, sdgs: str) -> None:
    """A case with tag strings and one assignment, as stored before migration 0007."""
    case_id = insert_old_case(connection, reference, needs, sdgs)
    insert_old_assignment(connection, case_id, "wijken", "department", 0)


def test_the_migration_keeps_every_cases_tags_and_the_downgrade_gives_them_back(
    empty_database: Database,
) -> None:
    empty_database.upgrade(BEFORE)
    with empty_database.engine.begin() as connection:
        old_case(connection, "LOK-2026-000001", ",financiering,vrijwilligers,", ",11,3,")
        old_case(connection, "LOK-2026-000002", ",", ",")
        old_case(connection, "LOK-2026-000003", ",vrijwilligers,", ",")

    empty_database.upgrade()

    with empty_database.session() as session:
        tagged = {
            case.reference: (case.tagged("need"), case.tagged("sdg"))
            for case in session.scalars(select(Case))
        }
        assert tagged == {
            "LOK-2026-000001": (["financiering", "vrijwilligers"], ["11", "3"]),
            "LOK-2026-000002": ([], []),
            "LOK-2026-000003": (["vrijwilligers"], []),
        }
        # The cases' other rows survive the change of the cases table.
        assert len(session.scalars(select(Assignment)).all()) == 3
        found = repositories.search_cases(session, need="vrijwilligers")
        assert sorted(c.reference for c in found) == ["LOK-2026-000001", "LOK-2026-000003"]
        assert [c.reference for c in repositories.search_cases(session, sdg=3)] == [
            "LOK-2026-000001"
        ]
        assert repositories.search_cases(session, need="vrijwilliger") == []  # no LIKE

    empty_database.downgrade(BEFORE)
    with empty_database.engine.connect() as connection:
        cases = Table("cases", MetaData(), autoload_with=connection)
        rows = connection.execute(
            select(cases.c.reference, cases.c.need_tags, cases.c.sdg_tags).order_by(
                cases.c.reference
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("LOK-2026-000001", ",financiering,vrijwilligers,", ",11,3,"),
        ("LOK-2026-000002", ",", ","),
        ("LOK-2026-000003", ",vrijwilligers,", ","),
    ]
    empty_database.upgrade()


def test_a_case_is_tagged_with_its_routes_needs_and_found_by_them(client: TestClient) -> None:
    created = client.post("/api/v1/cases", json={"intake": FUNDING_INTAKE, "consent": True})
    assert created.status_code == 201
    reference = created.json()["reference"]
    needs = [n["id"] for n in created.json()["route"]["needs"]]
    assert needs
    headers = {"Authorization": f"Bearer {STAFF_TOKEN}"}
    listed = client.get("/api/v1/staff/cases", params={"need": needs[0]}, headers=headers)
    assert reference in {c["reference"] for c in listed.json()}
    services = client.app.state.services  # type: ignore[attr-defined]
    with services.db.session() as session:
        rows = session.scalars(
            select(CaseTag).join(Case).where(Case.reference == reference, CaseTag.kind == "need")
        ).all()
        assert [t.tag for t in sorted(rows, key=lambda t: t.position)] == needs
