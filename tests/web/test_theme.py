"""Each municipality's design tokens: valid, and every text/background pair the stylesheets
use meets WCAG's contrast minimum (4.5:1 for text, 3:1 for borders of controls)."""

from __future__ import annotations

import pytest

import routing
from handoff.web import theme
from handoff.web.theme import NON_TEXT_PAIRS, TEXT_PAIRS, contrast_ratio, load_theme

THEMED = ["delft", "haarlem", "rotterdam"]


def theme_of(municipality: str) -> theme.Theme:
    return load_theme(routing.municipalities_dir() / municipality)


def test_the_three_example_municipalities_have_their_own_tokens() -> None:
    for municipality in THEMED:
        assert (routing.municipalities_dir() / municipality / "tokens.json").is_file()
    primaries = {theme_of(m).colors["primary"] for m in THEMED}
    assert len(primaries) == 3, "each municipality has its own colour"


@pytest.mark.parametrize("municipality", [*THEMED, "zonder-tokens"])
def test_text_pairs_meet_4_5_to_1(municipality: str) -> None:
    colors = theme_of(municipality).colors
    low = [
        f"{fg} on {bg} ({where}): {contrast_ratio(colors[fg], colors[bg]):.2f}"
        for fg, bg, where in TEXT_PAIRS
        if contrast_ratio(colors[fg], colors[bg]) < 4.5
    ]
    assert not low, low


@pytest.mark.parametrize("municipality", THEMED)
def test_control_borders_meet_3_to_1(municipality: str) -> None:
    colors = theme_of(municipality).colors
    for fg, bg, where in NON_TEXT_PAIRS:
        assert contrast_ratio(colors[fg], colors[bg]) >= 3, where


def test_every_pair_the_css_uses_is_a_token_pair() -> None:
    """The stylesheets take colours only from the theme's custom properties."""
    css = theme.theme_css(theme_of("delft"))
    for name in theme.COLOR_NAMES:
        assert f"--loket-color-{name}:" in css


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_a_bad_token_names_the_file_and_token(tmp_path) -> None:
    folder = tmp_path / "kapot"
    folder.mkdir()
    (folder / "tokens.json").write_text('{"color": {"primary": {"$value": "blue"}}}')
    with pytest.raises(ValueError, match=r"tokens.json: token color.primary-dark is missing"):
        load_theme(folder)
