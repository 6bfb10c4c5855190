"""Routing quality on unseen initiatives: lead, scope, partner and instrument recall.

Run with `make bench` or `.venv/bin/python bench/routing_eval.py [--quiet] [files...]`.
Without files it runs dev.yml, dev2.yml and holdout.yml. The evaluation sets in
data/routing/eval/ were written blind (without reading the rules); see their header
comments. Fix rules on the dev sets (dev, dev2) only; measure holdout once, at the end.
Misses are printed for the dev sets; holdout prints numbers only unless --holdout-misses
is given, so that the holdout stays unseen while rules are being fixed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from routing import get_router  # noqa: E402

EVAL_DIR = ROOT / "data" / "routing" / "eval"
DEFAULT_FILES = [EVAL_DIR / "dev.yml", EVAL_DIR / "dev2.yml", EVAL_DIR / "holdout.yml"]


def pct(num: int, den: int) -> str:
    return f"{num}/{den} = {100 * num / den:.0f}%" if den else "n/a"


def evaluate(path: Path, show_misses: bool) -> None:
    router = get_router()
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    scope_ok = lead_ok = lead_n = 0
    p_hit = p_n = i_hit = i_n = 0
    team_counts: list[int] = []
    misses: list[str] = []
    for item in items:
        route = router.route({"text": item["text"]})
        got = route.model_dump(mode="json")
        lead = got["departments"][0] if got["departments"] else None
        if got["in_scope"]:
            team_counts.append(len(got["departments"]))
        problems: list[str] = []
        if bool(got["in_scope"]) == bool(item["in_scope"]):
            scope_ok += 1
        else:
            problems.append(f"in_scope expected {item['in_scope']}, got {got['in_scope']}")
        if item["in_scope"]:
            accepted = item.get("lead_any") or [item["lead"]]
            lead_n += 1
            if lead in accepted:
                lead_ok += 1
            else:
                problems.append(f"lead expected {'|'.join(accepted)}, got {lead}")
            checks = (("partners_include", "partners"), ("instruments_include", "instruments"))
            for key, field in checks:
                for want in item.get(key, []):
                    hit = want in got[field]
                    if field == "partners":
                        p_n += 1
                        p_hit += hit
                    else:
                        i_n += 1
                        i_hit += hit
                    if not hit:
                        problems.append(f"{field} missing {want} (got {got[field]})")
        if problems:
            fired = ", ".join(r["rule"] for r in got["reasons"]) or "-"
            misses.append(
                f"  {item['id']}: {item['text'][:110]}\n"
                + "".join(f"      {p}\n" for p in problems)
                + f"      rules fired: {fired}"
            )
    print(f"{path.relative_to(ROOT)} ({len(items)} items, rules {router.rules_version})")
    print(f"  lead accuracy      {pct(lead_ok, lead_n)}")
    print(f"  in-scope accuracy  {pct(scope_ok, len(items))}")
    print(f"  partner recall     {pct(p_hit, p_n)}")
    print(f"  instrument recall  {pct(i_hit, i_n)}")
    mean = sum(team_counts) / len(team_counts) if team_counts else 0.0
    print(f"  mean departments   {mean:.2f} per in-scope route (max {max(team_counts, default=0)})")
    if misses and show_misses:
        print(f"  misses ({len(misses)}):")
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--quiet", action="store_true", help="numbers only, no misses")
    parser.add_argument(
        "--holdout-misses", action="store_true", help="also print the misses of holdout files"
    )
    args = parser.parse_args()
    for path in args.files:
        holdout = "holdout" in path.name
        show = not args.quiet and (args.holdout_misses or not holdout)
        evaluate(path.resolve(), show)
        print()


if __name__ == "__main__":
    main()
