"""Personal staff accounts: roles and what each may do, argon2 password hashes, sign-in.

Roles are cumulative: a coördinator may do all a medewerker may, a beheerder all a
coördinator may, plus manage accounts. The owner of a case may also close it.
"""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from handoff.models import AccountEvent, StaffAccount

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
    "close": "coordinator",  # and the case's owner (may_on_case)
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


def may_on_case(
    account: StaffAccount, permission: str, owner: tuple[str | None, str | None]
) -> bool:
    """`may`, and the owner of a case (`owner`: its owner's name and team) may close it."""
    own = owner == (account.name, account.team) and owner[0] is not None
    return may(account.role, permission) or (permission == "close" and own)


def normal_email(email: str) -> str:
    return email.strip().lower()


def _checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.")
    return _hasher.hash(password)


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
    password_hash = _checked_password(password)
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
        password_hash=password_hash,
        created_at=now,
    )
    session.add(account)
    session.flush()  # the id, and `active` from the column's default (a new account is active)
    return account


def authenticate(session: Session, email: str, password: str) -> StaffAccount | None:
    """The active account with this e-mail address and password; None otherwise."""
    account = account_by_email(session, email)
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


def account_by_email(session: Session, email: str) -> StaffAccount | None:
    query = select(StaffAccount).where(StaffAccount.email == normal_email(email))
    return session.scalars(query).one_or_none()


def record(account: StaffAccount, actor: str, action: str, now: datetime) -> None:
    """One event on the account's audit trail (`account_events`)."""
    session = Session.object_session(account)
    assert session is not None
    session.add(AccountEvent(account_id=account.id, at=now, actor=actor[:80], action=action))


def set_active(account: StaffAccount, active: bool, actor: str, now: datetime) -> None:
    """Deactivate (its sessions stop working: handoff.web.session checks `active` on every
    request) or activate again; audited."""
    if account.active != active:
        account.active = active
        record(account, actor, "geactiveerd" if active else "gedeactiveerd", now)


def reset_password(account: StaffAccount, password: str, actor: str, now: datetime) -> None:
    """A new password set by a beheerder; the account's open sessions end with the old one
    (the session cookie is bound to the password hash)."""
    account.password_hash = _checked_password(password)
    record(account, actor, "wachtwoord opnieuw ingesteld", now)


def events_of(session: Session, account: StaffAccount) -> list[AccountEvent]:
    query = select(AccountEvent).where(AccountEvent.account_id == account.id)
    return list(session.scalars(query.order_by(AccountEvent.at, AccountEvent.id)))
