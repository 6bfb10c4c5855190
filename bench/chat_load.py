"""Bounded chat load: N concurrent Dutch conversations over the API's chat proxy (loopback).

Reports turn latency p50/p95/max, errors, the CPU time each part of the stack spent per
turn, the load average, and the memory (RSS and PSS, read from /proc) of the whole running
stack: every process listening on the API, Rasa and action-server ports, plus their child
processes.

Needs a running stack (`make run`, or LOKET_*_PORT for other ports), or pass `--start` to
start one with scripts/run.sh (the same starter as `make run`) and stop it afterwards.

    .venv/bin/python bench/chat_load.py                 # against a running `make run`
    .venv/bin/python bench/chat_load.py --start --api-port 8200 --rasa-port 5205 --actions-port 5255
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

# One conversation: what an inwoner types, including a FAQ detour and a restart at the end,
# so nothing is handed off (no consent is given) and the run stores no cases.
CONVERSATION = [
    "/greet",
    "Hoi, ik heb een idee voor mijn buurt",
    "We willen een repaircafé beginnen in Voorhof voor en door bewoners",
    "We zoeken vrijwilligers en een ruimte",
    "Het is nog maar een idee",
    "Wat is een prestatieverklaring?",
    "Wij zijn een groep bewoners",
    "opnieuw beginnen",
]


BY_TURN: dict[int, list[float]] = {}


def parse_args() -> argparse.Namespace:
    env = os.environ
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--conversations", type=int, default=20, help="concurrent conversations")
    p.add_argument("--rounds", type=int, default=3, help="conversations per concurrent slot")
    p.add_argument(
        "--think",
        type=float,
        default=3.0,
        help="mean seconds an inwoner reads and types between turns (uniform 0.5x-1.5x);\n"
        "0 sends every turn as soon as the previous answer arrives (stress test)",
    )
    p.add_argument("--api-port", type=int, default=int(env.get("LOKET_API_PORT", 8000)))
    p.add_argument("--rasa-port", type=int, default=int(env.get("LOKET_RASA_PORT", 5005)))
    p.add_argument(
        "--rasa-port-2",
        type=int,
        default=int(env["LOKET_RASA_PORT_2"]) if env.get("LOKET_RASA_PORT_2") else None,
        help="the second Rasa server's port (default: --rasa-port + 1); counted when it listens",
    )
    p.add_argument("--actions-port", type=int, default=int(env.get("LOKET_ACTIONS_PORT", 5055)))
    p.add_argument("--start", action="store_true", help="start the stack with scripts/run.sh")
    return p.parse_args()


# --- memory of the stack, from /proc (psutil is not installed) ---------------------------


def _listening_inodes(ports: set[int]) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            port = int(cols[1].rsplit(":", 1)[1], 16)
            if cols[3] == "0A" and port in ports:  # 0A = LISTEN
                inodes.add(cols[9])
    return inodes


def _pids() -> list[int]:
    return [int(d) for d in os.listdir("/proc") if d.isdigit()]


def _parent(pid: int) -> int:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def listener_pids(ports: set[int]) -> set[int]:
    """Processes holding a listening socket of one of the loopback ports."""
    inodes = {f"socket:[{i}]" for i in _listening_inodes(ports)}
    owners = set()
    for pid in _pids():
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                    owners.add(pid)
                    break
            except OSError:
                continue
    return owners


def stack_pids(ports: set[int]) -> set[int]:
    owners = listener_pids(ports)
    parents = {pid: _parent(pid) for pid in _pids()}
    found = set(owners)
    changed = True
    while changed:  # add children (rasa_sdk forks workers; the Rasa server may too)
        new = {pid for pid, ppid in parents.items() if ppid in found} - found
        found |= new
        changed = bool(new)
    return found


def _kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pids: set[int]) -> float:
    """User + system CPU time of the processes so far (all their threads), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            continue
    return total / ticks


def memory_mib(pids: set[int]) -> tuple[float, float]:
    rss = sum(_kib(f"/proc/{p}/status", "VmRSS") for p in pids)
    pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    return rss / 1024, pss / 1024


# --- load -----------------------------------------------------------------------------


