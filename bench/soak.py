"""Soak of the scaled setup: concurrent intakes that end in a case, with kill -9 mid-way.

N conversations (default 100) run side by side for a while (default 10 minutes), each a whole
Dutch intake ending in a case, with think time between turns; every slot starts a new
conversation when one ends. In the middle, `kill -9` hits one Rasa server, one API worker
and the delivery worker. Afterwards it waits (bounded) until the webhook deliveries of the
soak's cases are sent, and reports:

- lost cases: conversations promised a reference whose case is not in the database;
- duplicate cases (one conversation, two cases) and duplicate deliveries (two outbox rows for
  one case, party and channel); webhook deliveries the receiver got more than once (the same
  Idempotency-Key: a resend after a killed worker, which receivers dedupe);
- conversations that could not carry on: a turn failed twice in a row (the driver sends a
  failed turn once more, as an inwoner would), or the intake never reached a reference;
- turn latency p50/p95/max, overall and in the minute after the kills;
- memory: RSS and PSS of every process of the stack (Rasa, API, actions, delivery worker,
  Redis, PostgreSQL, the process supervisor), at the start, peak and end.

All traffic stays on 127.0.0.1; every loop is bounded in count and time.

    make soak                                    # starts scripts/run_scaled.sh, soaks, stops it
    make soak SOAK_ARGS=--short                  # 30 conversations for 3 minutes
    .venv/bin/python bench/soak.py --start --duration 120 --conversations 10 --api-port 8300 ...
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chat_load import listener_pids, memory_mib, stack_pids, start_script
from soak_stack import (
    Receiver,
    api_worker_pids,
    database_counts,
    delivery_worker_pids,
    pending_webhooks,
)

ROOT = Path(__file__).resolve().parents[1]
SCALED_DIR = ROOT / "var" / "soak" / "scaled"

# Intakes of different initiatives, so cases go to different teams and partners.
OPENINGS = [
    "Met een paar buren willen we een moestuin beginnen op het grasveld in Voorhof. "
    "We zoeken nog vrijwilligers.",
    "We willen een taalcafé starten in Tanthof voor nieuwkomers en zoeken een ruimte.",
    "Ik wil een repaircafé beginnen in de Hof van Delft en zoek geld voor gereedschap.",
    "Wij zijn een sociale onderneming en willen mensen met afstand tot werk aannemen.",
]
# What an inwoner answers to each question, recognised by the question's words.
ANSWERS = {
    "samenvatting delen": "ja, stuur maar door",
    "Klopt dit?": "ja dat klopt",
    "Wat wilt u met uw initiatief bereiken": "Buren die elkaar helpen en samen iets maken",
    "Waar zoekt u vooral hulp bij": "we zoeken vrijwilligers",
    "Hoe ver bent u": "het is nog een idee",
    "Wie zit er achter": "we zijn gewoon een paar buurtbewoners",
    "In welke wijk": "Voorhof",
    "contact met u opneemt": "ja graag",
    "Hoe kunnen we u bereiken": "Sanne de Vries, sanne.devries@example.nl",
}
REFERENCE = re.compile(r"Uw kenmerk is (\S+?)\.")
MAX_TURNS = 16


@dataclass
class Outcome:
    sender: str
    reference: str | None = None
    failed_turn: str | None = None  # why the conversation could not carry on
    last_reply: str = ""


@dataclass
class Soak:
    latencies: list[tuple[float, float]] = field(default_factory=list)  # (when, ms)
    outcomes: list[Outcome] = field(default_factory=list)
    turn_errors: list[str] = field(default_factory=list)
    retried_turns: int = 0


def parse_args() -> argparse.Namespace:
    env = os.environ
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--conversations", type=int, default=100, help="concurrent conversations")
    p.add_argument("--duration", type=float, default=600, help="seconds of load")
    p.add_argument("--think", type=float, default=5.0, help="mean think time (uniform 0.5x-1.5x)")
    p.add_argument("--kill-at", type=float, default=0.5, help="fraction of --duration")
    p.add_argument("--no-kill", action="store_true", help="no kill -9 (a baseline)")
    p.add_argument("--short", action="store_true", help="try-out: 30 conversations, 3 minutes")
    p.add_argument("--drain", type=float, default=240, help="max seconds to wait for deliveries")
    p.add_argument("--start", action="store_true", help="start scripts/run_scaled.sh")
    p.add_argument("--api-port", type=int, default=int(env.get("LOKET_API_PORT", 8000)))
    p.add_argument("--rasa-port", type=int, default=int(env.get("LOKET_RASA_PORT", 5005)))
    p.add_argument("--rasa-processes", type=int, default=int(env.get("LOKET_RASA_PROCESSES", 3)))
    p.add_argument("--actions-port", type=int, default=int(env.get("LOKET_ACTIONS_PORT", 5055)))
    p.add_argument("--redis-port", type=int, default=int(env.get("LOKET_REDIS_PORT", 6380)))
    p.add_argument("--postgres-port", type=int, default=int(env.get("LOKET_POSTGRES_PORT", 5433)))
    args = p.parse_args()
    if args.short:
        args.conversations, args.duration = min(args.conversations, 30), min(args.duration, 180)
    return args


def rasa_ports(args: argparse.Namespace) -> list[int]:
    return [args.rasa_port + i for i in range(args.rasa_processes)]


def joined(messages: list[dict[str, object]]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)


async def turn(client: httpx.AsyncClient, soak: Soak, sender: str, text: str) -> str | None:
    """One turn, sent once more after a failure; the bot's text, or None when both failed."""
    for attempt in range(2):
        start = time.perf_counter()
        try:
            response = await client.post("/api/v1/chat", json={"sender": sender, "message": text})
            ok = response.status_code == 200
            error = "" if ok else f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            ok, error = False, type(exc).__name__
        soak.latencies.append((time.monotonic(), (time.perf_counter() - start) * 1000))
        if ok:
            messages = response.json()["messages"]
            for message in messages:
                case = (message.get("custom") or {}).get("case") or {}
                if case.get("reference"):
                    message["text"] = f"Uw kenmerk is {case['reference']}."
            return joined(messages)
        soak.turn_errors.append(error)
        if attempt == 0:
            soak.retried_turns += 1
            await asyncio.sleep(2)
    return None


