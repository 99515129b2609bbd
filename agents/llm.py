"""`openai:MODEL` / `anthropic:MODEL` coders, optionally with a judge, as an agent the harness drives."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from hpceval.agents.base import AgentError
from hpceval.agents.cache import CallCache
from hpceval.agents.client import ChatModel, EventLoopThread, Meter
from hpceval.agents.loops import CoderLoop, LoopKind
from hpceval.agents.prices import PriceTable
from hpceval.agents.providers import make_provider
from hpceval.agents.settings import CallPolicy, Sampling, parse_model_spec
from hpceval.tasks.loader import Task


class ModelOptions(BaseModel):
    """Everything about model calls that the command line (and `--agent-config`) decides."""

    model_config = ConfigDict(extra="forbid")
    judge: str | None = None
    loop: LoopKind = "single"
    rounds: int = Field(default=3, ge=1)
    base_url: str | None = None
    judge_base_url: str | None = None
    coder_sampling: Sampling = Field(default_factory=Sampling)
    judge_sampling: Sampling = Field(default_factory=Sampling)
    policy: CallPolicy = Field(default_factory=CallPolicy)
    max_connections: int = Field(default=16, ge=1)
    cache: bool = True
    cache_dir: Path | None = None
    prices: Path | None = None
    cost_limit_usd: float | None = Field(default=None, gt=0)
    spent_usd: float = 0.0  # already spent by the attempts of a resumed run


class LLMAgent:
    """An agent whose code comes from a hosted or self-hosted model; `loop` drives its rounds."""

    def __init__(self, spec: str, options: ModelOptions) -> None:
        coder_spec = parse_model_spec(spec)
        judge_spec = parse_model_spec(options.judge) if options.judge else None
        if options.loop == "coder-judge" and judge_spec is None:
            raise AgentError("--loop coder-judge needs a judge: add --judge openai:MODEL or --judge anthropic:MODEL")
        self.spec = spec
        self.options = options
        self.prices = PriceTable.load(options.prices)
        if options.cost_limit_usd is not None:
            for model in filter(None, [coder_spec, judge_spec]):
                if self.prices.price(model.spec) is None:
                    raise AgentError(f"--cost-limit needs a price for {model.spec}; add "
                                     f"'{model.spec}: {{input: USD, output: USD}}' (per million tokens) to a "
                                     "--prices FILE")
        coder_provider = make_provider(coder_spec, options.base_url, options.policy)
        judge_provider = None
        if judge_spec is not None:
            same = judge_spec.provider == coder_spec.provider
            judge_url = options.judge_base_url or (options.base_url if same else None)
            judge_provider = make_provider(judge_spec, judge_url, options.policy)
        self.runner = EventLoopThread(options.max_connections)
        self.cache = CallCache(options.cache_dir) if options.cache else None
        self.meter = Meter(options.cost_limit_usd, options.spent_usd)
        common = {"policy": options.policy, "runner": self.runner, "cache": self.cache, "prices": self.prices,
                  "meter": self.meter}
        self.coder = ChatModel("coder", coder_provider, options.coder_sampling, **common)  # type: ignore[arg-type]
        self.judge = (ChatModel("judge", judge_provider, options.judge_sampling, **common)  # type: ignore[arg-type]
                      if judge_provider is not None else None)
        self.loop = CoderLoop(options.loop, options.rounds, self.coder, self.judge)
        self.connections = options.max_connections

    def samples_available(self, task: Task) -> int | None:
        return None

    def close(self) -> None:
        for model in filter(None, [self.coder, self.judge]):
            model.close()
        self.runner.close()
        if self.cache is not None:
            self.cache.close()
