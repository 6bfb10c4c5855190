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
