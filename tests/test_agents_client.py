"""The agent layer without a sandbox: cache keys, concurrency, retries, judge replies, prices, settings,
the kept round, and the one-line errors a user can cause."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

import pytest

from hpceval.agents.base import AgentError, Message
from hpceval.agents.cache import CallCache
from hpceval.agents.client import ChatModel, EventLoopThread, Meter
from hpceval.agents.judge import parse_verdict
from hpceval.agents.prices import PriceTable
from hpceval.agents.providers import make_provider
from hpceval.agents.providers.base import import_sdk
from hpceval.agents.retry import backoff_delay, parse_retry_after
from hpceval.agents.settings import CallPolicy, Sampling, load_agent_file, parse_model_spec
from hpceval.harness.records import Attempt
from hpceval.harness.scoring import final_attempts
from hpceval.tasks.kinds.kernel import KernelMeasurement
from tests.conftest import hpceval
from tests.fake_llm import FakeLLM

MESSAGES = [Message(role="user", content="write axpy")]


def chat(server: FakeLLM, runner: EventLoopThread, cache: CallCache | None, spec: str = "openai:m") -> ChatModel:
    model = parse_model_spec(spec)
    url = server.url + "/v1" if model.provider == "openai" else server.url
    provider = make_provider(model, url, CallPolicy(timeout_s=5))
    return ChatModel("coder", provider, Sampling(), CallPolicy(base_delay_s=0.01), runner, cache,
                     PriceTable({}), Meter())


def test_cache_keeps_samples_distinct_and_a_repeat_sends_nothing(tmp_path):
    runner = EventLoopThread(4)
    with FakeLLM(lambda body: "answer") as server:
        model = chat(server, runner, CallCache(tmp_path))
        first = model.call(MESSAGES, sample=0)
        assert model.call(MESSAGES, sample=0).usage.cached_calls == 1
        model.call(MESSAGES, sample=1)
        assert server.count() == 2 and first.usage.cached_calls == 0 and first.usage.prompt_tokens == 100
        uncached = chat(server, runner, None, "anthropic:m")
        uncached.call(MESSAGES, 0)
        uncached.call(MESSAGES, 0)
        assert server.count("/v1/messages") == 2
        for m in (model, uncached):
            m.close()
    runner.close()
    assert CallCache(tmp_path).stats().by_model == {"openai:m": 2}


def test_max_connections_bounds_calls_in_flight():
    runner = EventLoopThread(8)
    with FakeLLM(lambda body: "x", delay_s=0.2) as server:
        model = chat(server, runner, None)
        started = time.monotonic()
        async def many() -> None:
            await asyncio.gather(*(model.acall(MESSAGES, s) for s in range(32)))

        runner.run(many())
        wall = time.monotonic() - started
        model.close()
    runner.close()
    assert 32 * 0.2 / 8 * 0.9 <= wall < 32 * 0.2 / 2  # 8 at a time: ~0.8 s, far below 6.4 s serial


def test_retry_after_is_a_floor_and_backoff_is_capped():
    policy = CallPolicy(base_delay_s=0.5, max_delay_s=4)
    rng = random.Random(1)
    assert all(0 <= backoff_delay(n, policy, None, rng) <= min(4, 0.5 * 2 ** (n - 1)) for n in range(1, 10))
    assert backoff_delay(1, policy, 3.0, rng) >= 3.0
    assert backoff_delay(1, policy, 100.0, rng) == 4  # never past max_delay
    assert parse_retry_after({"retry-after": "2"}) == 2.0
    assert parse_retry_after({"retry-after-ms": "250"}) == 0.25
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert parse_retry_after({}) is None


def test_judge_replies_as_json_fenced_json_or_prose():
    assert parse_verdict('{"fix": "use schedule(static)", "done": false}').fix == "use schedule(static)"
    fenced = parse_verdict('Sure.\n```json\n{"fix": "hoist the division", "done": false}\n```')
    assert fenced.fix == "hoist the division" and not fenced.done
    assert parse_verdict('{"fix": "", "done": true}').done
    prose = parse_verdict("Tile the loop for cache reuse.")
    assert prose.fix == "Tile the loop for cache reuse." and not prose.done


def test_prices_longest_pattern_wins_and_a_user_file_overrides(tmp_path, monkeypatch):
    table = PriceTable.load()
    assert table.cost("openai:gpt-4o-mini-2024-07-18", 1_000_000, 0) == 0.15
    assert table.cost("openai:gpt-4o-2024-08-06", 1_000_000, 0) == 2.5
    assert table.cost("openai:my-local-model", 10**6, 10**6) == 0.0
    user = tmp_path / "p.yaml"
    user.write_text("openai:gpt-4o*: {input: 1.0, output: 1.0}\n")
    monkeypatch.setenv("HPCEVAL_PRICES", str(user))
    assert PriceTable.load().cost("openai:gpt-4o-2024-08-06", 10**6, 10**6) == 2.0


def test_agent_config_file_top_level_means_coder_and_cli_overrides(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('temperature = 0.7\ntop_p = 0.9\n[judge]\ntemperature = 0.0\n[policy]\nmax_retries = 2\n')
    file = load_agent_file(path)
    assert file.coder.merged(Sampling(temperature=0.1)) == Sampling(temperature=0.1, top_p=0.9)
    assert file.judge == Sampling(temperature=0.0) and file.policy.max_retries == 2
    bad = tmp_path / "b.yaml"
    bad.write_text("temperature: hot\n")
    with pytest.raises(AgentError, match="coder.temperature"):
        load_agent_file(bad)


def attempt(round_: int, verdict: str, speedup: float | None = None, built: bool = True) -> Attempt:
    return Attempt(task_id="t", sample=0, round=round_, suite="s", pack="p", problem="q", problem_type="x",
                   execution_model="serial", agent="a", verdict=verdict, built=built,
                   measurement=KernelMeasurement(speedup=speedup), started_at="", finished_at="")


def test_the_kept_round_is_correct_first_then_fastest():
    rounds = [attempt(0, "ok", 1.5), attempt(1, "ok", 3.0), attempt(2, "wrong_answer"), attempt(3, "ok", 2.0)]
    assert final_attempts(rounds)[0].round == 1
    failing = [attempt(0, "build_error", built=False), attempt(1, "wrong_answer"), attempt(2, "infra_error")]
    assert final_attempts(failing)[0].round == 1


def test_missing_key_and_missing_sdk_are_one_line_naming_the_fix(tmp_path):
    result = hpceval("run", "--task", "hpc/axpy/serial/generate", "--agent", "openai:gpt-4o", "--out",
                     str(tmp_path / "r"),
                     env={"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: OPENAI_API_KEY is not set; export OPENAI_API_KEY=... for openai:gpt-4o, or pass --base-url URL "
        "to use a local OpenAI-compatible server"]
    with pytest.raises(AgentError, match=r"^the no_such_sdk package is not installed; pip install 'hpceval\[llm\]'$"):
        import_sdk("no_such_sdk")
    judge_without_model = hpceval("run", "--agent", "reference", "--judge", "openai:x", "--out", str(tmp_path / "s"))
    assert judge_without_model.returncode == 2 and "need a model coder" in judge_without_model.stderr
    assert not Path(tmp_path / "s").exists()
