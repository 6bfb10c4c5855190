"""Several municipalities: every folder's staff cases pass, each municipality routes with its
own catalogue, and a fourth one is added from a fixture folder alone (no code changes)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from routing import Municipalities, Router, RulesError, UnknownMunicipality, load_catalogue
from routing.municipalities import discover
from routing.staff_cases import run_cases, uncovered_rules
from tests.routing.test_cli import loket

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "municipalities"
FIXTURE = ROOT / "tests" / "fixtures" / "municipalities" / "lindendam"
PRESENT = discover(DATA)


def root_with_fixture(tmp_path: Path, *municipalities: str) -> Path:
    """A municipalities folder: the shared files, these of the repository's folders, and the
    fixture municipality copied in as it is."""
    root = tmp_path / "municipalities"
    root.mkdir()
    for name in ("vocabulary.yml", "signalen.yml"):
        shutil.copy(DATA / name, root / name)
    for municipality in municipalities:
        shutil.copytree(DATA / municipality, root / municipality)
    shutil.copytree(FIXTURE, root / FIXTURE.name)
    return root


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Municipalities:
    from routing import get_router

    root = root_with_fixture(tmp_path_factory.mktemp("m"), "delft")
    # The session's spaCy pipeline, so this module loads it no second time.
    return Municipalities(root, "delft", pipeline=get_router()._pipeline)


def test_delft_is_one_of_the_municipalities_present() -> None:
    assert "delft" in PRESENT


@pytest.mark.parametrize("municipality", PRESENT)
def test_staff_cases_pass_for_every_municipality_folder(municipality: str) -> None:
    from routing import get_municipalities

    router = get_municipalities().get(municipality)
    results = run_cases(router)
    failed = [r.message for r in results if not r.passed]
    assert results, f"{municipality} has no staff test cases"
    if failed:
        pytest.fail("\n".join(failed), pytrace=False)
    assert uncovered_rules(router, results) == []


@pytest.mark.parametrize("municipality", PRESENT)
def test_each_catalogue_names_a_loket_team_that_is_one_of_its_departments(
    municipality: str,
) -> None:
    catalogue = load_catalogue(DATA / municipality / "catalogue.yml")
    assert catalogue.municipality.id == municipality
    assert catalogue.loket_team in catalogue.departments
    assert catalogue.municipality.city and "@" in catalogue.municipality.privacy_contact


def test_a_fourth_municipality_is_served_from_its_folder_alone(registry: Municipalities) -> None:
    assert registry.ids == ["delft", "lindendam"]
    router = registry.get("lindendam")
    route = router.route({"text": "We willen een moestuin in de Oude Haven en zoeken geld."})
    assert route.municipality == "lindendam"
    assert route.lead == "groen" and "lindenfonds" in route.partners
    assert route.wijk == "Oude Haven"
    assert all(r.passed for r in run_cases(router))


def test_the_out_of_scope_referral_gives_that_municipalitys_general_number(
    registry: Municipalities,
) -> None:
    question = {"text": "Hoe kan ik mijn paspoort verlengen?"}
    for municipality, number in (("delft", "14 015"), ("lindendam", "14 099")):
        route = registry.get(municipality).route(question)
        assert not route.in_scope
        assert route.general_contact == number and number in route.reasons[0].reden


def test_wijken_and_their_other_names_stay_with_their_own_municipality(
    registry: Municipalities,
) -> None:
    delft, lindendam = registry.get("delft"), registry.get("lindendam")
    assert lindendam.analyse("Een buurtfeest in het havenkwartier").wijk == "Oude Haven"
    assert delft.analyse("Een buurtfeest in het havenkwartier").wijk is None
    assert delft.analyse("Een buurtfeest in de Poptahof").wijk == "Voorhof"
    assert lindendam.analyse("Een buurtfeest in de Poptahof").wijk is None


def test_a_wijk_named_centrum_is_no_tail_of_a_compound() -> None:
    from routing import get_municipalities

    haarlem = get_municipalities().get("haarlem")
    assert haarlem.analyse("Wij zitten in het wijkcentrum in Schalkwijk").wijk == "Schalkwijk"
    assert haarlem.analyse("een winkelcentrum met lege panden").wijk is None
    assert haarlem.analyse("een inloop in het centrum").wijk == "Centrum"
    delft = get_municipalities().get("delft")
    assert delft.analyse("een kookavond in voordijkshorn").wijk == "Voordijkshoorn"  # a typo


def test_municipalities_share_one_language_pipeline(registry: Municipalities) -> None:
    assert registry.get("delft")._pipeline is registry.get("lindendam")._pipeline


def test_an_unknown_municipality_is_an_error_listing_the_known_ones(
    registry: Municipalities,
) -> None:
    with pytest.raises(UnknownMunicipality, match="known municipalities: delft, lindendam"):
        registry.get("haarlemmermeer")


def test_an_intake_for_another_municipality_is_refused_by_this_router(
    registry: Municipalities,
) -> None:
    from routing import IntakeError

    with pytest.raises(IntakeError, match="municipality"):
        registry.get("delft").route({"text": "Een moestuin", "municipality": "lindendam"})


def test_a_loket_team_that_is_no_department_is_a_clear_error(tmp_path: Path) -> None:
    root = root_with_fixture(tmp_path)
    edit(root / "lindendam" / "catalogue.yml", "loket_team: stadsloket", "loket_team: stadsloke")
    with pytest.raises(RulesError, match="loket_team: unknown department 'stadsloke'"):
        Router.load(root / "lindendam")


def test_the_shared_vocabulary_is_not_repeated_in_a_catalogue(tmp_path: Path) -> None:
    root = root_with_fixture(tmp_path)
    path = root / "lindendam" / "catalogue.yml"
    path.write_text(path.read_text() + "\nneeds:\n  geld: Geld\n")
    with pytest.raises(RulesError, match="needs: shared vocabulary belongs in"):
        load_catalogue(path)


def test_a_municipalitys_own_signal_words_add_to_the_shared_ones(tmp_path: Path) -> None:
    root = root_with_fixture(tmp_path)
    extra = root / "lindendam" / "signalen.yml"
    extra.write_text(extra.read_text() + "behoeften:\n  financiering: [knaken]\n")
    router = Router.load(root / "lindendam")
    assert router.analyse("Wij zoeken knaken voor ons buurtfeest").needs == ["financiering"]
    assert "financiering" in router.analyse("Wij zoeken geld voor ons buurtfeest").needs
    extra.write_text(extra.read_text() + "initiatief: {opzetten: ja}\n")
    with pytest.raises(RulesError, match="initiatief: not the shape of the shared"):
        Router.load(root / "lindendam")


# The command line, as a user runs it.


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(root: Path, municipality: str = "lindendam") -> subprocess.CompletedProcess[str]:
    return loket("municipality", "check", municipality, "--root", str(root))


def test_municipality_check_passes_for_the_fixture_and_fails_on_a_wrong_case(
    tmp_path: Path,
) -> None:
    root = root_with_fixture(tmp_path)
    done = check(root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed, 0 failed" in done.stdout
    edit(root / "lindendam" / "cases" / "gevallen.yml", "lead: economie", "lead: groen")
    failed = check(root)
    assert failed.returncode == 1
    assert "expected lead groen, got economie" in failed.stdout


def test_municipality_check_of_an_unknown_or_broken_municipality_is_exit_2(
    tmp_path: Path,
) -> None:
    root = root_with_fixture(tmp_path)
    unknown = check(root, "nergenshuizen")
    assert unknown.returncode == 2
    assert "known municipalities: lindendam" in unknown.stderr
    edit(root / "lindendam" / "rules" / "10-regels.yml", "trekker: groen", "trekker: groenn")
    broken = check(root)
    assert broken.returncode == 2
    assert "did you mean 'groen'" in broken.stderr


def test_route_with_an_unknown_municipality_is_exit_2_listing_the_known_ones() -> None:
    done = loket("route", "--municipality", "nergenshuizen", stdin='{"text": "x"}')
    assert done.returncode == 2
    assert f"known municipalities: {', '.join(PRESENT)}" in done.stderr


def test_route_jsonl_takes_a_mix_of_municipalities(tmp_path: Path) -> None:
    root = root_with_fixture(tmp_path, "delft")
    question = "Hoe kan ik mijn paspoort verlengen?"
    lines = [
        {"text": question},
        {"text": question, "municipality": "lindendam"},
        {"text": question, "municipality": "delft"},
        {"text": question, "municipality": "nergenshuizen"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    env = {"LOKET_MUNICIPALITIES_DIR": str(root)}
    done = loket("route", "--jsonl", "--municipality", "lindendam", stdin=stdin, env=env)
    assert done.returncode == 2  # one line failed; the others were routed
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o.get("municipality") for o in out[:3]] == ["lindendam", "lindendam", "delft"]
    assert [o.get("general_contact") for o in out[:3]] == ["14 099", "14 099", "14 015"]
    assert out[3]["line"] == 4 and "known municipalities: delft, lindendam" in out[3]["error"]
