"""Command line for routing: `loket route`, `loket rules lint|test`, `loket info`.

Errors are one line on stderr with exit code 2 (bad input or rules), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from routing.errors import RoutingError

EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, like every other usage error
        print(f"loket {self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def main(args: list[str]) -> int:
    """Entry point; `args[0]` is the command name (route, rules, info)."""
    command, rest = (args[0], args[1:]) if args else ("", [])
    try:
        if command == "route":
            return _route(rest)
        if command == "rules":
            return _rules(rest)
        if command == "info":
            return _info(rest)
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
    parser.add_argument("--data", type=Path, help="routing data folder (default LOKET_ROUTING_DIR)")
    opts = parser.parse_args(rest)
    router = _router(opts.data)
    if opts.text is not None:
        from routing.explain import explain

        print(explain(router, router.route({"text": opts.text})))
        return 0
    if opts.jsonl:
        failed = 0
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                route = router.route(_parse_intake(line))
                print(route.model_dump_json(), flush=False)
            except (RoutingError, ValueError) as exc:
                failed += 1
                print(json.dumps({"error": _one_line(exc), "line": number}, ensure_ascii=False))
        sys.stdout.flush()
        return EXIT_USAGE if failed else 0
    raw = sys.stdin.read()
    try:
        route = router.route(_parse_intake(raw))
    except (RoutingError, ValueError) as exc:
        print(f"loket route: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(route.model_dump(mode="json"), ensure_ascii=False, indent=2))
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
    parser.add_argument("--data", type=Path, help="routing data folder (default LOKET_ROUTING_DIR)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list passing cases")
    opts = parser.parse_args(rest)
    router = _router(opts.data)
    if opts.action == "lint":
        from routing.staff_cases import uncovered_rules

        print(
            f"OK: {len(router.rules)} rules, {len(router.signals.themes)} themes, "
            f"catalogue {router.catalogue.municipality.name}; rules version {router.rules_version}"
        )
        return 0
    from routing.staff_cases import case_paths, run_cases, uncovered_rules

    results = run_cases(router, case_paths(opts.data))
    failed = [r for r in results if not r.passed]
    for result in results:
        if opts.verbose or not result.passed:
            print(("PASS " if result.passed else "FAIL ") + result.message)
    uncovered = uncovered_rules(router, results)
    if uncovered:
        print(f"FAIL rules covered by no case: {', '.join(uncovered)}")
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed, {len(results)} cases")
    return EXIT_FAILED if failed or uncovered else 0


def _info(rest: list[str]) -> int:
    parser = _Parser(prog="info", description="Versions, rules hash and spaCy pipeline.")
    parser.add_argument("--data", type=Path, help="routing data folder (default LOKET_ROUTING_DIR)")
    opts = parser.parse_args(rest)
    from importlib.metadata import PackageNotFoundError, version

    router = _router(opts.data)

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    print(f"loket {ver('loket')}")
    print(f"python {sys.version.split()[0]}")
    for name in ("spacy", "spacy-lookups-data", "pydantic", "PyYAML"):
        print(f"{name} {ver(name)}")
    print(f"routing data {_data_dir(opts.data)}")
    print(f"rules version {router.rules_version} ({len(router.rules)} rules)")
    print(f"spaCy pipeline {router.pipeline}")
    return 0


def _data_dir(path: Path | None) -> Path:
    from routing import data_dir

    return path or data_dir()


def _router(path: Path | None) -> Any:
    from routing.engine import Router

    return Router.load(_data_dir(path))
