"""Settings of the API process (API, web pages, chat proxy) and the delivery worker, read from
`LOKET_*` environment variables or `.env`. docs/configuration.md is generated from this model.
The routing engine's settings (municipalities folder, default municipality, ...) are its base:
declared once, in routing/settings.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from handoff.oidc import OidcProvider
from routing.settings import RoutingSettings


class Settings(RoutingSettings):
    """Every knob of the service. Environment: `LOKET_<NAME>`, e.g. `LOKET_DATABASE_URL`."""

    # The rest of the configuration (LOKET_ prefix, .env, attribute docstrings as descriptions)
    # is the base model's. The routing engine's model ignores empty variables; the service's
    # own never did.
    model_config = SettingsConfigDict(env_ignore_empty=False)

    database_url: str = "sqlite:///var/loket.db"
    """Cases: SQLite file or PostgreSQL URL."""
    migrate_on_start: bool = True
    """Run Alembic upgrade at start-up."""
    rasa_url: str = "http://127.0.0.1:5005"
    """Rasa server; the chat proxy posts to its REST channel and /health asks it. Several servers,
    comma-separated: every turn of one conversation goes to the same one, chosen from its sender
    id."""
    api_host: str = "127.0.0.1"
    """Where `loket serve` listens."""
    api_port: int = 8000
    tracker_database_url: str | None = None
    """Rasa's SQL tracker store; erasure deletes a conversation there."""

    staff_token: str | None = None
    """Bearer token of the cross-municipality admin: sees and changes the cases of every
    municipality."""
    staff_tokens: dict[str, str] = Field(default_factory=dict)
    """Bearer tokens of each municipality's staff, as JSON: {"delft": "...", "haarlem": "..."}.
    Such a token sees only that municipality's cases."""
    staff_token_file: Path = Path("var/staff-token")
    """Where a generated staff token is kept when `staff_token` is unset."""

    session_cookie_secure: bool = True
    """Send the staff workspace's session cookie over HTTPS only (set false only for plain-HTTP
    development on 127.0.0.1)."""
    session_hours: float = Field(default=8.0, gt=0)
    """A workspace sign-in lasts this long."""
    login_attempts_per_minute: int = Field(default=5, ge=1)
    """Workspace sign-in attempts per client address and per e-mail address."""

    service_token: str | None = None
    """Shared secret of the action server (header X-Loket-Service-Token): its calls are not
    rate-limited per client address, as it speaks for every inwoner."""
    service_token_file: Path = Path("var/service-token")
    """Where a generated service token is kept when `service_token` is unset; the action server
    reads the same file (LOKET_SERVICE_TOKEN_FILE)."""

    reply_days_default: int = Field(default=5, ge=1, le=60)
    """Working days within which a team answers a new case, when its catalogue gives none."""
    reply_days_loket_team: int = Field(default=3, ge=1, le=60)
    """Working days of each municipality's loket team, when its catalogue gives none."""
    reply_days: dict[str, Annotated[int, Field(ge=1, le=60)]] = Field(default_factory=dict)
    """An operator's override, as JSON by department ID (any municipality's): {"vergunningen": 15}.
    The reply days of a team belong in its municipality's catalogue.yml (`reply_days:` of a
    department); this wins over them and over the two defaults."""

    site_hosts: dict[str, str] = Field(default_factory=dict)
    """Host names that belong to one municipality, as JSON: {"loket.haarlem.example": "haarlem"}.
    On such a host / is that municipality's chat page; elsewhere the path /<municipality>/ chooses
    it."""
    embed_origins: dict[str, list[str]] = Field(default_factory=dict)
    """Per municipality, the exact origins of the sites that may embed its chat, as JSON
    (LOKET_EMBED_ORIGINS='{"delft": ["https://www.delft.example"]}'); replaces the `embed_origins`
    of data/municipalities/<id>/site.yml for the municipalities it names."""

    chat_timeout_seconds: float = Field(default=20.0, gt=0)
    chat_max_message_chars: int = Field(default=2500, gt=0)
    """Longer messages get 413."""
    chat_turns_per_minute_per_sender: int = Field(default=20, gt=0)
    chat_turns_per_minute_per_client: int = Field(default=600, gt=0)
    """Per client address; generous for offices behind one NAT."""

    retention_days: int = Field(default=365, ge=1)
    """`loket purge` age limit."""
    open_data_min_count: int = Field(default=5, ge=2)
    """k-anonymity threshold of the open data and the impact page: rows counting fewer cases than
    this are left out."""

    worker_threads: int = Field(default=8, ge=1, le=200)
    """Request thread pool."""
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    rate_limit_per_minute: int = Field(default=60, ge=1)
    """Requests per client address in any minute."""
    rate_limit_burst: int = Field(default=20, ge=1)
    """Requests per client address in any one second."""
    rate_limit_storage: str = "memory://"
    """Where the rate limiter counts (`limits` storage URI): `memory://` for one process,
    `redis://host:6379/0` to share the counts between API workers."""
    trusted_proxies: str = ""
    """Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For/-Proto are
    believed. Empty (default): none, not even 127.0.0.1."""
    frame_ancestors: str = "'none'"
    """CSP frame-ancestors: the sites that may embed Loket's pages (e.g. "'self'
    https://www.gemeente.example")."""

    delivery_in_process: bool = False
    """Run the outbox worker as a background loop inside the app (make run starts `loket worker`
    as a process of its own instead)."""
    delivery_interval_seconds: float = Field(default=2.0, gt=0)
    delivery_max_age_hours: float = Field(default=72.0, gt=0)
    """A delivery is retried until it is this old (since it was queued or re-sent); then it is
    failed, shown to staff and the lead team gets an alert."""
    delivery_max_attempts: int | None = Field(default=None, ge=1)
    """Optional cap on attempts besides the age limit."""
    delivery_backoff_seconds: float = Field(default=5.0, ge=0)
    delivery_backoff_max_seconds: float = Field(default=900.0, ge=0)
    delivery_lease_seconds: float = Field(default=60.0, gt=0)
    """Longer than the webhook and SMTP timeout."""
    delivery_concurrency: int = Field(default=8, ge=1, le=100)
    """Deliveries sent at the same time."""
    delivery_per_target: int = Field(default=2, ge=1)
    """At most this many at once to one host (or mail domain)."""
    delivery_heartbeat_max_age_seconds: float = Field(default=60.0, gt=0)
    """/health is degraded when the worker is silent longer."""
    alert_fallback_department: str | None = None
    """Gets the alert of a failed delivery when the lead team has no mailbox; default: the case's
    municipality's loket team."""
    coordinator_emails: dict[str, str] = Field(default_factory=dict)
    """The coördinator's mailbox per municipality, as JSON ({"delft": "..."}): gets one mail per
    case that is past its reply-by date unanswered; default: the municipality's loket team's
    mailbox."""
    checkin_weeks: int = Field(default=6, ge=1, le=104)
    """Weeks after the handoff that an inwoner who agreed to e-mails gets one 'Hoe gaat het met uw
    initiatief?' mail."""
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)

    health_check_processes: bool = True
    """/health also checks each Rasa server (LOKET_RASA_URL), the action server
    (LOKET_ACTION_ENDPOINT_URL) and the delivery worker's heartbeat."""
    action_endpoint_url: str | None = None
    """The action server's webhook; /health asks its /health."""
    health_timeout_seconds: float = Field(default=2.0, gt=0)

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_from: str = "loket@gemeente.example"

    partners_file: Path | None = None
    """Optional YAML with partner delivery settings (see docs)."""
    public_base_url: str | None = None
    """Base of status links; default: the URL the request came to."""
    secret_key: str | None = None
    """Derives status tokens for idempotent retries."""
    secret_key_file: Path = Path("var/secret-key")
    oidc_providers: dict[str, OidcProvider] = Field(default_factory=dict)
    """Per municipality, the identity provider its staff sign in with (OpenID Connect), as JSON:
    {"delft": {"issuer": "https://login.delft.example", "client_id": "loket", "client_secret":
    "...", "email_claim": "email", "sign_up_role": null, "label": "Inloggen met uw
    gemeente-account"}}. The claim `email_claim` (default email) names the staff account; an unknown
    user gets an account only with `sign_up_role` set. Callback: <public base
    URL>/medewerkers/inloggen/gemeente/terug."""
    impact_question_months: int = Field(default=6, ge=1, le=24)
    """Months after a case closed with its outcome that an inwoner who agreed to it gets one
    e-mail with the question 'Wat heeft de hulp opgeleverd?'. Keep it shorter than
    LOKET_RETENTION_DAYS: a purged case is not asked."""

    @field_validator("rasa_url")
    @classmethod
    def _at_least_one_rasa(cls, value: str) -> str:
        if not any(url.strip() for url in value.split(",")):
            raise ValueError("LOKET_RASA_URL needs at least one URL")
        return value

    @property
    def rasa_urls(self) -> list[str]:
        return [url.strip().rstrip("/") for url in self.rasa_url.split(",") if url.strip()]
