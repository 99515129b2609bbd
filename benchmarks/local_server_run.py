"""`hpceval run` with model agents against local OpenAI- and Anthropic-API servers (tests/fake_llm.py) that
answer with the pack's references, except the first answer of sample 4 of every task, which is prose without
code (a revision request, with or without a judge's fix, gets the reference); the judge asks for one fix until
the code passes. Shows the full path (SDKs, cache, loops, accounting) on a machine
without API keys.

    .venv/bin/python -m benchmarks.local_server_run [--judge] [-- extra hpceval run flags]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.fake_llm import FakeLLM, first_user_text, is_judge, last_user_text, reference_answer

PRICES = "openai:local-coder: {input: 2.0, output: 8.0}\nanthropic:local-judge: {input: 3.0, output: 15.0}\n"


def answer(body: dict[str, Any]) -> str:
    if is_judge(body):
        done = "verdict: ok" in last_user_text(body)
        return json.dumps({"fix": "" if done else "Return the code this time.", "done": done})
    if body.get("seed", 0) % 5 == 4 and first_user_text(body) == last_user_text(body):  # a first answer only
        return "I would parallelise the outer loop."
    return reference_answer(first_user_text(body))


def main() -> None:
    judge = "--judge" in sys.argv[1:]
    extra = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    with FakeLLM(answer) as coder, FakeLLM(answer) as judge_server, tempfile.TemporaryDirectory() as scratch:
        prices = Path(scratch) / "prices.yaml"
        prices.write_text(PRICES)
        command = [".venv/bin/hpceval", "run", "--suite", "hpc", "--agent", "openai:local-coder", "--base-url",
                   coder.url + "/v1", "-n", "5", "--k", "1,5", "--seed", "0", "--prices", str(prices), *extra]
        if judge:
            command += ["--judge", "anthropic:local-judge", "--judge-base-url", judge_server.url, "--rounds", "2"]
        env = {**os.environ, "HPCEVAL_CACHE_DIR": str(Path(scratch) / "cache")}
        print("$", " ".join(command), flush=True)
        started = time.monotonic()
        result = subprocess.run(command, env=env, check=False)
        print(f"wall {time.monotonic() - started:.1f} s; requests: coder server {coder.count()}, "
              f"judge server {judge_server.count()}", flush=True)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
