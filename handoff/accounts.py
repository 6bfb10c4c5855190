"""Personal staff accounts: roles and what each may do, argon2 password hashes, sign-in.

Roles are cumulative: a coördinator may do all a medewerker may, a beheerder all a
coördinator may, plus manage accounts.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from handoff.models import StaffAccount

ROLES: tuple[str, ...] = ("medewerker", "coordinator", "beheerder")
ROLE_NAMES = {"medewerker": "medewerker", "coordinator": "coördinator", "beheerder": "beheerder"}
# The least role that may do each thing (ROLES order).
PERMISSIONS: dict[str, str] = {
    "view": "medewerker",  # the list, a case, the CSV
    "take": "medewerker",
    "note": "medewerker",
    "register": "medewerker",  # a question by phone, mail or at the counter
    "resend": "medewerker",
    "assign": "coordinator",  # make someone else owner
    "reroute": "coordinator",
    "close": "coordinator",
    "accounts": "beheerder",
}
MIN_PASSWORD = 12

_hasher = PasswordHasher()
# Verified against when the e-mail address is unknown, so both paths take the same time.
_DUMMY_HASH = _hasher.hash("no such account, no such password")


class AccountError(ValueError):
    """A Dutch message for the beheerder: why the account cannot be made."""


def may(role: str, permission: str) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(PERMISSIONS[permission])


def normal_email(email: str) -> str:
    return email.strip().lower()


def create_account(
    session: Session,
    *,
    email: str,
    name: str,
    municipality: str,
    role: str,
    password: str,
    now: datetime,
    team: str | None = None,
) -> StaffAccount:
    if role not in ROLES:
        raise AccountError(f"Onbekende rol {role!r}; kies uit {', '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.")
    email = normal_email(email)
    if "@" not in email or not name.strip():
        raise AccountError("Vul een naam en een geldig e-mailadres in.")
    taken = select(func.count()).where(StaffAccount.email == email)
    if session.scalar(taken):
        raise AccountError("Er is al een account met dit e-mailadres.")
    account = StaffAccount(
        email=email,
        name=name.strip(),
        municipality=municipality,
        team=team,
        role=role,
        password_hash=_hasher.hash(password),
        active=True,
        created_at=now,
    )
    session.add(account)
    session.flush()
    return account


def authenticate(session: Session, email: str, password: str) -> StaffAccount | None:
    """The active account with this e-mail address and password; None otherwise."""
    account = session.scalars(
        select(StaffAccount).where(StaffAccount.email == normal_email(email))
    ).one_or_none()
    try:
        _hasher.verify(account.password_hash if account else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if account is None or not account.active:
        return None
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    return account


def accounts_of(session: Session, municipality: str) -> list[StaffAccount]:
    query = select(StaffAccount).where(StaffAccount.municipality == municipality)
    return list(session.scalars(query.order_by(StaffAccount.name)))
