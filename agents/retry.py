"""Retries with exponential backoff and full jitter, honouring `Retry-After`. The SDKs' own retries are off
(max_retries=0) so every retry is ours: counted, capped and tested."""

from __future__ import annotations

import asyncio
import logging
import random
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from time import time
from typing import TypeVar

from hpceval.agents.settings import CallPolicy

T = TypeVar("T")
log = logging.getLogger("hpceval.agents")


class RetryGauge:
    """Calls of a run now waiting out a backoff before their next try, and the retries so far: what the
    progress display shows while a provider rate-limits the run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting = 0
        self._total = 0

    @contextmanager
    def waiting(self) -> Iterator[None]:
        with self._lock:
            self._waiting += 1
            self._total += 1
        try:
            yield
        finally:
            with self._lock:
                self._waiting -= 1

    def snapshot(self) -> tuple[int, int]:
        """(calls waiting now, retries so far)."""
        with self._lock:
            return self._waiting, self._total


class CallFailure(Exception):
    """One failed try of a call. `transient`: worth retrying (429, 5xx, timeout, dropped connection, a body
    that does not parse); `fatal`: the whole run cannot go on (a rejected key, an unknown model)."""

    def __init__(self, message: str, *, transient: bool, retry_after: float | None = None, fatal: bool = False):
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after
        self.fatal = fatal


class CallFailed(Exception):
    """A call that still failed after its retries: an `infra_error`, never the model's fault."""

    def __init__(self, message: str, retries: int, fatal: bool = False) -> None:
        super().__init__(message)
        self.retries = retries
        self.fatal = fatal


def parse_retry_after(headers: object) -> float | None:
    """Seconds to wait from `retry-after-ms`, `retry-after` (seconds or an HTTP date); None when absent."""
    get = getattr(headers, "get", None)
    if get is None:
        return None
    millis = get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time())
    except (TypeError, ValueError):
        return None


def backoff_delay(retry: int, policy: CallPolicy, retry_after: float | None, rng: random.Random) -> float:
    """The wait before retry number `retry` (1-based): full jitter over base * 2^(retry-1), capped; a server's
    Retry-After is a floor (never retry sooner than asked)."""
    ceiling = min(policy.max_delay_s, policy.base_delay_s * 2 ** (retry - 1))
    delay = rng.uniform(0, ceiling)
    if retry_after is not None:
        delay = max(delay, min(retry_after, policy.max_delay_s))
    return delay


async def with_retries(
    call: Callable[[], Awaitable[T]],
    policy: CallPolicy,
    rng: random.Random | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    gauge: RetryGauge | None = None,
) -> tuple[T, int]:
    """Run `call` until it succeeds; return its result and the number of retries it took. `gauge` counts the
    waits as they happen."""
    rng = rng or random.Random()
    waited = 0.0
    retries = 0
    while True:
        try:
            return await call(), retries
        except CallFailure as failure:
            if failure.fatal or not failure.transient:
                raise CallFailed(str(failure), retries, fatal=failure.fatal) from None
            if retries >= policy.max_retries:
                raise CallFailed(f"{failure} (gave up after {retries} retries)", retries) from None
            delay = backoff_delay(retries + 1, policy, failure.retry_after, rng)
            if waited + delay > policy.total_delay_s:
                raise CallFailed(f"{failure} (gave up: retries would wait over {policy.total_delay_s:g} s)",
                                 retries) from None
            retries += 1
            waited += delay
            log.info("retry %d in %.1f s: %s", retries, delay, failure)
            if gauge is None:
                await sleep(delay)
            else:
                with gauge.waiting():
                    await sleep(delay)
