"""The one rate limiter of the service, on the `limits` library.

Traffic limits use sliding window counters (cheap, approximate at a window's edge); limits that
guard against guessing (sign-in) use an exact moving window, so no burst slips through where
two windows meet.

Its state lives where `LOKET_RATE_LIMIT_STORAGE` says: `memory://` (one process) or
`redis://host:port/db`, shared by every API worker. Clients are keyed by their address as
the server saw it; `X-Forwarded-For` only counts when the app trusts the proxy that sent it
(`LOKET_TRUSTED_PROXIES`, see `handoff.app`), so a client cannot pick its own key.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence

from limits import RateLimitItem
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter
from starlette.requests import HTTPConnection

log = logging.getLogger(__name__)


def client_address(request: HTTPConnection) -> str:
    """The peer address; behind a trusted proxy, the address that proxy saw."""
    return request.client.host if request.client else "unknown"


class RateLimiter:
    """Counts hits per key against one or more limits (e.g. per minute and per second)."""

    def __init__(self, storage_uri: str = "memory://") -> None:
        self.storage = storage_from_string(storage_uri)
        self.counter = SlidingWindowCounterRateLimiter(self.storage)
        self.exact = MovingWindowRateLimiter(self.storage)

    def hit(self, limits: Sequence[RateLimitItem], *key: str, exact: bool = False) -> float | None:
        """Count one request of `key`: None when it may pass, else the seconds to wait.

        `exact` counts every hit of the last window (a moving window) instead of weighing the
        previous window's count: for limits an attacker would probe at a window's edge.

        A storage that cannot be reached (Redis down) lets requests pass: the service
        stays usable, and the warning says why limits are off.
        """
        try:
            strategy = self.exact if exact else self.counter
            for item in limits:
                if not strategy.hit(item, *key):
                    reset = strategy.get_window_stats(item, *key).reset_time
                    return max(1.0, math.ceil(reset - time.time()))
        except Exception as exc:  # the storage's own errors (redis, connection) vary
            log.warning("rate limit storage unavailable, not limiting: %s", type(exc).__name__)
        return None
