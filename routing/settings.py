"""Settings of the routing engine, read from `LOKET_*` environment variables or `.env` in any
process that routes (API, action server, the `loket` command). docs/configuration.md is
generated from this model."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class RoutingSettings(BaseSettings):
    """Where the routing data is and how Dutch text is tokenised. Environment: `LOKET_<NAME>`."""

    model_config = SettingsConfigDict(
        env_prefix="LOKET_",
        env_file=".env",
        extra="ignore",
        env_ignore_empty=True,
        use_attribute_docstrings=True,
    )

    municipalities_dir: Path | None = None
    """Folder of the municipality folders (one per municipality: catalogue, rules, cases);
    default: the repository's data/municipalities."""
    default_municipality: str = "delft"
    """The municipality whose router serves when none is named (a folder name)."""
    routing_dir: Path | None = None
    """One municipality's data folder that replaces the municipalities (a copy to try a change
    in); default: none."""
    spacy_full_tokenizer: bool = False
    """Use spaCy's full Dutch tokenizer (with its abbreviation special cases) instead of the
    lighter one, when no Dutch spaCy model is installed."""
