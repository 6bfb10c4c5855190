"""The domain's responses survive Rasa's slot interpolation: no `{…}` Rasa cannot fill.

Rasa 3.6 (`rasa.core.nlg.interpolator.interpolate_text`) reads every `{name}` in a response
string, button payloads included, as a slot placeholder and logs an error when no slot has
that name. A payload with entities must therefore be written `/intent{{"entity": "value"}}`.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.domain import load_domain


def rasa_interpolate(text: str, slots: dict[str, Any]) -> str:
    """Rasa 3.6's rule, line for line; a KeyError is what Rasa logs as an error."""
    filled = re.sub(r"{([^\n{}]+?)}", r"{0[\1]}", text).format(slots)
    return text.format({}) if "0[" in filled else filled


DOMAIN_DATA = load_domain()
SLOTS = dict.fromkeys(DOMAIN_DATA.slots, "x")
BUTTONS = [
    (name, button)
    for name, variants in DOMAIN_DATA.responses.items()
    for variant in variants
    for button in variant.get("buttons") or []
]


@pytest.mark.parametrize(
    ("name", "text"),
    [(n, v["text"]) for n, vs in DOMAIN_DATA.responses.items() for v in vs if "text" in v],
)
def test_response_texts_use_only_slot_placeholders(name: str, text: str) -> None:
    rasa_interpolate(text, SLOTS)  # raises KeyError for a placeholder that is no slot


@pytest.mark.parametrize(("name", "button"), BUTTONS, ids=lambda v: v if isinstance(v, str) else "")
def test_button_payloads_reach_the_channel_as_intent_and_entities(
    name: str, button: dict[str, str]
) -> None:
    payload = rasa_interpolate(button["payload"], SLOTS)
    problem = DOMAIN_DATA.payload_problem(payload)
    assert problem is None, f"{name}: {problem}"


def test_the_domain_has_buttons_with_entities() -> None:
    # Guards the parametrised tests above against silently testing nothing.
    # (The wijk buttons are made at run time: tests/actions/test_municipalities.py.)
    assert sum("{" in button["payload"] for _, button in BUTTONS) >= 20
