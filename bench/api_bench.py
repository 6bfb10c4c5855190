"""Benchmark of the handoff API: POST /api/v1/route and POST /api/v1/cases over loopback.

Starts uvicorn on 127.0.0.1 (a free port) on SQLite and on a throw-away PostgreSQL, drives
each endpoint with N concurrent clients (httpx, asyncio) for a bounded number of requests,
and prints throughput and latency percentiles. Everything stops by itself.

    .venv/bin/python bench/api_bench.py [--requests 2000] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.postgres import TempPostgres  # noqa: E402
from tests.web.servers import free_port  # noqa: E402

INTAKE: dict[str, object] = {
    "text": "Wij willen een wormenhotel in de wijk beginnen en zoeken geld en vrijwilligers.",
    "needs": ["financiering", "vrijwilligers"],
    "stage": "idee",
    "organisation": "bewoner",
    "wijk": "Tanthof",
}


@contextmanager
def api_server(database_url: str, workdir: Path, workers: int) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "LOKET_DATABASE_URL": database_url,
        "LOKET_RATE_LIMIT_PER_MINUTE": "100000000",
        "LOKET_RATE_LIMIT_BURST": "100000000",
        "LOKET_STAFF_TOKEN": "bench-staff-token-0123456789",
        "LOKET_SECRET_KEY": "bench-secret-key",
        "LOKET_DELIVERY_IN_PROCESS": "false",
        "LOKET_HEALTH_CHECK_PROCESSES": "false",  # the API alone: no Rasa, actions or worker
    }
    command = [
        sys.executable, "-m", "uvicorn", "handoff.main:app", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "warning", "--no-access-log",
        "--timeout-keep-alive", "60", "--workers", str(workers), "--no-proxy-headers",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("API server did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


async def drive(
    url: str, path: str, body: dict[str, object], total: int, clients: int, rate: float = 0
) -> dict[str, float]:
    """`clients` concurrent clients send `total` requests: back to back (closed loop), or,
    with `rate` > 0, paced so that all clients together start `rate` requests per second."""
    latencies: list[float] = []
    errors = 0
    remaining = total
    # One connection per client: a shared 50-connection pool costs the client more CPU than
    # the server spends, on the same two cores.
    pool = [httpx.AsyncClient(base_url=url, timeout=30) for _ in range(clients)]
    try:
        began = time.perf_counter()
        sent = 0

        async def one_client(client: httpx.AsyncClient) -> None:
            nonlocal remaining, errors, sent
            while remaining > 0:
                remaining -= 1
                if rate > 0:
                    sent += 1
                    delay = began + sent / rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                started = time.perf_counter()
                try:
                    response = await client.post(path, json=body)
                    failed = response.status_code >= 300
                except httpx.HTTPError:
                    failed = True
                latencies.append(time.perf_counter() - started)
                errors += failed

        await asyncio.gather(*(one_client(client) for client in pool))
        elapsed = time.perf_counter() - began
    finally:
        for client in pool:
            await client.aclose()
    latencies.sort()
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "errors": errors,
        "throughput": len(latencies) / elapsed,
        "p50": quantiles[49] * 1000,
        "p95": quantiles[94] * 1000,
        "p99": quantiles[98] * 1000,
    }


def bench_backend(name: str, database_url: str, args: argparse.Namespace, workdir: Path) -> None:
    with api_server(database_url, workdir, args.workers) as url:
        cases_body: dict[str, object] = {
            "intake": INTAKE,
            "consent": True,
            "contact": {"email": "info@voorbeeld.example"},
        }
        for path, body in (("/api/v1/route", INTAKE), ("/api/v1/cases", cases_body)):
            asyncio.run(drive(url, path, body, args.warmup, args.concurrency))
            result = asyncio.run(drive(url, path, body, args.requests, args.concurrency, args.rate))
            print(
                f"{name:<10} {path:<15} {result['requests']:>6.0f} req"
                f"  {args.concurrency:>3} clients"
                f"{f' at {args.rate:.0f}/s' if args.rate else ''}"
                f"  {result['throughput']:>7.0f} req/s  p50 {result['p50']:>6.1f} ms"
                f"  p95 {result['p95']:>6.1f} ms  p99 {result['p99']:>6.1f} ms"
                f"  errors {result['errors']:.0f}",
                flush=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--rate", type=float, default=0, help="paced total requests/s (0: back to back)"
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    backends = args.backends.split(",")
    with tempfile.TemporaryDirectory(prefix="loket-bench-") as tmp:
        workdir = Path(tmp)
        if "sqlite" in backends:
            bench_backend("sqlite", f"sqlite:///{workdir}/loket.db", args, workdir)
        if "postgres" in backends:
            with TempPostgres() as pg:
                bench_backend("postgres", pg.url, args, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
