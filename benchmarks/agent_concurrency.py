"""How much --max-connections buys: N calls through hpceval's provider layer (real openai SDK, cache off)
to a local OpenAI-compatible server that answers each call after DELAY seconds.

    .venv/bin/python -m benchmarks.agent_concurrency [--calls 200] [--connections 16] [--delay 0.2]
"""

from __future__ import annotations

import argparse
import asyncio
import time

from hpceval.agents.base import Message
from hpceval.agents.client import ChatModel, EventLoopThread, Meter
from hpceval.agents.prices import PriceTable
from hpceval.agents.providers import make_provider
from hpceval.agents.settings import CallPolicy, Sampling, parse_model_spec
from tests.fake_llm import FakeLLM


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--delay", type=float, default=0.2)
    args = parser.parse_args()
    runner = EventLoopThread(args.connections)
    with FakeLLM(lambda body: "```cpp\nvoid f() {}\n```", delay_s=args.delay) as server:
        policy = CallPolicy(timeout_s=30)
        provider = make_provider(parse_model_spec("openai:bench"), server.url + "/v1", policy)
        model = ChatModel("coder", provider, Sampling(), policy, runner, None, PriceTable({}), Meter())

        async def calls() -> None:
            await asyncio.gather(*(model.acall([Message(role="user", content="go")], s) for s in range(args.calls)))

        started = time.monotonic()
        runner.run(calls())
        wall = time.monotonic() - started
        model.close()
        assert server.count() == args.calls
    runner.close()
    serial = args.calls * args.delay
    ideal = args.calls / args.connections * args.delay
    print(f"{args.calls} calls, --max-connections {args.connections}, server answers in {args.delay * 1000:.0f} ms: "
          f"{wall:.2f} s wall (serial would take {serial:.1f} s: {serial / wall:.1f}x faster; "
          f"the bound {args.calls}/{args.connections} x {args.delay} s = {ideal:.2f} s)")


if __name__ == "__main__":
    main()
