"""Settings of monitoring (env prefix LOKET_, also read from .env)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class MonitoringSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOKET_", env_file=".env", extra="ignore")

    open_data_min_count: int = Field(
        default=5,
        ge=2,
        description="k-anonymity threshold of the open data: rows counting fewer cases than "
        "this are left out (LOKET_OPEN_DATA_MIN_COUNT).",
    )


@lru_cache(maxsize=1)
def get_monitoring_settings() -> MonitoringSettings:
    """FastAPI dependency; tests override it with `app.dependency_overrides`."""
    return MonitoringSettings()
