"""Configuration of the action server, read from the environment on first use."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class ActionSettings:
    api_url: str
    api_timeout: float
    queue_path: Path
    retry_seconds: float
    retry_on_start: bool
    team_hours: str
    website: str


def service_token(env: Mapping[str, str] = os.environ) -> str | None:
    """LOKET_SERVICE_TOKEN, else the file the API generated (LOKET_SERVICE_TOKEN_FILE, default
    var/service-token); None when neither exists yet (the calls are then rate-limited)."""
    if env.get("LOKET_SERVICE_TOKEN"):
        return env["LOKET_SERVICE_TOKEN"]
    path = Path(env.get("LOKET_SERVICE_TOKEN_FILE", "var/service-token"))
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


@lru_cache(maxsize=1)
def get_settings() -> ActionSettings:
    env = os.environ
    return ActionSettings(
        api_url=env.get("LOKET_API_URL", "http://127.0.0.1:8000").rstrip("/"),
        api_timeout=float(env.get("LOKET_API_TIMEOUT", "5")),
        queue_path=Path(env.get("LOKET_ACTIONS_QUEUE", "var/pending_cases.db")),
        retry_seconds=float(env.get("LOKET_ACTIONS_RETRY_SECONDS", "30")),
        retry_on_start=env.get("LOKET_ACTIONS_RETRY_ON_START", "true").strip().lower()
        not in ("0", "false", "no", "off"),
        team_hours=env.get("LOKET_TEAM_HOURS", "op werkdagen van 9.00 tot 17.00 uur"),
        website=env.get("LOKET_WEBSITE", "https://www.gemeente.example"),
    )
