"""What Rasa learns from the catalogues is generated (scripts/generate_bot_data.py), and the
committed files agree with the catalogues: a changed catalogue without a new generation
fails here, as does a catalogue fact typed by hand into the domain or the NLU data."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from routing import Catalogue, Municipalities, load_catalogue
from tests.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_bot_data", ROOT / "scripts" / "generate_bot_data.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generator = _generator()


def catalogues() -> dict[str, Catalogue]:
    root = ROOT / "data" / "municipalities"
    ids = Municipalities(root, "delft").ids
    return {m: load_catalogue(root / m / "catalogue.yml") for m in ids}


@pytest.mark.parametrize("path", [generator.DOMAIN_FILE, generator.NLU_FILE], ids=str)
def test_committed_generated_files_equal_a_fresh_generation(path: Path) -> None:
    fresh = generator.generate(ROOT)[path]
    assert (ROOT / path).read_text(encoding="utf-8") == fresh, (
        f"{path} is out of date: run scripts/generate_bot_data.py"
    )


def test_every_vocabulary_value_has_a_button_that_sends_its_id() -> None:
    domain = load_domain()
    vocabulary = yaml.safe_load((ROOT / "data/municipalities/vocabulary.yml").read_text("utf-8"))
    for response, section, entity in (
        ("utter_ask_needs", "needs", "need"),
        ("utter_ask_stage", "stages", "stage"),
        ("utter_ask_organisation", "organisations", "organisation"),
    ):
        buttons = domain.responses[response][0]["buttons"]
        sent = [re.search(rf'"{entity}": "([^"]+)"', b["payload"])[1] for b in buttons]
        assert sorted(sent) == sorted(vocabulary[section]), response  # each once
        for button in buttons:
            assert button["title"] and button["title"] not in vocabulary[section]  # no IDs shown


def test_the_wijk_lookup_and_examples_cover_every_municipalitys_wijken() -> None:
    nlu = yaml.safe_load((ROOT / generator.NLU_FILE).read_text("utf-8"))["nlu"]
    lookup = next(item["examples"] for item in nlu if item.get("lookup") == "wijk")
    examples = next(item["examples"] for item in nlu if item.get("intent") == "inform_wijk")
    for municipality, catalogue in catalogues().items():
        for wijk in catalogue.wijken:
            assert f"- {wijk}\n" in lookup, f"{municipality}: {wijk}"
            assert f"[{wijk}](wijk)" in examples, f"{municipality}: {wijk}"


def test_the_wijk_lookup_holds_phrases_without_signal_word_marks() -> None:
    """`in het ~centrum` in signalen.yml is the phrase "in het centrum" to Rasa; a mark that
    reached the lookup ("in het ~centrum") would never match what an inwoner types. (The
    check above cannot see it in CI: scripts/train.sh generates before the tests run.)"""
    fresh = yaml.safe_load(generator.generate(ROOT)[generator.NLU_FILE])["nlu"]
    lookup = next(item["examples"] for item in fresh if item.get("lookup") == "wijk")
    phrases = [line[2:] for line in lookup.splitlines() if line.startswith("- ")]
    assert "in het centrum" in phrases
    marked = [p for p in phrases if any(mark in p for mark in ("~", "*", "=", "..."))]
    assert not marked


def test_no_catalogue_fact_is_typed_by_hand_into_the_domain() -> None:
    """Wijk buttons come from action_ask_wijk at run time; the hand-written domain files name
    no wijk, team, partner or instrument ID in a button."""
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        if path.name == generator.DOMAIN_FILE.name:
            continue
        text = path.read_text("utf-8")
        for municipality, catalogue in catalogues().items():
            for wijk in catalogue.wijken:
                assert f'"wijk": "{wijk}"' not in text, f"{path.name}: {municipality} {wijk}"
            assert f"{catalogue.loket_team}" not in text, path.name
        for section in ("need", "stage", "organisation"):
            assert f'"{section}": "' not in text, f"{path.name}: a {section} button by hand"


def test_generated_examples_are_not_also_written_by_hand() -> None:
    """Rasa's validation fails on an example that is in two places."""
    generated = yaml.safe_load((ROOT / generator.NLU_FILE).read_text("utf-8"))["nlu"]
    made = {
        line for item in generated if "intent" in item for line in item["examples"].splitlines()
    }
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        if path.name != generator.NLU_FILE.name:
            hand = set(path.read_text("utf-8").splitlines())
            assert not {f"      {line}" for line in made} & hand, path.name


def test_a_synonym_is_left_out_when_two_municipalities_mean_different_things(
    tmp_path: Path,
) -> None:
    root = _copy_sources(tmp_path)
    extra = root / "data/municipalities/elders"
    extra.mkdir()
    (extra / "catalogue.yml").write_text(
        yaml.safe_dump(
            {
                "municipality": {"id": "elders", "name": "Gemeente Elders"},
                "departments": {"loket-elders": {"name": "Team Publiek Ondernemen"}},
                "wijken": ["Dorp"],
            }
        ),
        "utf-8",
    )
    synonyms = generator.synonyms(generator.load_sources(root))
    assert "team publiek ondernemen" not in synonyms.get("publiek-ondernemen", [])
    assert "team publiek ondernemen" not in synonyms.get("loket-elders", [])
    assert "- Dorp\n" in generator.generate(root)[generator.NLU_FILE]


def test_an_unknown_or_missing_vocabulary_id_is_named(tmp_path: Path) -> None:
    root = _copy_sources(tmp_path)
    chat = root / "bot/vocabulary.yml"
    text = chat.read_text("utf-8").replace("    financiering:", "    financiring:")
    chat.write_text(text, "utf-8")
    with pytest.raises(generator.SourceError, match=r"'financiring'.*'financiering'"):
        generator.generate(root)


def test_a_topic_word_for_an_id_no_catalogue_has_is_named(tmp_path: Path) -> None:
    root = _copy_sources(tmp_path)
    chat = root / "bot/vocabulary.yml"
    chat.write_text(chat.read_text("utf-8") + "  geen-bestaand-ding: [iets]\n", "utf-8")
    with pytest.raises(generator.SourceError, match="geen-bestaand-ding"):
        generator.generate(root)


def _copy_sources(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data" / "municipalities", root / "data" / "municipalities")
    (root / "bot").mkdir()
    shutil.copy(ROOT / "bot" / "vocabulary.yml", root / "bot" / "vocabulary.yml")
    return root
