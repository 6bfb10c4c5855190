"""Routing quality on unseen initiatives: lead, scope, partner and instrument recall, teams.

Run with `make bench` or `.venv/bin/python bench/routing_eval.py [--quiet] [files...]`.
Without files it runs Delft's dev.yml, dev2.yml and holdout.yml. A file in
data/municipalities/<id>/eval/ is routed by that municipality (or by `--municipality ID`).
The evaluation sets in data/municipalities/delft/eval/ were written blind (without reading the
rules); see their header comments. Fix rules on the dev sets (dev, dev2) only; measure holdout
once, at the end.
Misses are printed for the dev sets; holdout prints numbers only unless --holdout-misses
is given, so that the holdout stays unseen while rules are being fixed. The scoring is
routing.evaluation's, the same that `make test` gates (data/municipalities/delft/eval/gates.yml).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from routing import Router, get_municipalities  # noqa: E402
from routing.evaluation import evaluate, is_holdout  # noqa: E402

EVAL_DIR = ROOT / "data" / "municipalities" / "delft" / "eval"
DEFAULT_FILES = [EVAL_DIR / "dev.yml", EVAL_DIR / "dev2.yml", EVAL_DIR / "holdout.yml"]


def router_for(path: Path, municipality: str | None) -> Router:
    """The chosen municipality's router, else that of the folder holding `eval/<file>`."""
    registry = get_municipalities()
    folder = path.parent.parent
    in_registry = folder == (registry.root / folder.name).resolve() and folder.name in registry
    if municipality is None and path.parent.name == "eval" and in_registry:
        municipality = folder.name
    return registry.get(municipality)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--quiet", action="store_true", help="numbers only, no misses")
    parser.add_argument(
        "--holdout-misses", action="store_true", help="also print the misses of holdout files"
    )
    parser.add_argument("--municipality", help="route every file with this municipality")
    args = parser.parse_args()
    if args.municipality is not None and args.municipality not in get_municipalities():
        parser.error(
            f"unknown municipality {args.municipality!r}; known: "
            f"{', '.join(get_municipalities().ids)}"
        )
    for path in args.files:
        path = path.resolve()
        router = router_for(path, args.municipality)
        show = not args.quiet and (args.holdout_misses or not is_holdout(path))
        score = evaluate(router, path, collect_misses=show)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown} ({score.items} items, rules {router.rules_version})")
        print("\n".join(score.lines()))
        if score.misses:
            print(f"  misses ({len(score.misses)}):")
            print("\n".join(score.misses))
        print()


if __name__ == "__main__":
    main()
