"""`bench/conversation_score.py --kinds` counts failures without what was typed or stored."""

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "conversation_score.py"
_SPEC = importlib.util.spec_from_file_location("conversation_score", _PATH)
assert _SPEC and _SPEC.loader
conversation_score = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(conversation_score)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("stage: stored 'idee', said 'lopend' (asked)", "stage: stored (asked)"),
        (
            "needs lost: ['impact'] (stored ['kennis']) (not asked, answer written)",
            "needs lost (not asked, answer written)",
        ),
        (
            "goal lacks 'moestuin' (not asked, no answer written)",
            "goal lacks (not asked, no answer written)",
        ),
        ("not understood: 'Wat (bedoel) u?'", "not understood"),
        ("a case was made (LOK-2026-000123) without consent", "a case was made"),
        ("asked stage again", "asked stage again"),
    ],
)
def test_a_kind_keeps_the_check_and_whether_it_was_asked_but_no_text(
    message: str, kind: str
) -> None:
    assert conversation_score.failure_kind(message) == kind
