"""Settings of `make run` (scripts/run.sh and the supervisor it starts), read from `LOKET_*`
environment variables or `.env`. `loket settings --shell` prints them as export lines for
run.sh, derived values included; docs/configuration.md is generated from this model."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PER_SERVER_PORT = re.compile(r"LOKET_RASA_PORT_([1-9][0-9]*)", re.IGNORECASE)


class RunSettings(BaseSettings):
    """Ports, process counts and the URLs the processes give each other."""

    model_config = SettingsConfigDict(
        env_prefix="LOKET_", env_file=".env", extra="ignore", use_attribute_docstrings=True
    )

    api_host: str = "127.0.0.1"
    """Address the API listens on."""
    api_port: int = Field(default=8000, ge=1, le=65535)
    api_workers: int = Field(default=1, ge=1)
    """API processes (uvicorn --workers)."""
    rasa_port: int = Field(default=5005, ge=1, le=65535)
    """Port of Rasa server 1."""
    rasa_processes: int = Field(default=2, ge=1)
    """Rasa servers; the chat proxy keeps each conversation on one. One saves ~0.9 GiB of memory,
    two keep turns fast under load."""
    rasa_port_overrides: dict[int, int] = Field(
        default_factory=dict, json_schema_extra={"env": "LOKET_RASA_PORT_<n>"}
    )
    """Port of Rasa server n; default LOKET_RASA_PORT + n - 1."""
    rasa_endpoints: Path = Path("bot/endpoints.yml")
    """Rasa's endpoints file (the scaled setup: bot/endpoints.scaled.yml)."""
    actions_port: int = Field(default=5055, ge=1, le=65535)
    """The action server."""
    site_host: str = "127.0.0.1"
    """Address of the example municipal website that embeds the chat (another origin; it must be
    in the municipality's embed_origins, docs/embed.md)."""
    site_port: int = Field(default=8080, ge=1, le=65535)
    """Port of the example municipal website."""
    log_dir: Path = Path("var/log")
    """One log file per process."""
    run_dir: Path | None = None
    """supervisord's configuration, socket and pid file; default var/run/<API port>, so a second
    copy on other ports never touches this one."""
    run_timeout: int = Field(default=240, ge=1)
    """Seconds to wait for health."""
    database_url: str = "sqlite:///var/loket.db"
    """Cases. A PostgreSQL URL also holds Rasa's tracker store."""
    rasa_url: str | None = None
    """Default: the Rasa servers' URLs, comma-separated."""
    api_url: str | None = None
    """Default: http://<host>:<port>."""
    public_base_url: str | None = None
    """Default: the API URL."""
    action_endpoint_url: str | None = None
    """Default: the action server's /webhook."""
    bot_tracker_url: str | None = None
    """Rasa's tracker store (read by bot/endpoints.yml): the PostgreSQL database of
    LOKET_DATABASE_URL, else var/trackers.db."""
    tracker_database_url: str | None = None
    """The same tracker store as the API reaches it (for erasure)."""
    tf_intra_op_parallelism_threads: int = Field(
        default=1, ge=1, validation_alias="TF_INTRA_OP_PARALLELISM_THREADS"
    )
    """TensorFlow threads per Rasa server; one keeps two servers from competing for the same
    cores."""
    tf_inter_op_parallelism_threads: int = Field(
        default=1, ge=1, validation_alias="TF_INTER_OP_PARALLELISM_THREADS"
    )
    """TensorFlow's pool for independent operations, per Rasa server."""

    @model_validator(mode="before")
    @classmethod
    def _per_server_ports(cls, data: object) -> object:
        if isinstance(data, dict) and "rasa_port_overrides" not in data:
            found = {}
            for key, value in os.environ.items():
                match = _PER_SERVER_PORT.fullmatch(key)
                if match and value.strip():
                    found[int(match.group(1))] = value
            data = {**data, "rasa_port_overrides": found}
        return data

    @property
    def rasa_ports(self) -> list[int]:
        base = self.rasa_port
        return [
            self.rasa_port_overrides.get(n, base + n - 1) for n in range(1, self.rasa_processes + 1)
        ]

    def exports(self) -> dict[str, str]:
        """Every variable the processes of `make run` read, with the derived defaults filled in."""
        api_url = self.api_url or f"http://{self.api_host}:{self.api_port}"
        scheme = urlsplit(self.database_url).scheme
        if scheme.startswith("postgresql"):
            rest = self.database_url.split("://", 1)[1]
            bot, api = f"postgresql://{rest}", f"postgresql+psycopg://{rest}"
        else:
            bot = api = "sqlite:///var/trackers.db"
        values = {
            "LOKET_API_HOST": self.api_host,
            "LOKET_API_PORT": self.api_port,
            "LOKET_API_WORKERS": self.api_workers,
            "LOKET_RASA_PORT": self.rasa_port,
            "LOKET_RASA_PROCESSES": self.rasa_processes,
            **{f"LOKET_RASA_PORT_{n}": p for n, p in enumerate(self.rasa_ports, start=1)},
            "LOKET_RASA_ENDPOINTS": self.rasa_endpoints,
            "LOKET_ACTIONS_PORT": self.actions_port,
            "LOKET_SITE_HOST": self.site_host,
            "LOKET_SITE_PORT": self.site_port,
            "LOKET_LOG_DIR": self.log_dir,
            "LOKET_RUN_DIR": self.run_dir or Path(f"var/run/{self.api_port}"),
            "LOKET_RUN_TIMEOUT": self.run_timeout,
            "LOKET_DATABASE_URL": self.database_url,
            "LOKET_RASA_URL": self.rasa_url
            or ",".join(f"http://127.0.0.1:{p}" for p in self.rasa_ports),
            "LOKET_API_URL": api_url,
            "LOKET_PUBLIC_BASE_URL": self.public_base_url or api_url,
            "LOKET_ACTION_ENDPOINT_URL": self.action_endpoint_url
            or f"http://127.0.0.1:{self.actions_port}/webhook",
            "LOKET_BOT_TRACKER_URL": self.bot_tracker_url or bot,
            "LOKET_TRACKER_DATABASE_URL": self.tracker_database_url or api,
            "TF_INTRA_OP_PARALLELISM_THREADS": self.tf_intra_op_parallelism_threads,
            "TF_INTER_OP_PARALLELISM_THREADS": self.tf_inter_op_parallelism_threads,
        }
        return {key: str(value) for key, value in values.items()}

    def shell(self) -> str:
        return "".join(f"export {k}={shlex.quote(v)}\n" for k, v in self.exports().items())


