"""Score the blind reading set (tests/readings/) on a fresh stack.

Starts scripts/run.sh on free ports with its data in a temporary folder (as the tests do),
sends every item and prints the share read as the writer meant it. The dev sets print their
misses; the holdouts print only their score.

    .venv/bin/python bench/reading_score.py [--set NAME|both] [--file PATH]

NAME is one of tests/readings/score.py's SETS (dev, holdout, dev2, …); `both` (the default)
scores every set.

`--file` scores another file in the same format (printing its misses), e.g. a new blind set
before it is split.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.readings import score as reading
from tests.stack import run_stack


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*reading.SETS, "both"], default="both")
    parser.add_argument("--file", type=Path, help="score this file instead, with its misses")
    args = parser.parse_args()
    if args.file:
        sets = {args.file.stem: args.file}
    else:
        names = list(reading.SETS) if args.set == "both" else [args.set]
        sets = {name: reading.SETS[name] for name in names}
    with tempfile.TemporaryDirectory() as tmp, run_stack(Path(tmp)) as running:
        for name, path in sets.items():
            items = reading.load_items(path)
            outcomes = reading.read_set(running, items)
            passed = sum(o.passed for o in outcomes)
            print(f"{name}: {passed}/{len(outcomes)} = {reading.score(outcomes):.0%} read as meant")
            if name.startswith("holdout"):
                continue
            kinds: Counter[str] = Counter()
            for item, outcome in zip(items, outcomes, strict=True):
                kind = item.get("question") or item["kind"]
                kinds[kind] += not outcome.passed
                if not outcome.passed:
                    said = f"{item['text'][:70]!r}"
                    print(f"  {outcome.id} [{kind}] {said}: " + "; ".join(outcome.misses))
            print("  misses by question: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