async def conversation(
    client: httpx.AsyncClient, soak: Soak, rng: random.Random, think: float
) -> Outcome:
    outcome = Outcome(sender="soak-" + uuid.uuid4().hex)
    soak.outcomes.append(outcome)
    reply = await turn(client, soak, outcome.sender, "hallo")
    message = rng.choice(OPENINGS)
    for _ in range(MAX_TURNS):
        if reply is None:
            outcome.failed_turn = "turn failed twice"
            return outcome
        if match := REFERENCE.search(reply):
            outcome.reference = match.group(1)
            return outcome
        await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
        reply = await turn(client, soak, outcome.sender, message)
        outcome.last_reply = reply or outcome.last_reply
        message = next((a for q, a in ANSWERS.items() if reply and q in reply), "ja")
    outcome.failed_turn = "no reference after the whole intake"
    return outcome


async def load(args: argparse.Namespace, soak: Soak, base: str, deadline: float) -> None:
    limits = httpx.Limits(max_connections=args.conversations)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def slot(seed: int) -> None:
            rng = random.Random(seed)
            await asyncio.sleep(rng.uniform(0, args.think))  # do not all start at once
            while time.monotonic() < deadline:
                outcome = await conversation(client, soak, rng, args.think)
                if outcome.failed_turn:  # an inwoner who gave up comes back later
                    await asyncio.sleep(rng.uniform(args.think, 3 * args.think))

        await asyncio.gather(*(slot(i) for i in range(args.conversations)))


def kill_nine(args: argparse.Namespace) -> dict[str, int]:
    """kill -9 one Rasa server, one API worker and the delivery worker (of this stack only)."""
    victims = {
        "Rasa server": sorted(listener_pids({args.rasa_port}))[:1],
        "API worker": sorted(api_worker_pids(args.api_port))[:1],
        "delivery worker": sorted(delivery_worker_pids(ROOT, args.api_port))[:1],
    }
    killed = {}
    for name, pids in victims.items():
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
            killed[name] = pid
    return killed


def stack_memory(args: argparse.Namespace) -> tuple[float, float, int]:
    ports = {args.api_port, args.actions_port, args.redis_port, args.postgres_port}
    pids = stack_pids(ports | set(rasa_ports(args)))
    pids |= set(delivery_worker_pids(ROOT, args.api_port))
    pids |= {int(p) for p in supervisor_pids()}
    rss, pss = memory_mib(pids)
    return rss, pss, len(pids)


