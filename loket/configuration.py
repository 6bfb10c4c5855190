"""docs/configuration.md, generated from the settings model of each process (`loket settings
--markdown`); tests/test_configuration_docs.py checks that the committed page is current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from actions.settings import ActionSettings
from handoff.settings import Settings
from loket.settings import RunSettings, ScaledRunSettings
from routing.settings import RoutingSettings

PAGE = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"

INTRO = """\
# Configuration

Every setting is an environment variable (or a line in `.env` in the working directory).
Each process reads its own settings model; this page is generated from those models by
`.venv/bin/loket settings --markdown > docs/configuration.md` (a test fails when it is out of
date). `make run` starts with the values `.venv/bin/loket settings --shell` prints,
`make run-scaled` with those of `.venv/bin/loket settings --shell --scaled`.
The Rasa server has no settings of its own: bot/endpoints.yml reads `LOKET_ACTION_ENDPOINT_URL`
and `LOKET_BOT_TRACKER_URL` (scripts/bot_env.sh sets their defaults outside `make run`).
"""

# (title, where the model is, model) in the order a newcomer meets them.
SECTIONS: list[tuple[str, str, type[BaseSettings]]] = [
    (
        "`make run` (scripts/run.sh and supervisord)",
        "loket/settings.py `RunSettings`",
        RunSettings,
    ),
    (
        "`make run-scaled` (scripts/run_scaled.sh and scripts/setup_scaled.sh)",
        "loket/settings.py `ScaledRunSettings`: those of `make run`, with these added or with "
        "other defaults",
        ScaledRunSettings,
    ),
    (
        "API, web pages and chat proxy (`uvicorn handoff.main:app`), delivery worker "
        "(`loket worker`)",
        "handoff/settings.py `Settings`; its base is the routing engine's model (below), so "
        "the API and the worker also read those",
        Settings,
    ),
    (
        "Action server (`python -m rasa_sdk --actions actions`)",
        "actions/settings.py `ActionSettings`; its base is the routing engine's model (below), "
        "so the action server also reads those",
        ActionSettings,
    ),
    (
        "Routing engine (in the API, the action server and `loket route`)",
        "routing/settings.py",
        RoutingSettings,
    ),
]


def env_name(model: type[BaseSettings], name: str, info: FieldInfo) -> str:
    extra = info.json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("env"), str):
        return str(extra["env"])
    if isinstance(info.validation_alias, str):
        return info.validation_alias
    return f"{model.model_config.get('env_prefix', '')}{name}".upper()


def _default(info: FieldInfo) -> str:
    if info.default_factory is not None:
        value: Any = info.default_factory()  # type: ignore[call-arg]
    else:
        value = info.default
    if value is None or value == {}:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return f"`{json.dumps(value)}`"
    return f"`{value}`"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rows(model: type[BaseSettings]) -> list[tuple[str, str, str]]:
    """The fields the model declares itself (a model derived from another lists only what it
    adds or changes), in the order they are declared."""
    fields = model.model_fields
    return [
        (
            env_name(model, name, fields[name]),
            _default(fields[name]),
            _cell(fields[name].description or ""),
        )
        for name in vars(model).get("__annotations__", {})
        if name in fields
    ]


def markdown() -> str:
    parts = [INTRO]
    for title, where, model in SECTIONS:
        parts.append(f"\n## {title}\n\nModel: {where}.\n\n")
        parts.append("| variable | default | what it is for |\n|---|---|---|\n")
        parts.extend(f"| `{n}` | {d} | {w} |\n" for n, d, w in rows(model))
    return "".join(parts)
