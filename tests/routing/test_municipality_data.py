"""Each catalogue keeps its contract (shared/domain/<id>.yml): no ID renamed or dropped.

The contracts live outside the repository, in `shared/domain` next to the clone (`../shared`),
or where LOKET_SHARED_DIR points.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MUNICIPALITIES = ROOT / "data" / "municipalities"
SHARED = Path(os.environ.get("LOKET_SHARED_DIR") or ROOT.parent / "shared") / "domain"
VOCABULARY = ("needs", "stages", "organisations", "sdgs")
NEW_MUNICIPALITIES = ("haarlem", "rotterdam")  # written on this branch; their folders must exist


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _contracts() -> dict[str, Path]:
    """Municipality id -> contract file, for every contract that has a `municipality:` block."""
    if not SHARED.is_dir():
        raise RuntimeError(f"contracts not found: {SHARED} (set LOKET_SHARED_DIR)")
    found = {}
    for path in sorted(SHARED.glob("*.yml")):
        raw = _read(path)
        if isinstance(raw, dict) and isinstance(raw.get("municipality"), dict):
            found[raw["municipality"]["id"]] = path
    return found


CONTRACTS = _contracts()
CHECKED = sorted(m for m in CONTRACTS if (MUNICIPALITIES / m / "catalogue.yml").is_file())


def _pair(municipality: str) -> tuple[dict[str, Any], dict[str, Any]]:
    contract = _read(CONTRACTS[municipality])
    catalogue = _read(MUNICIPALITIES / municipality / "catalogue.yml")
    return contract, catalogue


def test_haarlem_and_rotterdam_have_a_contract_and_a_catalogue() -> None:
    for municipality in NEW_MUNICIPALITIES:
        assert municipality in CONTRACTS
        assert municipality in CHECKED


@pytest.mark.parametrize("municipality", CHECKED)
def test_municipality_block_keeps_the_contract(municipality: str) -> None:
    contract, catalogue = _pair(municipality)
    block = catalogue["municipality"]
    for key in ("id", "name", "general_contact"):
        assert block[key] == contract["municipality"][key], key
    assert block["loket_team"] in catalogue["departments"]
    assert re.fullmatch(r"[a-z.]+@[a-z.-]+\.example", block["privacy_contact"])
    assert block["city"].strip()


@pytest.mark.parametrize("municipality", CHECKED)
@pytest.mark.parametrize("table", ["departments", "partners", "instruments"])
def test_every_contract_id_keeps_its_meaning(municipality: str, table: str) -> None:
    contract, catalogue = _pair(municipality)
    ours = catalogue[table]
    for item_id, promised in contract[table].items():
        assert item_id in ours, f"{municipality}: {table}.{item_id} was renamed or dropped"
        entry = ours[item_id]
        assert entry["name"] == promised["name"], f"{table}.{item_id}: name changed"
        for key in ("by", "email"):
            if key in promised:
                assert entry.get(key) == promised[key], f"{table}.{item_id}: {key} changed"


@pytest.mark.parametrize("municipality", NEW_MUNICIPALITIES)
def test_every_entry_has_a_dutch_description(municipality: str) -> None:
    _, catalogue = _pair(municipality)
    for table in ("departments", "partners", "instruments"):
        for item_id, entry in catalogue[table].items():
            assert len(entry.get("about", "").split()) >= 5, f"{table}.{item_id}: no description"


@pytest.mark.parametrize("municipality", CHECKED)
def test_every_contract_wijk_is_kept(municipality: str) -> None:
    contract, catalogue = _pair(municipality)
    assert set(contract["wijken"]) <= set(catalogue["wijken"])


@pytest.mark.parametrize("municipality", CHECKED)
def test_shared_vocabulary_is_not_changed_locally(municipality: str) -> None:
    """A catalogue may carry the shared vocabulary (until the loader reads it from one place);
    if it does, it has exactly the IDs of shared/domain/catalogue.yml."""
    shared = _read(SHARED / "catalogue.yml")
    _, catalogue = _pair(municipality)
    for section in VOCABULARY:
        if section in catalogue:
            assert set(catalogue[section]) == set(shared[section]), section
