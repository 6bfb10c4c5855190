"""Test messages must not be training examples: "unseen" and "not in the training data" stay
true. Texts are compared after normalising case, accents, punctuation and whitespace, with
Rasa's entity annotations (`[Voorhof](wijk)`) reduced to their text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "data" / "nlu"
UNSEEN = ROOT / "tests" / "nlu" / "unseen.yml"
STORIES = ROOT / "tests" / "bot"
# The header comment of a test story file that promises its user texts are new.
CLAIM = re.compile(r"not\s+in\s+the\s+training\s+data", re.IGNORECASE)
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def normalise(text: str) -> str:
    """`Hallo, ik ben  [Fatima](naam)!` and `hallo ik ben fatima` are the same message."""
    text = _ANNOTATION.sub(r"\1", text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def nlu_examples(path: Path) -> list[str]:
    """The intent examples of a Rasa NLU file (lookups, synonyms and regexes are not messages)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples: list[str] = []
    for block in data.get("nlu") or []:
        if "intent" in block:
            examples += [
                line.strip()[2:] for line in block["examples"].splitlines() if line.strip()
            ]
    return examples


def story_texts(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [
        step["user"].strip()
        for story in data.get("stories") or []
        for step in story["steps"]
        if "user" in step
    ]


def header(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return " ".join(line.lstrip("# ") for line in lines if line.startswith("#"))


def training_messages() -> set[str]:
    return {normalise(t) for path in sorted(TRAINING.glob("*.yml")) for t in nlu_examples(path)}


def overlap(texts: list[str], training: set[str]) -> list[str]:
    return [text for text in texts if normalise(text) in training]


CLAIMING = [p for p in sorted(STORIES.glob("*.yml")) if CLAIM.search(header(p))]


def test_normalising_ignores_case_accents_punctuation_spaces_and_annotations() -> None:
    assert normalise("Hallo, ik ben  [Fatima](naam)!") == "hallo ik ben fatima"
    assert normalise('Een [coöperatie]{"entity": "organisation"}?') == "een cooperatie"
    assert normalise("hallo") != normalise("hallo daar")


def test_the_training_data_and_the_test_sets_are_read() -> None:
    assert len(training_messages()) > 1000
    assert len(nlu_examples(UNSEEN)) > 100
    assert "test_happy_paths.yml" in [p.name for p in CLAIMING]
    assert sum(len(story_texts(p)) for p in CLAIMING) > 50


@pytest.mark.parametrize("path", CLAIMING, ids=lambda p: p.name)
def test_stories_that_claim_new_texts_use_no_training_example(path: Path) -> None:
    seen = overlap(story_texts(path), training_messages())
    assert seen == [], f"{len(seen)} user texts of {path.name} are training examples: {seen}"


def test_the_unseen_nlu_set_shares_no_message_with_the_training_data() -> None:
    seen = overlap(nlu_examples(UNSEEN), training_messages())
    assert seen == [], f"{len(seen)} messages of {UNSEEN.name} are in data/nlu: {seen}"