class ScaledRunSettings(RunSettings):
    """`make run-scaled` (scripts/run_scaled.sh and scripts/setup_scaled.sh): the settings of
    `make run` with more processes and bot/endpoints.scaled.yml by default, plus the scaled
    setup's own Redis and PostgreSQL."""

    api_workers: int = Field(default=2, ge=1)
    """API processes (uvicorn --workers)."""
    rasa_processes: int = Field(default=3, ge=1)
    """Rasa servers, sharing one tracker store and lock store."""
    rasa_endpoints: Path = Path("bot/endpoints.scaled.yml")
    """Rasa's endpoints file: the SQL tracker store and the Redis lock store."""
    scaled_dir: Path = Path("var/scaled")
    """Data, configuration and generated passwords of the scaled setup's Redis and PostgreSQL
    (folders mode 0700)."""
    redis_port: int = Field(default=6380, ge=1, le=65535)
    """The scaled setup's Redis (on 127.0.0.1)."""
    postgres_port: int = Field(default=5433, ge=1, le=65535)
    """The scaled setup's PostgreSQL (on 127.0.0.1)."""
    redis_lock_db: int = Field(default=1, ge=0, le=15)
    """Redis database of Rasa's lock store."""
    redis_limits_db: int = Field(default=2, ge=0, le=15)
    """Redis database of the API's rate-limit counters."""
    redis_url: str | None = None
    """The Redis, password included; scripts/setup_scaled.sh sets it. Default:
    redis://127.0.0.1:<LOKET_REDIS_PORT>."""
    rate_limit_storage: str | None = None
    """The counters shared by the API workers; default: LOKET_REDIS_URL/LOKET_REDIS_LIMITS_DB."""
    scaled_keep_services: bool = False
    """Ctrl-C stops Loket but leaves Redis and PostgreSQL running (`scripts/setup_scaled.sh stop`
    stops them)."""
    ticket_lock_lifetime: int = Field(default=15, ge=1, validation_alias="TICKET_LOCK_LIFETIME")
    """Seconds Rasa holds a conversation's lock: how long a conversation waits for a turn whose
    server was killed (Rasa's default: 60)."""

    def exports(self) -> dict[str, str]:
        redis_url = self.redis_url or f"redis://127.0.0.1:{self.redis_port}"
        values = {
            "LOKET_SCALED_DIR": self.scaled_dir,
            "LOKET_REDIS_PORT": self.redis_port,
            "LOKET_POSTGRES_PORT": self.postgres_port,
            "LOKET_REDIS_LOCK_DB": self.redis_lock_db,
            "LOKET_REDIS_LIMITS_DB": self.redis_limits_db,
            "LOKET_RATE_LIMIT_STORAGE": self.rate_limit_storage
            or f"{redis_url}/{self.redis_limits_db}",
            "LOKET_SCALED_KEEP_SERVICES": int(self.scaled_keep_services),
            "TICKET_LOCK_LIFETIME": self.ticket_lock_lifetime,
        }
        return {**super().exports(), **{key: str(value) for key, value in values.items()}}
