"""Command line for routing: `loket route`, `loket rules lint|test`, `loket municipality
check|list`, `loket info`.

Errors are one line on stderr with exit code 2 (bad input or rules), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from routing.errors import RoutingError, UnknownMunicipality

EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, like every other usage error
        print(f"loket {self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def main(args: list[str]) -> int:
    """Entry point; `args[0]` is the command name (route, rules, municipality, info)."""
    command, rest = (args[0], args[1:]) if args else ("", [])
    try:
        if command == "route":
            return _route(rest)
        if command == "rules":
            return _rules(rest)
        if command == "info":
            return _info(rest)
        if command == "municipality":
            return _municipality(rest)
    except RoutingError as exc:
        print(f"loket {command}: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `loket route | head`: the reader left, nothing to report
        sys.stderr.close()
        return 0
    print(f"loket: unknown routing command {command!r}", file=sys.stderr)
    return EXIT_USAGE


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _route(rest: list[str]) -> int:
    parser = _Parser(prog="route", description="Route an intake (JSON on stdin) to teams.")
    parser.add_argument(
        "--jsonl", action="store_true", help="one intake per line in, one route per line out"
    )
    parser.add_argument("--text", help="route this Dutch text and explain the route in Dutch")
    parser.add_argument(
        "--municipality",
        help="municipality ID for intakes that name none (default LOKET_DEFAULT_MUNICIPALITY)",
    )
    parser.add_argument("--data", type=Path, help="one municipality's data folder")
    opts = parser.parse_args(rest)
    router_for = _routers(opts.data)
    default = router_for(opts.municipality)  # an unknown ID stops here: exit 2, known IDs
    if opts.text is not None:
        from routing.explain import explain

        print(explain(default, default.route({"text": opts.text})))
        return 0

    def route(raw: str) -> Any:
        intake = _parse_intake(raw)
        chosen = intake.get("municipality")
        router = router_for(chosen if isinstance(chosen, str) else opts.municipality)
        return router.route(intake)

    if opts.jsonl:
        failed = 0
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                print(route(line).model_dump_json(), flush=False)
            except (RoutingError, ValueError) as exc:
                failed += 1
                print(json.dumps({"error": _one_line(exc), "line": number}, ensure_ascii=False))
        sys.stdout.flush()
        return EXIT_USAGE if failed else 0
    try:
        result = route(sys.stdin.read())
    except (RoutingError, ValueError) as exc:
        print(f"loket route: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def _parse_intake(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    if not isinstance(data, dict):
        raise ValueError('invalid intake: expected a JSON object like {"text": "..."}')
    return data


def _rules(rest: list[str]) -> int:
    parser = _Parser(prog="rules", description="Check the routing rules and run the staff cases.")
    parser.add_argument("action", choices=["lint", "test"])
    parser.add_argument("--municipality", help="municipality ID (default: the default one)")
    parser.add_argument("--data", type=Path, help="one municipality's data folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list passing cases")
    opts = parser.parse_args(rest)
    router = _routers(opts.data)(opts.municipality)
    if opts.action == "lint":
        _print_lint(router)
        return 0
    return _run_staff_cases(router, opts.verbose)


def _municipality(rest: list[str]) -> int:
    parser = _Parser(
        prog="municipality",
        description="`check ID`: lint a municipality's data and run its staff test cases; "
        "`list`: the municipalities this Loket serves.",
    )
    parser.add_argument("action", choices=["check", "list"])
    parser.add_argument("id", nargs="?", help="municipality ID (the folder name)")
    parser.add_argument(
        "--root",
        type=Path,
        help="folder of municipality folders (default LOKET_MUNICIPALITIES_DIR)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="also list passing cases")
    opts = parser.parse_args(rest)
    from routing import municipalities_dir
    from routing.municipalities import Municipalities, discover

    root = opts.root or municipalities_dir()
    if opts.action == "list":
        for municipality in discover(root):
            print(municipality)
        return 0
    if not opts.id:
        parser.error("check needs a municipality ID")
    known = discover(root)
    if opts.id not in known:
        raise UnknownMunicipality(opts.id, known)
    router = Municipalities(root, opts.id).get(opts.id)
    _print_lint(router)
    return _run_staff_cases(router, opts.verbose)


def _print_lint(router: Any) -> None:
    print(
        f"OK: {len(router.rules)} rules, {len(router.signals.themes)} themes, "
        f"catalogue {router.catalogue.municipality.name}; rules version {router.rules_version}"
    )


def _run_staff_cases(router: Any, verbose: bool) -> int:
    from routing.staff_cases import run_cases, uncovered_rules

    results = run_cases(router)
    failed = [r for r in results if not r.passed]
    for result in results:
        if verbose or not result.passed:
            print(("PASS " if result.passed else "FAIL ") + result.message)
    uncovered = uncovered_rules(router, results)
    if uncovered:
        print(f"FAIL rules covered by no case: {', '.join(uncovered)}")
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed, {len(results)} cases")
    return EXIT_FAILED if failed or uncovered else 0


def _info(rest: list[str]) -> int:
    parser = _Parser(prog="info", description="Versions, rules hash and spaCy pipeline.")
    parser.add_argument("--municipality", help="municipality ID (default: the default one)")
    parser.add_argument("--data", type=Path, help="one municipality's data folder")
    opts = parser.parse_args(rest)
    from importlib.metadata import PackageNotFoundError, version

    router = _routers(opts.data)(opts.municipality)

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    print(f"loket {ver('loket')}")
    print(f"python {sys.version.split()[0]}")
    for name in ("spacy", "spacy-lookups-data", "pydantic", "PyYAML"):
        print(f"{name} {ver(name)}")
    print(f"routing data {router.data_dir}")
    print(f"rules version {router.rules_version} ({len(router.rules)} rules)")
    print(f"spaCy pipeline {router.pipeline}")
    return 0


def _routers(path: Path | None) -> Callable[[str | None], Any]:
    """How to get the router of a municipality ID (None: the default municipality).

    With `--data` (or `LOKET_ROUTING_DIR`) only that folder's municipality is known.
    """
    from routing import get_municipalities, routing_dir

    folder = path or routing_dir()
    if folder is None:
        return get_municipalities().get
    from routing.engine import Router

    fixed = Router.load(folder)

    def only(municipality: str | None) -> Any:
        own = fixed.catalogue.municipality.id
        if municipality not in (None, own):
            raise UnknownMunicipality(municipality, [own])
        return fixed

    return only
