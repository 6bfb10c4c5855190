"""Settings of the web pages and the chat proxy (env prefix LOKET_, also read from .env)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    """Only what the pages and the chat proxy need; the handoff service has its own settings."""

    model_config = SettingsConfigDict(env_prefix="LOKET_", env_file=".env", extra="ignore")

    rasa_url: str = Field(
        default="http://127.0.0.1:5005",
        description=(
            "Rasa server; the proxy posts to its REST channel. Several servers, comma-separated:"
            " every turn of one conversation goes to the same one, chosen from its sender id."
        ),
    )

    @field_validator("rasa_url")
    @classmethod
    def _at_least_one_rasa(cls, value: str) -> str:
        if not any(url.strip() for url in value.split(",")):
            raise ValueError("LOKET_RASA_URL needs at least one URL")
        return value

    @property
    def rasa_urls(self) -> list[str]:
        return [url.strip().rstrip("/") for url in self.rasa_url.split(",") if url.strip()]

    site_hosts: dict[str, str] = Field(
        default_factory=dict,
        description=(
            'Host names that belong to one municipality, as JSON: {"loket.haarlem.example":'
            ' "haarlem"}. On such a host / is that municipality\'s chat page; elsewhere the'
            " path /<municipality>/ chooses it."
        ),
    )

    chat_timeout_seconds: float = Field(default=20.0, gt=0)
    chat_max_message_chars: int = Field(default=2500, gt=0, description="Longer messages get 413.")
    chat_turns_per_minute_per_sender: int = Field(default=20, gt=0)
    chat_turns_per_minute_per_client: int = Field(
        default=600, gt=0, description="Per client address; generous for offices behind one NAT."
    )
    embed_origins: dict[str, list[str]] = Field(
        default_factory=dict,
        description=(
            "Per municipality, the exact origins of the sites that may embed its chat, as JSON"
            ' (LOKET_EMBED_ORIGINS=\'{"delft": ["https://www.delft.example"]}\'); replaces the'
            " `embed_origins` of data/municipalities/<id>/site.yml for the municipalities it names."
        ),
    )


@lru_cache(maxsize=1)
def get_web_settings() -> WebSettings:
    """FastAPI dependency; tests override it with `app.dependency_overrides`."""
    return WebSettings()