def supervisor_pids() -> list[str]:
    """The process supervisor of this checkout (honcho or supervisord), by its command line."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            continue
        if cwd == str(ROOT) and ("honcho" in cmd or "supervisord" in cmd):
            found.append(pid)
    return found


def stack_env(args: argparse.Namespace, partners_file: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LOKET_API_PORT": str(args.api_port),
        "LOKET_RASA_PORT": str(args.rasa_port),
        "LOKET_RASA_PORT_2": str(args.rasa_port + 1),
        "LOKET_RASA_PROCESSES": str(args.rasa_processes),
        "LOKET_ACTIONS_PORT": str(args.actions_port),
        "LOKET_SITE_PORT": str(args.api_port + 80),  # the example site, off `make run`'s 8080
        "LOKET_REDIS_PORT": str(args.redis_port),
        "LOKET_POSTGRES_PORT": str(args.postgres_port),
        "LOKET_LOG_DIR": str(ROOT / "var" / "log" / "soak"),
        # Its own Redis and PostgreSQL, made anew for each soak (see fresh_services).
        "LOKET_SCALED_DIR": str(SCALED_DIR),
        "LOKET_PARTNERS_FILE": str(partners_file),
        # Every simulated inwoner comes from 127.0.0.1: the per-address chat limit would
        # otherwise count them as one client.
        "LOKET_CHAT_TURNS_PER_MINUTE_PER_CLIENT": "1000000",
        "LOKET_DELIVERY_LEASE_SECONDS": "30",
        # Redis and PostgreSQL outlive the stack until the soak has counted the cases.
        "LOKET_SCALED_KEEP_SERVICES": "1",
    }


def fresh_services(env: dict[str, str]) -> None:
    """Empty Redis and PostgreSQL for this soak: rows left pending by an earlier soak (its
    receiver is gone) would hold up the delivery worker and blur the numbers."""
    subprocess.run(["scripts/setup_scaled.sh", "stop"], cwd=ROOT, env=env, check=False)
    shutil.rmtree(SCALED_DIR, ignore_errors=True)


def database_url(args: argparse.Namespace) -> str:
    if os.environ.get("LOKET_DATABASE_URL", "").startswith("postgresql"):
        return os.environ["LOKET_DATABASE_URL"]
    env = {**os.environ, "LOKET_REDIS_PORT": str(args.redis_port)}
    env["LOKET_POSTGRES_PORT"] = str(args.postgres_port)
    if args.start:
        env["LOKET_SCALED_DIR"] = str(SCALED_DIR)
    out = subprocess.run(
        ["scripts/setup_scaled.sh", "start"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    found = re.search(r"LOKET_DATABASE_URL=(\S+)", out.stdout)
    if not found:
        sys.exit("no PostgreSQL of the scaled setup: " + out.stderr)
    return found.group(1)


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    q = statistics.quantiles(values, n=100)
    return f"p50 {q[49]:.0f}  p95 {q[94]:.0f}  max {max(values):.0f}"


def main() -> int:
    args = parse_args()
    from routing import load_catalogue

    catalogue = load_catalogue(ROOT / "data" / "municipalities" / "delft" / "catalogue.yml")
    parties = [*catalogue.departments, *catalogue.partners]
    receiver = Receiver(ports=len(parties)).start()
    partners_file = Path(tempfile.mkdtemp(prefix="loket-soak-")) / "partners.yml"
    webhooks = {p: {"webhook": url} for p, url in zip(parties, receiver.urls, strict=True)}
    partners_file.write_text(yaml.safe_dump(webhooks))
    if args.start:
        fresh_services(stack_env(args, partners_file))
    stack = start_script("run_scaled.sh", stack_env(args, partners_file)) if args.start else None
    try:
        base = f"http://127.0.0.1:{args.api_port}"
        httpx.get(base + "/health", timeout=5).raise_for_status()
        db_url = database_url(args)
        soak = Soak()
        memory = [stack_memory(args)]
        began = time.monotonic()
        deadline = began + args.duration
        kill_time = began + args.duration * args.kill_at
        killed: dict[str, int] = {}
        recovered: dict[str, float] = {}

        async def observe() -> None:
            while time.monotonic() < deadline:
                await asyncio.sleep(min(15, max(0.1, deadline - time.monotonic())))
                memory.append(stack_memory(args))

        async def killer() -> None:
            if args.no_kill:
                return
            await asyncio.sleep(kill_time - time.monotonic())
            api_workers = len(api_worker_pids(args.api_port))
            killed.update(kill_nine(args))
            print(f"  {time.monotonic() - began:.0f} s: kill -9 {killed}")
            gone = set(killed.values())
            # back = a new process in the killed one's place
            checks: dict[str, Callable[[], bool]] = {
                "Rasa server": lambda: bool(listener_pids({args.rasa_port}) - gone),
                "API worker": lambda: len(api_worker_pids(args.api_port) - gone) >= api_workers,
                "delivery worker": lambda: bool(delivery_worker_pids(ROOT, args.api_port) - gone),
            }
            while time.monotonic() < deadline + 60 and len(recovered) < len(checks):
                for name, check in checks.items():
                    if name not in recovered and check():
                        recovered[name] = time.monotonic() - kill_time
                await asyncio.sleep(1)

        async def everything() -> None:
            await asyncio.gather(load(args, soak, base, deadline), observe(), killer())

        asyncio.run(everything())
        wall = time.monotonic() - began
        drain_start = time.monotonic()
        references = [o.reference for o in soak.outcomes if o.reference]
        while time.monotonic() - drain_start < args.drain:
            if pending_webhooks(db_url, references) == 0:
                break
            time.sleep(3)
        drained = time.monotonic() - drain_start
        counts = database_counts(db_url, references, [o.sender for o in soak.outcomes])
        memory.append(stack_memory(args))

        all_ms = [ms for _, ms in soak.latencies]
        after_kill = [ms for when, ms in soak.latencies if kill_time <= when < kill_time + 60]
        stuck = [o for o in soak.outcomes if o.failed_turn]
        in_flight = [o for o in soak.outcomes if not o.reference and not o.failed_turn]
        print(
            f"soak: {args.conversations} concurrent conversations, think time {args.think:g} s, "
            f"{args.duration:.0f} s of load ({wall:.0f} s wall), "
            f"{args.rasa_processes} Rasa servers; {len(soak.outcomes)} conversations, "
            f"{len(all_ms)} turns"
        )
        print(
            "kill -9 at "
            + (
                f"{args.duration * args.kill_at:.0f} s: "
                + ", ".join(f"{k} (pid {v})" for k, v in killed.items())
                + "; back after: "
                + (", ".join(f"{k} {v:.0f} s" for k, v in recovered.items()) or "none")
                if killed
                else "none"
            )
        )
        print(f"cases promised (reference given): {len(references)}")
        print(f"lost cases (promised, not in the database): {counts['lost']}")
        print(f"duplicate cases (two cases for one conversation): {counts['duplicate_cases']}")
        print(
            "duplicate deliveries (outbox rows for one case, party, channel): "
            f"{counts['duplicate_deliveries']}"
        )
        print(
            f"webhook deliveries: {counts['webhook_delivered']} delivered, "
            f"{counts['webhook_pending']} pending, {counts['webhook_failed']} failed "
            f"(waited {drained:.0f} s); e-mail rows waiting for SMTP: {counts['email_rows']}"
        )
        print(
            f"receiver: {receiver.distinct()} distinct keys, "
            f"{receiver.resent()} received more than once (same Idempotency-Key)"
        )
        print(
            f"conversations that could not carry on: {len(stuck)} "
            f"({', '.join(sorted({o.failed_turn or '' for o in stuck})) or '-'}); "
            f"cut off by the end of the run: {len(in_flight)}"
        )
        for outcome in stuck[:3]:  # the assistant's last words (invented data only)
            print(f"  e.g. {outcome.failed_turn}: {outcome.last_reply[-160:]!r}")
        print(
            f"failed turns: {len(soak.turn_errors)} "
            f"({', '.join(sorted(set(soak.turn_errors))) or '-'}), of which sent again: "
            f"{soak.retried_turns}"
        )
        print(f"turn latency ms: {percentiles(all_ms)}")
        minutes: dict[int, list[float]] = {}
        for when, ms in soak.latencies:
            minutes.setdefault(int((when - began) // 60), []).append(ms)
        print(
            "p95 ms per minute of load: "
            + "  ".join(
                f"{m + 1}:{statistics.quantiles(v, n=20)[18]:.0f}"
                for m, v in sorted(minutes.items())
                if len(v) > 1
            )
        )
        print(f"turn latency ms in the minute after the kills: {percentiles(after_kill)}")
        peak = max(memory, key=lambda m: m[0])
        print(
            f"stack memory RSS MiB: start {memory[0][0]:.0f} ({memory[0][2]} processes), "
            f"peak {peak[0]:.0f}, end {memory[-1][0]:.0f} ({memory[-1][2]} processes); "
            f"PSS end {memory[-1][1]:.0f}"
        )
        print(
            "load average (1/5/15 min): " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
        )
        bad = counts["lost"] or counts["duplicate_deliveries"] or stuck
        return 1 if bad else 0
    finally:
        receiver.stop()
        if stack is not None:
            stack.send_signal(signal.SIGTERM)
            try:
                stack.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(stack.pid, signal.SIGKILL)
            env = stack_env(args, partners_file)
            subprocess.run(["scripts/setup_scaled.sh", "stop"], cwd=ROOT, env=env, check=False)


if __name__ == "__main__":
    raise SystemExit(main())
