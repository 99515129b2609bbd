"""Turn the model flags of `hpceval run` (and an `--agent-config` file) into `ModelOptions`."""

from __future__ import annotations

from pathlib import Path

from hpceval.agents.llm import ModelOptions
from hpceval.agents.loops import LOOPS, LoopKind
from hpceval.agents.settings import AgentFile, ReasoningEffort, Sampling, load_agent_file
from hpceval.harness.errors import UserError

DEFAULT_ROUNDS = 3
REASONING_EFFORTS = ("minimal", "low", "medium", "high", "xhigh", "max")


def model_options(
    *, judge: str | None, loop: str | None, rounds: int | None, base_url: str | None, judge_base_url: str | None,
    temperature: float | None, top_p: float | None, max_tokens: int | None, seed: int | None,
    reasoning_effort: str | None, agent_config: Path | None, max_connections: int, no_cache: bool,
    cost_limit: float | None, prices: Path | None, request_timeout: float | None, max_retries: int | None,
    retry_base_delay: float | None,
) -> ModelOptions:
    loop = loop or ("coder-judge" if judge else "single")
    if loop not in LOOPS:
        raise UserError(f"unknown loop {loop!r}; use one of: {', '.join(LOOPS)}")
    if reasoning_effort is not None and reasoning_effort not in REASONING_EFFORTS:
        raise UserError(f"--reasoning-effort {reasoning_effort!r}: use one of {', '.join(REASONING_EFFORTS)}")
    if loop == "single" and rounds is not None and rounds > 1:
        raise UserError("--rounds needs a loop that has rounds: add --loop repair or --loop coder-judge")
    if judge and loop != "coder-judge":
        raise UserError(f"--judge takes part in the coder-judge loop only; drop --loop {loop} or the judge")
    file = load_agent_file(agent_config) if agent_config else AgentFile()
    effort: ReasoningEffort | None = reasoning_effort  # type: ignore[assignment]
    cli = Sampling(temperature=temperature, top_p=top_p, max_tokens=max_tokens, seed=seed, reasoning_effort=effort)
    coder = file.coder.merged(cli)
    judge_sampling = file.judge.merged(Sampling(seed=seed)) if file.judge is not None else coder
    policy = file.policy.model_copy(update={
        name: value for name, value in
        {"timeout_s": request_timeout, "max_retries": max_retries, "base_delay_s": retry_base_delay}.items()
        if value is not None})
    kind: LoopKind = loop  # type: ignore[assignment]
    return ModelOptions(
        judge=judge, loop=kind, rounds=1 if loop == "single" else rounds or DEFAULT_ROUNDS, base_url=base_url,
        judge_base_url=judge_base_url, coder_sampling=coder, judge_sampling=judge_sampling, policy=policy,
        max_connections=max_connections, cache=not no_cache, prices=prices, cost_limit_usd=cost_limit,
    )
