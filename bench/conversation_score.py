"""Score the blind conversation set (tests/conversations/) on a fresh stack.

Starts scripts/run.sh on free ports with its data in a temporary folder (as the tests do),
replays the set and prints the share of conversations that pass every check. Dev
conversations print their failures (and, with --transcripts, their transcripts); the holdout
prints only its score, and with --kinds how many of its failures are of each kind (the
check that failed, without the turn's text or the values said), so that the kinds a holdout
fails on can be looked for in the dev sets without reading the holdout.

    .venv/bin/python bench/conversation_score.py
        [--set NAME|devs|holdouts|both|all] [--only ID] [--kinds]
        [--transcripts var/blind-dev.md]

NAME is one set of tests/conversations/replay.py's SETS (dev, dev2, …, holdout, holdout2, …);
`devs` is every dev set, `holdouts` every holdout, `both` dev and holdout, `all` every set.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conversations import replay
from tests.stack import run_stack

# A failure's kind: its message without what the inwoner typed or what was stored.
_QUOTED = re.compile(r"\s*\(?['\"\[(].*$")
# Kept: whether the question of a field stored wrong was asked (tests/conversations/replay.py).
_HOW = re.compile(r"\s*\((asked|not asked, [a-z ]+)\)$")


def failure_kind(message: str) -> str:
    """The check a failure message names ("stage: stored 'idee', said 'lopend'" → "stage:
    stored"), with whether that field's question was asked ("… (asked)")."""
    how = _HOW.search(message)
    kind = _QUOTED.sub("", _HOW.sub("", message))
    kind = re.sub(r"\s*(:|,)?\s*$", "", re.sub(r"\bLOK-\S+", "", kind))
    return f"{kind} ({how.group(1)})" if how else kind


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    groups = {
        "both": ["dev", "holdout"],
        "devs": list(replay.DEV_SETS),
        "holdouts": list(replay.HOLDOUT_SETS),
        "all": [*replay.DEV_SETS, *replay.HOLDOUT_SETS],
    }
    parser.add_argument("--set", choices=[*replay.SETS, *groups], default="both")
    parser.add_argument("--only", help="replay one dev-set conversation by id")
    parser.add_argument(
        "--kinds", action="store_true", help="count every set's failures by kind (no texts)"
    )
    parser.add_argument("--transcripts", type=Path, help="write the dev sets' transcripts here")
    args = parser.parse_args()
    names = groups.get(args.set, [args.set])
    with tempfile.TemporaryDirectory() as tmp, run_stack(Path(tmp)) as running:
        stack = replay.stack_for(running)
        lines: list[str] = []
        for name in names:
            conversations = replay.load_set(replay.SETS[name])
            if args.only:
                if name not in replay.DEV_SETS:
                    continue
                conversations = [c for c in conversations if c["id"] == args.only]
            results = replay.replay_set(stack, conversations)
            passed = sum(r.passed for r in results)
            print(f"{name}: {passed}/{len(results)} = {replay.score(results):.0%} pass")
            if args.kinds:
                kinds = Counter(failure_kind(f) for r in results for f in r.failures)
                for kind, count in kinds.most_common():
                    print(f"    {count:3d}  {kind}")
            if name not in replay.DEV_SETS:
                continue
            for result in results:
                if not result.passed:
                    print(f"  {result.id}: " + "; ".join(result.failures))
                lines += [f"## {result.id} ({'pass' if result.passed else 'FAIL'})", ""]
                lines += [*result.failures, "", "```", *result.transcript, "```", ""]
        if args.transcripts:
            args.transcripts.parent.mkdir(parents=True, exist_ok=True)
            args.transcripts.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