async def conversation(
    client: httpx.AsyncClient,
    latencies: list[float],
    errors: list[str],
    think: float,
    rng: random.Random,
) -> None:
    sender = "bench-" + uuid.uuid4().hex
    for index, message in enumerate(CONVERSATION):
        if think:
            await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
        start = time.perf_counter()
        try:
            response = await client.post(
                "/api/v1/chat", json={"sender": sender, "message": message}
            )
            ok = response.status_code == 200 and isinstance(response.json().get("messages"), list)
            if not ok:
                errors.append(f"{response.status_code} {response.text[:120]}")
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        latencies.append((time.perf_counter() - start) * 1000)
        BY_TURN.setdefault(index, []).append(latencies[-1])


async def run_load(
    base_url: str, concurrent: int, rounds: int, think: float
) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=concurrent, max_keepalive_connections=concurrent)
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as client:

        async def slot(rng: random.Random) -> None:
            for _ in range(rounds):
                await conversation(client, latencies, errors, think, rng)

        start = time.perf_counter()
        await asyncio.gather(*(slot(random.Random(i)) for i in range(concurrent)))
        wall = time.perf_counter() - start
    return latencies, errors, wall


def start_stack(args: argparse.Namespace) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "LOKET_API_PORT": str(args.api_port),
        "LOKET_RASA_PORT": str(args.rasa_port),
        "LOKET_RASA_PORT_2": str(args.rasa_port_2),
        "LOKET_ACTIONS_PORT": str(args.actions_port),
    }
    return start_script("run.sh", env)


def start_script(script: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """Start scripts/<script> (in its own session) and return once it says Loket runs."""
    proc = subprocess.Popen(
        ["scripts/" + script],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        print(f"  {script}:", line.rstrip())
        if "Loket is running" in line:
            return proc
    proc.wait()
    sys.exit(f"scripts/{script} exited ({proc.returncode}) before the stack was healthy")


def main() -> int:
    args = parse_args()
    if args.rasa_port_2 is None:
        args.rasa_port_2 = args.rasa_port + 1
    stack = start_stack(args) if args.start else None
    try:
        base = f"http://127.0.0.1:{args.api_port}"
        try:
            httpx.get(base + "/", timeout=5).raise_for_status()
        except httpx.HTTPError:
            print(f"No Loket API at {base}: start it with `make run` or pass --start.")
            return 2
        ports = {args.api_port, args.rasa_port, args.rasa_port_2, args.actions_port}
        before = memory_mib(stack_pids(ports))
        parts = {
            "rasa": {args.rasa_port, args.rasa_port_2},
            "actions": {args.actions_port},
            "api": {args.api_port},
        }
        part_pids = {name: stack_pids(part_ports) for name, part_ports in parts.items()}
        rasa_servers = sum(1 for port in parts["rasa"] if _listening_inodes({port}))
        cpu_before = {name: cpu_seconds(pids) for name, pids in part_pids.items()}
        before_load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        latencies, errors, wall = asyncio.run(
            run_load(base, args.conversations, args.rounds, args.think)
        )
        cpu_ms = {
            name: (cpu_seconds(pids) - cpu_before[name]) * 1000 / max(1, len(latencies))
            for name, pids in part_pids.items()
        }
        pids = stack_pids(ports)
        after = memory_mib(pids)
        q = statistics.quantiles(latencies, n=100)
        print(
            f"chat load: {args.conversations} concurrent conversations x {args.rounds} rounds x "
            f"{len(CONVERSATION)} turns = {len(latencies)} turns, think time {args.think:g} s, "
            f"{rasa_servers} Rasa server(s), "
            f"in {wall:.1f} s "
            f"({len(latencies) / wall:.1f} turns/s)"
        )
        print(f"turn latency ms: p50 {q[49]:.0f}  p95 {q[94]:.0f}  max {max(latencies):.0f}")
        print(
            "median ms per turn: "
            + "  ".join(f"{i + 1}:{statistics.median(v):.0f}" for i, v in sorted(BY_TURN.items()))
        )
        print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
        print("CPU ms per turn: " + "  ".join(f"{name} {ms:.0f}" for name, ms in cpu_ms.items()))
        after_load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        print(f"load average (1/5/15 min): before {before_load}, after {after_load}")
        print(
            f"stack memory ({len(pids)} processes): RSS {before[0]:.0f} -> {after[0]:.0f} MiB, "
            f"PSS {before[1]:.0f} -> {after[1]:.0f} MiB"
        )
        return 1 if errors else 0
    finally:
        if stack is not None:
            stack.send_signal(signal.SIGINT)
            stack.wait(timeout=60)


if __name__ == "__main__":
    raise SystemExit(main())
