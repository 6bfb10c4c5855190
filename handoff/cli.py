"""`loket db|purge|serve|worker|partners|staff`: operating the handoff service from a shell."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys

from handoff import accounts
from handoff.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loket")
    commands = parser.add_subparsers(dest="command", required=True)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="action", required=True)
    upgrade = db_commands.add_parser("upgrade", help="create or upgrade the schema")
    upgrade.add_argument("revision", nargs="?", default="head")
    downgrade = db_commands.add_parser("downgrade", help="undo migrations down to a revision")
    downgrade.add_argument("revision")

    purge = commands.add_parser("purge", help="erase cases older than the retention period")
    purge.add_argument("--days", type=int, help="override LOKET_RETENTION_DAYS")

    serve = commands.add_parser("serve", help="run the API with uvicorn")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--reload", action="store_true")

    worker = commands.add_parser("worker", help="deliver pending summaries (outbox)")
    worker.add_argument("--once", action="store_true", help="one round, then exit")

    partners = commands.add_parser("partners", help="partner API keys and delivery endpoints")
    partner_commands = partners.add_subparsers(dest="action", required=True)
    set_key = partner_commands.add_parser("set-key", help="print a fresh API key (once)")
    set_key.add_argument("party")
    configure = partner_commands.add_parser("configure", help="set webhook and/or e-mail")
    configure.add_argument("party")
    for command in (set_key, configure):
        command.add_argument(
            "--municipality", help="the party's municipality (default LOKET_DEFAULT_MUNICIPALITY)"
        )
    configure.add_argument("--webhook", help="HTTPS URL ('' removes it)")
    configure.add_argument("--secret", help="webhook signing secret ('' removes it)")
    configure.add_argument("--email", help="address for summaries ('' removes it)")
    partner_commands.add_parser("list", help="show configured partners (no secrets)")

    staff = commands.add_parser("staff", help="personal staff accounts of the workspace")
    staff_commands = staff.add_subparsers(dest="action", required=True)
    add = staff_commands.add_parser(
        "add",
        help="make an account; the password is asked (or read from a pipe)",
    )
    add.add_argument("email")
    add.add_argument("--name", required=True)
    add.add_argument("--municipality", required=True)
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--team", help="catalogue department ID of the staff member's team")
    for action, text in (
        ("deactivate", "stop an account: it cannot sign in, its open sessions end"),
        ("activate", "let a deactivated account sign in again"),
        ("reset-password", "a new password (asked, or read from a pipe); old sessions end"),
    ):
        command = staff_commands.add_parser(action, help=text)
        command.add_argument("email")
        command.add_argument("--by", required=True, help="your name, for the audit trail")
    return parser


def main(argv: list[str]) -> int:
    """Entry point from `loket.cli`; `argv[0]` is the command."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    settings = Settings()
    from handoff.db import Database

    db = Database(settings.database_url)
    if args.command == "db":
        (db.upgrade if args.action == "upgrade" else db.downgrade)(args.revision)
        print(f"database at {args.revision}")
        return 0
    if args.command == "serve":
        import uvicorn

        uvicorn.run(
            "handoff.main:app",
            host=args.host or settings.api_host,
            port=args.port or settings.api_port,
            reload=args.reload,
            # The app trusts X-Forwarded-For itself, from LOKET_TRUSTED_PROXIES only; uvicorn
            # would otherwise believe any client on 127.0.0.1.
            proxy_headers=False,
        )
        return 0
    db.upgrade()
    if args.command == "purge":
        from handoff.cases import purge
        from handoff.conversations import make_eraser

        with db.transaction() as session:
            count = purge(
                session,
                make_eraser(settings.tracker_database_url),
                args.days or settings.retention_days,
            )
        print(f"purged {count} cases")
        return 0
    if args.command == "worker":
        from handoff.delivery.worker import run_worker
        from handoff.routing_engine import load_catalogues

        # The catalogues only (names, mailboxes): the worker needs no language pipeline.
        catalogues = load_catalogues(settings.municipalities_dir)
        with contextlib.suppress(KeyboardInterrupt):
            run_worker(db, settings, catalogues, once=args.once)
        return 0
    if args.command == "staff":
        return _staff(args, db)
    return _partners(args, settings, db)


def _staff(args: argparse.Namespace, db: object) -> int:
    import getpass
    from datetime import UTC, datetime

    from handoff.db import Database

    assert isinstance(db, Database)
    password = ""
    if args.action in ("add", "reset-password"):
        # Asked without echo; piped (scripts), the first line of standard input.
        piped = not sys.stdin.isatty()
        password = sys.stdin.readline().rstrip("\n") if piped else getpass.getpass("Wachtwoord: ")
    now = datetime.now(UTC)
    try:
        with db.transaction() as session:
            if args.action != "add":
                found = accounts.account_by_email(session, args.email)
                if found is None:
                    print(f"no account with e-mail address {args.email!r}", file=sys.stderr)
                    return 2
                if args.action == "reset-password":
                    accounts.reset_password(found, password, args.by, now)
                else:
                    accounts.set_active(found, args.action == "activate", args.by, now)
                print(f"account {found.id}: {args.action} done")
                return 0
            account = accounts.create_account(
                session,
                email=args.email,
                name=args.name,
                municipality=args.municipality,
                role=args.role,
                team=args.team,
                password=password,
                now=now,
            )
            print(f"account {account.id} made ({account.role}, {account.municipality})")
    except accounts.AccountError as exc:
        print(exc)
        return 2
    return 0


def _partners(args: argparse.Namespace, settings: Settings, db: object) -> int:
    from sqlalchemy import select

    from handoff import partners
    from handoff.db import Database
    from handoff.models import Partner
    from handoff.routing_engine import load_catalogues

    assert isinstance(db, Database)
    if args.action == "list":
        with db.session() as session:
            query = select(Partner).order_by(Partner.municipality, Partner.id)
            for row in session.scalars(query):
                print(
                    f"{row.municipality}\t{row.id}\tkey={'yes' if row.api_key_hash else 'no'}\t"
                    f"webhook={row.webhook_url or '-'}\temail={row.email or '-'}"
                )
        return 0
    catalogues = load_catalogues(settings.municipalities_dir)
    municipality = args.municipality or settings.default_municipality
    if municipality not in catalogues:
        known = ", ".join(sorted(catalogues))
        print(f"unknown municipality {municipality!r}; known: {known}", file=sys.stderr)
        return 2
    catalogue = catalogues[municipality]
    if args.party not in partners.known_parties(catalogue):
        valid = ", ".join(partners.known_parties(catalogue))
        print(f"unknown partner or team {args.party!r}; valid: {valid}", file=sys.stderr)
        return 2
    with db.transaction() as session:
        if args.action == "set-key":
            key = partners.set_key(session, args.party, municipality)
        else:
            partners.configure(
                session, args.party, args.webhook, args.secret, args.email, municipality
            )
            key = None
    if key is not None:
        print(key)
        print("Store this key now: it is not shown again.", file=sys.stderr)
    else:
        print(f"{args.party} configured")
    return 0
