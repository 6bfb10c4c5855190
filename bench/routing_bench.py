"""Routing benchmark: in-process route() latency and `loket route --jsonl` throughput.

Run with `make bench` or `.venv/bin/python bench/routing_bench.py [--n 1000]`.
Intakes are generated from a fixed seed, so every run routes the same inputs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from routing import get_router  # noqa: E402

FRAGMENTS = [
    "We willen in onze buurt een moestuin beginnen",
    "Veel ouderen in de flat zijn eenzaam",
    "Wij zijn een sociale onderneming die mensen met afstand tot de arbeidsmarkt opleidt",
    "We zoeken een pand of een ruimte voor onze activiteiten",
    "Er is geld nodig voor materiaal en we denken aan crowdfunding",
    "Zonnepanelen op het dak van het buurthuis",
    "Een taalcafé in de bibliotheek voor nieuwkomers",
    "We organiseren een straatfeest met muziek en een foodtruck",
    "Hoe meten we onze impact en laten we zien aan welke SDG's we bijdragen",
    "De gemeente zou onze eerste klant kunnen worden",
    "We zoeken vrijwilligers die een paar uur per week willen helpen",
    "Ons repaircafé wil groeien naar andere wijken",
    "Welke vergunning hebben we nodig voor een terras",
    "Studenten van de TU willen met ons een app bouwen",
    "Kinderen in de wijk hebben weinig plek om te sporten",
    "Onze stichting draait al jaren en zoekt structurele samenwerking met de gemeente",
    "Hoe vraag ik een nieuw paspoort aan",
    "Wanneer wordt het grofvuil opgehaald",
]
FILLER = "Wij zijn met een groep bewoners en hebben er veel zin in en denken graag mee. "


def generate(n: int, seed: int = 2026) -> list[dict[str, object]]:
    router = get_router()
    rng = random.Random(seed)
    needs = list(router.catalogue.needs)
    intakes: list[dict[str, object]] = []
    for i in range(n):
        size = rng.choice([0, 1, 1, 2, 3, 5, 8])  # sentences; 0 = only clicked answers
        text = ". ".join(rng.choice(FRAGMENTS) for _ in range(size))
        if i % 25 == 0:  # a few long texts, up to ~4,000 characters
            text = (text + ". " + FILLER * rng.randint(10, 45))[:4900]
        intake: dict[str, object] = {"text": text, "needs": rng.sample(needs, rng.randint(0, 6))}
        if rng.random() < 0.5:
            intake["stage"] = rng.choice(list(router.catalogue.stages))
        if rng.random() < 0.5:
            intake["organisation"] = rng.choice(list(router.catalogue.organisations))
        if rng.random() < 0.3:
            intake["wijk"] = rng.choice(router.catalogue.wijken)
        intakes.append(intake)
    return intakes


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_in_process(intakes: list[dict[str, object]]) -> None:
    router = get_router()
    router.route(intakes[0])  # warm caches once, as a running service would be
    times: list[float] = []
    cpu: list[float] = []  # CPU time of this thread: less disturbed by other loads on the machine
    start = time.perf_counter()
    for intake in intakes:
        t0, c0 = time.perf_counter(), time.thread_time()
        router.route(intake)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    total = time.perf_counter() - start
    chars = [len(str(i["text"])) for i in intakes]
    print(f"in-process route(): {len(intakes)} intakes, text 0-{max(chars)} chars")
    print(
        f"  p50 {statistics.median(times):.2f} ms  p95 {percentile(times, 0.95):.2f} ms  "
        f"max {max(times):.2f} ms  {len(intakes) / total:.0f} intakes/s  (wall clock)"
    )
    print(
        f"  p50 {statistics.median(cpu):.2f} ms  p95 {percentile(cpu, 0.95):.2f} ms  "
        f"max {max(cpu):.2f} ms  (CPU time of the routing thread)"
    )


def bench_cli(intakes: list[dict[str, object]]) -> None:
    loket = [str(ROOT / ".venv" / "bin" / "loket")]
    one = json.dumps({"text": "We zoeken vrijwilligers voor de buurtmoestuin"})
    starts = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([*loket, "route"], input=one, capture_output=True, text=True, check=True)
        starts.append(time.perf_counter() - t0)
    print(
        f"loket route (one intake, process start included): best {min(starts):.2f} s, "
        f"median {statistics.median(starts):.2f} s of 3"
    )
    payload = "\n".join(json.dumps(i, ensure_ascii=False) for i in intakes) + "\n"
    t0 = time.perf_counter()
    done = subprocess.run(
        [*loket, "route", "--jsonl"], input=payload, capture_output=True, text=True, check=True
    )
    elapsed = time.perf_counter() - t0
    lines = done.stdout.count("\n")
    print(
        f"loket route --jsonl: {lines} routes in {elapsed:.2f} s incl. process start "
        f"({lines / elapsed:.0f} intakes/s)"
    )


def machine_load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    opts = parser.parse_args()
    router = get_router()
    print(f"pipeline: {router.pipeline}; rules version {router.rules_version}")
    print(f"machine load average (1 min) at start: {machine_load()}")
    intakes = generate(opts.n)
    bench_in_process(intakes)
    bench_cli(intakes)


if __name__ == "__main__":
    main()
