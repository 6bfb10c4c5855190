"""Each municipality's look: design tokens from data/municipalities/<id>/tokens.json, served as
CSS custom properties for Loket's own NL Design System components and for the embed widget.

The tokens are in the Design Tokens format (`{"color": {"primary": {"$value": "#…"}}}`). A
municipality without a tokens.json gets Loket's own look (handoff/web/default-tokens.json).
`TEXT_PAIRS` names every text/background pair the stylesheets use; the contrast test checks
each municipality's tokens against it, so a pair added to the CSS belongs here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TOKENS = HERE / "default-tokens.json"
DEFAULT_LOGO = HERE / "static" / "logo.svg"

COLOR_NAMES = (
    "primary",
    "primary-dark",
    "on-primary",
    "text",
    "text-muted",
    "background",
    "background-soft",
    "border",
    "error",
    "success",
    "focus",
)
# (text colour, background colour, where): every pair loket.css, the embed page and the
# widget use for text. WCAG 1.4.3 asks 4.5:1 for normal text.
TEXT_PAIRS = (
    ("text", "background", "body text"),
    ("text", "background-soft", "footer, Loket's messages, privacy notice"),
    ("text", "focus", "skip link"),
    ("primary", "background", "links, secondary buttons, quick replies"),
    ("primary", "background-soft", "links in the footer and the privacy notice"),
    ("primary-dark", "background", "headings, hovered links"),
    ("primary-dark", "background-soft", "hovered secondary buttons, footer headings"),
    ("on-primary", "primary", "site header, primary buttons, the widget's launcher"),
    ("on-primary", "primary-dark", "hovered primary buttons and launcher"),
    ("text-muted", "background", "hints, typing indicator"),
    ("text-muted", "background-soft", "note in the footer"),
    ("error", "background", "error messages"),
    ("success", "background", "passed checks"),
)
# WCAG 1.4.11 asks 3:1 for the parts of controls one needs to see.
NON_TEXT_PAIRS = (
    ("border", "background", "borders of inputs"),
    ("primary", "background", "the launcher and the chat panel's edge"),
)
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Theme:
    municipality: str
    colors: dict[str, str]
    font_family: str
    logo: Path


def _value(tokens: dict[str, object], *path: str, source: Path) -> str:
    node: object = tokens
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise ValueError(f"{source}: token {'.'.join(path)} is missing")
        node = node[key]
    value = node.get("$value") if isinstance(node, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{source}: token {'.'.join(path)} needs a text $value")
    return value.strip()


@lru_cache(maxsize=32)
def load_theme(folder: Path) -> Theme:
    """The theme of a municipality's folder (the app's: `Services.municipalities().folder(id)`);
    ValueError names the file and token if invalid."""
    source = folder / "tokens.json"
    if not source.is_file():
        source = DEFAULT_TOKENS
    tokens = json.loads(source.read_text(encoding="utf-8"))
    colors = {name: _value(tokens, "color", name, source=source) for name in COLOR_NAMES}
    for name, value in colors.items():
        if not _HEX.match(value):
            raise ValueError(f"{source}: color.{name} must be #rrggbb, got {value!r}")
    font = _value(tokens, "font", "family", source=source)
    if any(ch in font for ch in ";{}<>\\"):
        raise ValueError(f"{source}: font.family may not contain ; {{ }} < > or \\")
    logo_name = _value(tokens, "logo", source=source)
    logo = (source.parent / logo_name) if source != DEFAULT_TOKENS else DEFAULT_LOGO
    if "/" in logo_name or not logo.is_file():
        raise ValueError(f"{source}: logo {logo_name!r} is not a file in {source.parent}")
    return Theme(folder.name, {k: v.lower() for k, v in colors.items()}, font, logo)


def relative_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance of #rrggbb."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def custom_properties(theme: Theme) -> dict[str, str]:
    """The CSS custom properties of a theme: Loket's own (--loket-*, and the names loket.css
    already uses) and the NL Design System component tokens (--utrecht-*)."""
    c = theme.colors
    return {
        **{f"--loket-color-{name}": value for name, value in c.items()},
        "--loket-font-family": theme.font_family,
        # the names of loket.css
        "--blue": c["primary"],
        "--blue-dark": c["primary-dark"],
        "--ink": c["text"],
        "--muted": c["text-muted"],
        "--line": c["border"],
        "--bg-soft": c["background-soft"],
        "--ok": c["success"],
        "--bad": c["error"],
        "--focus": c["focus"],
        # NL Design System components
        "--utrecht-document-font-family": theme.font_family,
        "--utrecht-document-color": c["text"],
        "--utrecht-button-font-family": theme.font_family,
        "--utrecht-button-font-size": "inherit",
        "--utrecht-button-font-weight": "600",
        "--utrecht-button-border-radius": "4px",
        "--utrecht-button-border-width": "2px",
        "--utrecht-button-min-block-size": "2.75rem",
        "--utrecht-button-padding-block-start": "0.55rem",
        "--utrecht-button-padding-block-end": "0.55rem",
        "--utrecht-button-padding-inline-start": "1rem",
        "--utrecht-button-padding-inline-end": "1rem",
        "--utrecht-button-primary-action-background-color": c["primary"],
        "--utrecht-button-primary-action-border-color": c["primary"],
        "--utrecht-button-primary-action-color": c["on-primary"],
        "--utrecht-button-primary-action-hover-background-color": c["primary-dark"],
        "--utrecht-button-primary-action-hover-border-color": c["primary-dark"],
        "--utrecht-button-primary-action-hover-color": c["on-primary"],
        "--utrecht-button-secondary-action-background-color": c["background"],
        "--utrecht-button-secondary-action-border-color": c["primary"],
        "--utrecht-button-secondary-action-color": c["primary"],
        "--utrecht-button-secondary-action-hover-background-color": c["background-soft"],
        "--utrecht-button-secondary-action-hover-color": c["primary-dark"],
        "--utrecht-focus-outline-color": c["text"],
        "--utrecht-focus-outline-width": "3px",
        "--utrecht-focus-outline-style": "solid",
        "--utrecht-form-label-font-weight": "700",
        "--utrecht-form-label-color": c["text"],
        "--utrecht-textbox-background-color": c["background"],
        "--utrecht-textbox-border-color": c["border"],
        "--utrecht-textbox-border-width": "2px",
        "--utrecht-textbox-border-radius": "4px",
        "--utrecht-textbox-color": c["text"],
        "--utrecht-textbox-font-family": theme.font_family,
        "--utrecht-textbox-font-size": "inherit",
        "--utrecht-textbox-padding-block-start": "0.5rem",
        "--utrecht-textbox-padding-block-end": "0.5rem",
        "--utrecht-textbox-padding-inline-start": "0.5rem",
        "--utrecht-textbox-padding-inline-end": "0.5rem",
        "--utrecht-alert-error-color": c["error"],
        "--utrecht-alert-error-border-color": c["error"],
        "--utrecht-link-color": c["primary"],
        "--utrecht-link-hover-color": c["primary-dark"],
        "--utrecht-page-header-content-max-inline-size": "72rem",
        "--utrecht-page-header-content-padding-inline": "1rem",
        "--utrecht-page-footer-content-max-inline-size": "72rem",
        "--utrecht-page-footer-content-padding-inline": "1rem",
        "--utrecht-page-header-background-color": c["primary"],
        "--utrecht-page-header-color": c["on-primary"],
        "--utrecht-page-footer-background-color": c["background-soft"],
        "--utrecht-page-footer-color": c["text"],
        "--utrecht-table-header-background-color": c["background-soft"],
        "--utrecht-table-header-cell-font-weight": "700",
        "--utrecht-table-cell-padding-block-start": "0.4rem",
        "--utrecht-table-cell-padding-block-end": "0.4rem",
        "--utrecht-table-cell-padding-inline-start": "0.6rem",
        "--utrecht-table-cell-padding-inline-end": "0.6rem",
        "--utrecht-table-row-border-block-end-color": c["border"],
        "--utrecht-table-row-border-block-end-width": "1px",
    }


def theme_css(theme: Theme, selector: str = ":root") -> str:
    """The theme as one CSS rule; `selector` scopes it (the widget on a host page)."""
    lines = [f"  {name}: {value};" for name, value in custom_properties(theme).items()]
    header = f"/* Theme of {theme.municipality}: generated from its tokens.json. */"
    return f"{header}\n{selector} {{\n" + "\n".join(lines) + "\n}\n"
