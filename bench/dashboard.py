"""Benchmark of the staff dashboard's queries on generated anonymised records.

Generates N records (fixed seed; one municipality, 36 months, Delft's wijken, needs, SDGs,
teams, instruments, statuses, outcomes and impact answers) on a SQLite file and on a
throw-away PostgreSQL, then times each dashboard view (handoff.monitoring.dashboard) R times
over all months and over one year, and the whole dashboard (every view). Prints p50 / p95 /
max per view.

    .venv/bin/python bench/dashboard.py [--records 100000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from handoff.db import Database  # noqa: E402
from handoff.monitoring import dashboard as views  # noqa: E402
from handoff.monitoring.models import IMPACT_ANSWERS, MonitorRecord, MonitorTag  # noqa: E402
from routing import load_catalogue  # noqa: E402
from tests.postgres import TempPostgres  # noqa: E402

TARGET_MS = 300.0
BATCH = 5000


def generate(n: int, seed: int = 16) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    cat = load_catalogue(ROOT / "data/municipalities/delft/catalogue.yml")
    rng = random.Random(seed)
    # The impact answers from a stream of their own: the other fields stay as they were.
    answers_rng = random.Random(seed + 1)
    needs, wijken = list(cat.needs), list(cat.wijken)
    teams, partners = list(cat.departments), list(cat.partners)
    instruments, organisations = list(cat.instruments), list(cat.organisations)
    stages = list(cat.stages)
    months = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)]
    records, tags = [], []
    for record_id in range(1, n + 1):
        closed = rng.random() < 0.6
        outcome = rng.choice(("geholpen", "geholpen", "deels", "niet")) if closed else None
        status = (
            "afgerond"
            if closed
            else rng.choice(("nieuw", "ontvangen", "in behandeling", "niet passend"))
        )
        lead = rng.choice(teams)
        records.append(
            {
                "id": record_id,
                "case_id": None,
                "municipality": "delft",
                "month": rng.choice(months),
                "wijk": rng.choice(wijken) if rng.random() < 0.8 else None,
                "stage": rng.choice(stages),
                "organisation": rng.choice(organisations),
                "lead": lead,
                "status": status,
                "outcome": outcome,
                "lead_time_days": rng.randint(1, 120) if closed else None,
                "replied_in_time": rng.random() < 0.7,
                # A third of the closed cases' inwoners answered the impact question.
                "impact": answers_rng.choice(list(IMPACT_ANSWERS))
                if closed and answers_rng.random() < 1 / 3
                else None,
            }
        )
        chosen = {
            "need": rng.sample(needs, rng.randint(1, 3)),
            "sdg": [str(s) for s in rng.sample(range(1, 18), rng.randint(0, 3))],
            "party": [lead, *rng.sample(partners, rng.randint(0, 2))],
            "instrument": rng.sample(instruments, rng.randint(1, 2)) if closed else [],
            "offered": rng.sample(instruments, rng.randint(0, 3)),
        }
        record = records[-1]
        copied = {
            "municipality": "delft",
            "month": record["month"],
            "status": status,
            "outcome": outcome,
            "offered": bool(chosen["offered"]),
        }
        for kind, values in chosen.items():
            for tag in dict.fromkeys(values):
                tags.append({"record_id": record_id, "kind": kind, "tag": tag, **copied})
    return records, tags


def fill(db: Database, records: list[dict[str, Any]], tags: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    with db.engine.begin() as connection:
        for table, rows in ((MonitorRecord, records), (MonitorTag, tags)):
            for start in range(0, len(rows), BATCH):
                connection.execute(insert(table), rows[start : start + BATCH])
    # What autovacuum does on its own soon after a load (PostgreSQL: index-only scans need
    # the visibility map); SQLite: the planner's statistics.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text("VACUUM ANALYZE" if db.engine.dialect.name != "sqlite" else "ANALYZE")
        )
    return time.perf_counter() - started


def timed(db: Database, view: Callable[..., Any], period: views.Period, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        with db.session() as session:
            started = time.perf_counter()
            view(session, period)
            times.append((time.perf_counter() - started) * 1000)
    return times


def run(name: str, url: str, records: list[Any], tags: list[Any], repeat: int) -> bool:
    db = Database(url)
    db.upgrade()
    seconds = fill(db, records, tags)
    print(f"\n{name}: {len(records):,} records, {len(tags):,} tags loaded in {seconds:.1f} s")
    print(f"{'view':<17} {'period':<10} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    ok = True
    periods = {
        "all": views.Period("delft"),
        "2025": views.Period("delft", "2025-01", "2025-12"),
    }
    functions = {v: getattr(views, v) for v in views.VIEWS} | {"dashboard": views.dashboard}
    for label, period in periods.items():
        for view, function in functions.items():
            timed(db, function, period, 1)  # warm the caches
            times = sorted(timed(db, function, period, repeat))
            p95 = times[max(0, round(0.95 * len(times)) - 1)]
            ok &= view == "dashboard" or p95 < TARGET_MS
            print(
                f"{view:<17} {label:<10} {statistics.median(times):8.1f} {p95:8.1f}"
                f" {times[-1]:8.1f}"
            )
    db.dispose()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    started = time.perf_counter()
    records, tags = generate(args.records)
    print(f"generated in {time.perf_counter() - started:.1f} s; load {os.getloadavg()[0]:.1f}")
    ok = True
    with tempfile.TemporaryDirectory(prefix="loket-dash-") as tmp:
        ok &= run("SQLite", f"sqlite:///{tmp}/bench.db", records, tags, args.repeat)
    with TempPostgres() as server:
        ok &= run("PostgreSQL", server.url, records, tags, args.repeat)
    print(f"\nevery view p95 < {TARGET_MS:.0f} ms: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
