"""Partner configuration: API keys (hashed) and delivery endpoints, from the table or a YAML file.

The `partners` table (managed with `loket partners ...`) wins over the YAML file named by
`LOKET_PARTNERS_FILE`; a team's catalogue e-mail address is the last fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff.models import Partner
from handoff.security import hash_secret, new_api_key
from routing import Catalogue, default_municipality


@dataclass(frozen=True)
class Endpoints:
    """Where one party's summaries go."""

    webhook_url: str | None = None
    webhook_secret: str | None = None
    email: str | None = None


@lru_cache(maxsize=4)
def _read_file(path: Path, mtime: float) -> dict[str, Endpoints]:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries: dict[str, Any] = raw.get("partners") or raw
    result = {}
    for party, value in entries.items():
        value = value or {}
        result[str(party)] = Endpoints(
            webhook_url=value.get("webhook"),
            webhook_secret=value.get("webhook_secret"),
            email=value.get("email"),
        )
    return result


def file_endpoints(path: Path | None) -> dict[str, Endpoints]:
    if path is None or not path.exists():
        return {}
    return _read_file(path, path.stat().st_mtime)


def endpoints_of(
    session: Session, parties: list[str], catalogue: Catalogue, partners_file: Path | None
) -> dict[str, Endpoints]:
    """Endpoints of several parties (of the catalogue's municipality) with one query."""
    # The table holds a few dozen rows: reading all is cheaper than compiling an IN list.
    municipality = catalogue.municipality.id
    query = select(Partner).where(Partner.municipality == municipality)
    rows = {row.id: row for row in session.scalars(query)} if parties else {}
    return {p: _merge(p, rows.get(p), catalogue, partners_file) for p in parties}


def endpoints_for(
    session: Session, party: str, catalogue: Catalogue, partners_file: Path | None
) -> Endpoints:
    row = session.get(Partner, (catalogue.municipality.id, party))
    return _merge(party, row, catalogue, partners_file)


def _merge(
    party: str, row: Partner | None, catalogue: Catalogue, partners_file: Path | None
) -> Endpoints:
    entries = file_endpoints(partners_file)
    # `<municipality>/<party>` in the file names one municipality's party; a bare ID any's.
    from_file = entries.get(f"{catalogue.municipality.id}/{party}") or entries.get(
        party, Endpoints()
    )
    known = catalogue.departments.get(party) or catalogue.partners.get(party)
    fallback_email = known.email if known is not None else None
    if row is not None and (row.webhook_url or row.email):
        return Endpoints(row.webhook_url, row.webhook_secret, row.email)
    return Endpoints(
        from_file.webhook_url, from_file.webhook_secret, from_file.email or fallback_email
    )


def _row(session: Session, municipality: str, party: str) -> Partner:
    row = session.get(Partner, (municipality, party))
    if row is None:
        row = Partner(municipality=municipality, id=party, updated_at=datetime.now(UTC))
        session.add(row)
    return row


def set_key(session: Session, party: str, municipality: str | None = None) -> str:
    """A fresh API key for `party` of `municipality` (default: the default municipality);
    only its hash is stored, the key is returned once."""
    municipality = municipality or default_municipality()
    key = new_api_key(municipality, party)
    row = _row(session, municipality, party)
    row.api_key_hash = hash_secret(key)
    row.updated_at = datetime.now(UTC)
    return key


def configure(
    session: Session,
    party: str,
    webhook_url: str | None = None,
    webhook_secret: str | None = None,
    email: str | None = None,
    municipality: str | None = None,
) -> Partner:
    row = _row(session, municipality or default_municipality(), party)
    if webhook_url is not None:
        row.webhook_url = webhook_url or None
    if webhook_secret is not None:
        row.webhook_secret = webhook_secret or None
    if email is not None:
        row.email = email or None
    row.updated_at = datetime.now(UTC)
    return row


def known_parties(catalogue: Catalogue) -> list[str]:
    return sorted([*catalogue.partners, *catalogue.departments])
