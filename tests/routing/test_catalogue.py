import shutil
from pathlib import Path

import pytest

from routing import RulesError, load_catalogue

ROOT = Path(__file__).resolve().parents[2]


def test_project_catalogue_loads_with_every_contract_id() -> None:
    catalogue = load_catalogue(ROOT / "data/municipalities/delft/catalogue.yml")
    assert catalogue.general_contact == "14 015"
    assert "publiek-ondernemen" in catalogue.departments
    assert catalogue.instruments["wijkbudget"].by == "wijken"
    assert catalogue.sdgs[13] == "Klimaatactie"
    assert catalogue.wijk_name("tanthof") == "Tanthof"


def test_instrument_offered_by_unknown_party_is_rejected(tmp_path: Path) -> None:
    text = (ROOT / "data/municipalities/delft/catalogue.yml").read_text(encoding="utf-8")
    (tmp_path / "x").mkdir()
    bad = tmp_path / "x" / "catalogue.yml"
    shutil.copy(ROOT / "data/municipalities/vocabulary.yml", tmp_path / "vocabulary.yml")
    bad.write_text(text.replace("by: vrijwilligerscentrale", "by: nergens"), encoding="utf-8")
    with pytest.raises(RulesError, match=r"vrijwilligersmatch\.by"):
        load_catalogue(bad)


def fixture_catalogue(tmp_path: Path, groen: str) -> Path:
    """The fixture municipality's catalogue in a folder of its own, with these extra lines on
    its department `groen`."""
    folder = tmp_path / "lindendam"
    shutil.copytree(ROOT / "tests/fixtures/municipalities/lindendam", folder)
    shutil.copy(ROOT / "data/municipalities/vocabulary.yml", tmp_path / "vocabulary.yml")
    path = folder / "catalogue.yml"
    text = path.read_text(encoding="utf-8")
    marker = "    about: Parken, bomen en moestuinen\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + groen), encoding="utf-8")
    return path


def test_a_department_may_give_its_reply_days(tmp_path: Path) -> None:
    catalogue = load_catalogue(fixture_catalogue(tmp_path, "    reply_days: 7\n"))
    assert catalogue.departments["groen"].reply_days == 7
    assert catalogue.departments["economie"].reply_days is None


@pytest.mark.parametrize("value", ["0", "-2", "61", "tien", "2.5", "true", '"7"'])
def test_reply_days_that_are_no_positive_whole_number_are_a_load_error(
    tmp_path: Path, value: str
) -> None:
    path = fixture_catalogue(tmp_path, f"    reply_days: {value}\n")
    with pytest.raises(RulesError, match=r"catalogue\.yml: departments\.groen\.reply_days: "):
        load_catalogue(path)


def test_the_permit_teams_answer_within_ten_working_days() -> None:
    """Delft's permit team took 10 days when that was a setting; the permit teams of Haarlem
    and Rotterdam are the same kind of team. The others keep the service's defaults."""
    for municipality in ("delft", "haarlem", "rotterdam"):
        catalogue = load_catalogue(ROOT / f"data/municipalities/{municipality}/catalogue.yml")
        days = {d: team.reply_days for d, team in catalogue.departments.items() if team.reply_days}
        assert days == {"vergunningen": 10}, municipality
