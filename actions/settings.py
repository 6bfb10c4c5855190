"""Settings of the action server process, read from `LOKET_*` environment variables or `.env`.
docs/configuration.md is generated from this model. The action server routes in-process, so the
routing engine's settings are its base: declared once, in routing/settings.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from routing.settings import RoutingSettings


class ActionSettings(RoutingSettings):
    """Every knob of the action server. Environment: `LOKET_<NAME>`."""

    # The rest of the configuration (LOKET_ prefix, .env, ignored empty variables, attribute
    # docstrings as descriptions) is the base model's.
    model_config = SettingsConfigDict(populate_by_name=True)

    api_url: str = "http://127.0.0.1:8000"
    """The handoff API the actions call."""
    api_timeout: float = Field(default=5.0, gt=0)
    """Seconds per API call."""
    queue_path: Path = Field(
        default=Path("var/pending_cases.db"), validation_alias="LOKET_ACTIONS_QUEUE"
    )
    """Queue of cases an older version kept while the API was down; drained at start-up."""
    retry_seconds: float = Field(default=30.0, gt=0, validation_alias="LOKET_ACTIONS_RETRY_SECONDS")
    """Pause between rounds of draining that queue."""
    retry_on_start: bool = Field(default=True, validation_alias="LOKET_ACTIONS_RETRY_ON_START")
    """Drain that queue when the action server starts."""
    retention_days: float = Field(default=365, gt=0)
    """Queued cases older than this are dropped, not sent."""
    team_hours: str = "op werkdagen van 9.00 tot 17.00 uur"
    """When the loket team answers (Dutch, shown to inwoners)."""
    website: str = "https://www.gemeente.example"
    """The municipality's website."""
    service_token: str | None = None
    """Shared secret sent to the API (X-Loket-Service-Token)."""
    service_token_file: Path = Path("var/service-token")
    """The file the API generates the service token in, read when `service_token` is unset."""

    @field_validator("api_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")


def service_token(settings: ActionSettings | None = None) -> str | None:
    """LOKET_SERVICE_TOKEN, else the file the API generated (LOKET_SERVICE_TOKEN_FILE); None
    when neither exists yet (the calls are then rate-limited). Read at each call: the API may
    write the file after the action server started."""
    settings = settings or ActionSettings()
    if settings.service_token:
        return settings.service_token
    try:
        return settings.service_token_file.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


@lru_cache(maxsize=1)
def get_settings() -> ActionSettings:
    return ActionSettings()
