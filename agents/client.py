"""Model calls at full concurrency: one asyncio event loop in a background thread runs every call of a run
(coder and judge), bounded by one `asyncio.Semaphore(max_connections)`; calls are cached, retried, costed
and metered against a cost limit. Worker threads block on `ChatModel.call` while the loop multiplexes."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from hpceval.agents.base import Message, Usage
from hpceval.agents.cache import CachedReply, CallCache, call_key
from hpceval.agents.prices import PriceTable
from hpceval.agents.providers import Provider
from hpceval.agents.retry import RetryGauge, with_retries
from hpceval.agents.settings import CallPolicy, Sampling

T = TypeVar("T")


class EventLoopThread:
    """An asyncio loop running in a daemon thread; `run` submits a coroutine from any thread and waits."""

    def __init__(self, max_connections: int) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="model-calls", daemon=True)
        self.thread.start()
        self.semaphore = self.run(self._semaphore(max_connections))

    @staticmethod
    async def _semaphore(size: int) -> asyncio.Semaphore:
        return asyncio.Semaphore(max(1, size))

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def close(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
        if not self.loop.is_running():
            self.loop.close()


class Meter:
    """Money spent by this run (resumed runs start from what their attempts already spent)."""

    def __init__(self, limit_usd: float | None = None, spent_usd: float = 0.0) -> None:
        self.limit_usd = limit_usd
        self._spent = spent_usd
        self._lock = threading.Lock()
        self.retries = RetryGauge()  # the run's calls waiting on a backoff (a rate limit, an outage)

    def add(self, usd: float) -> None:
        with self._lock:
            self._spent += usd

    @property
    def spent_usd(self) -> float:
        with self._lock:
            return self._spent

    def exhausted(self) -> bool:
        return self.limit_usd is not None and self.spent_usd >= self.limit_usd


@dataclass
class ChatReply:
    text: str
    usage: Usage


class ChatModel:
    """One role's model: provider + sampling settings + cache + retries + accounting."""

    def __init__(self, role: str, provider: Provider, sampling: Sampling, policy: CallPolicy,
                 runner: EventLoopThread, cache: CallCache | None, prices: PriceTable, meter: Meter) -> None:
        self.role = role
        self.provider = provider
        self.sampling = sampling
        self.policy = policy
        self.runner = runner
        self.cache = cache
        self.prices = prices
        self.meter = meter

    @property
    def spec(self) -> str:
        return self.provider.spec.spec

    def call(self, messages: list[Message], sample: int) -> ChatReply:
        """Blocking; raises CallFailed when the call still fails after its retries."""
        return self.runner.run(self.acall(messages, sample))

    async def acall(self, messages: list[Message], sample: int) -> ChatReply:
        key = call_key(self.spec, self.provider.endpoint, self.sampling.key(), messages, sample)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return ChatReply(hit.text, Usage(prompt_tokens=hit.prompt_tokens,
                                                 completion_tokens=hit.completion_tokens, calls=1, cached_calls=1))
        async with self.runner.semaphore:
            raw, retries = await with_retries(lambda: self.provider.complete(messages, self.sampling, sample),
                                              self.policy, gauge=self.meter.retries)
        cost = self.prices.cost(self.spec, raw.prompt_tokens, raw.completion_tokens)
        self.meter.add(cost)
        if self.cache is not None:
            self.cache.put(key, self.spec, CachedReply(text=raw.text, prompt_tokens=raw.prompt_tokens,
                                                       completion_tokens=raw.completion_tokens))
        usage = Usage(prompt_tokens=raw.prompt_tokens, completion_tokens=raw.completion_tokens, cost_usd=cost,
                      calls=1, retries=retries)
        return ChatReply(raw.text, usage)

    def close(self) -> None:
        self.runner.run(self.provider.aclose())
