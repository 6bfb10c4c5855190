"""`actions.wordpatterns.words`: the one way the actions write a pattern of Dutch words."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from actions.wordpatterns import words


def test_words_match_whole_words_in_any_case():
    negation = words(r"geen|niet|hebben\s+we\s+al")
    assert negation.search("Geen stichting")
    assert negation.search("een ruimte hebben we al")
    assert not negation.search("nietig")  # part of another word
    assert not negation.search("geentje")


ACTIONS = Path(__file__).resolve().parents[2] / "actions"


def _wraps_whole(pattern: str) -> bool:
    """Whether the pattern is `\\b(...)\\b` with one group around all of it."""
    if not (pattern.startswith("\\b(") and pattern.endswith(")\\b")):
        return False
    depth, i, in_class = 0, 2, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i == len(pattern) - 3
        i += 1
    return False


def _hand_spelt(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "compile"
            and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flags = ast.unparse(node.args[1])
        if flags in ("re.IGNORECASE", "re.I") and _wraps_whole(node.args[0].value):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_action_module_spells_a_whole_word_pattern_by_hand():
    assert [hit for path in sorted(ACTIONS.rglob("*.py")) for hit in _hand_spelt(path)] == []


@pytest.mark.parametrize(
    ("pattern", "wrapped"),
    [
        (r"\b(geen|niet)\b", True),
        (r"\b(geen)\s+(idee)\b", False),
        (r"\b(wil)\b|\b(graag)\b", False),
        (r"\b([(]x)\b", True),
    ],
)
def test_the_check_sees_only_patterns_wrapped_whole(pattern, wrapped):
    assert _wraps_whole(pattern) is wrapped
