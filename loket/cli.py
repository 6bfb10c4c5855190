"""The `loket` command: dispatches to the routing commands and the handoff service commands.

Routing commands import nothing of the web service, so `loket route` starts fast.
"""

from __future__ import annotations

import os
import sys

ROUTING_COMMANDS = {"route", "rules", "municipality", "info"}
HANDOFF_COMMANDS = {"db", "purge", "serve", "worker", "partners", "staff"}
SETTINGS_USAGE = """usage: loket settings (--shell [--scaled] | --markdown)

--shell     export lines of the settings of `make run`, derived values filled in (run.sh)
--scaled    with --shell: those of `make run-scaled` (run_scaled.sh, setup_scaled.sh)
--markdown  docs/configuration.md: every setting of every process, from the models"""

USAGE = """usage: loket <command> [options]

routing:  route, rules lint, rules test, municipality check ID, municipality list, info
service:  db upgrade, purge, serve, worker, partners, staff
settings: settings --shell [--scaled], settings --markdown
Run `loket <command> --help` for the options of a command."""


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # databases, secrets and exports it writes are for their owner only
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    command = args[0]
    if command in ROUTING_COMMANDS:
        from routing.cli import main as routing_main

        return routing_main(args)
    if command in HANDOFF_COMMANDS:
        from handoff.cli import main as handoff_main

        return handoff_main(args)
    if command == "settings":
        return settings(args[1:])
    print(f"loket: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2


def settings(args: list[str]) -> int:
    from pydantic import ValidationError

    if args == ["--markdown"]:
        from loket.configuration import markdown

        print(markdown(), end="")
        return 0
    if args not in (["--shell"], ["--shell", "--scaled"]):
        print(SETTINGS_USAGE, file=sys.stderr)
        return 2
    from loket.settings import RunSettings, ScaledRunSettings

    model = ScaledRunSettings if "--scaled" in args else RunSettings
    try:
        print(model().shell(), end="")
    except ValidationError as error:
        for problem in error.errors():
            name = "_".join(str(part) for part in problem["loc"]).upper()
            print(f"loket settings: LOKET_{name}: {problem['msg']}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
