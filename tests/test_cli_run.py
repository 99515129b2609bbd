"""End-to-end runs through the real CLI: real compilers, real MPI, the real local sandbox."""

from __future__ import annotations

import json
import math
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter

from tests.conftest import REPO, hpceval, read_jsonl

WRONG = """```cpp
#include <vector>
void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = alpha * x[i] - y[i];
}
```"""
NOT_COMPILING = "```cpp\nvoid axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) { oops }\n```"
CRASHING = """Here is my answer:
```c++
#include <vector>
#include <cstdlib>
void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) { std::abort(); }
```"""
LOOPING = """```cpp
#include <vector>
void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    volatile bool forever = true;
    while (forever) {}
}
```"""
CORRECT = """Sure.
```cpp
#include <vector>
void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < y.size(); ++i) y[i] += alpha * x[i];
}
```
It is O(n)."""
NO_CODE = "I cannot help with that."


def test_replay_gets_every_verdict_and_the_run_finishes(tmp_path):
    samples = tmp_path / "samples.jsonl"
    lines = [WRONG, NOT_COMPILING, CRASHING, LOOPING, CORRECT, NO_CODE]
    samples.write_text("".join(json.dumps({"task_id": "hpc/axpy/serial/generate", "completion": c}) + "\n"
                               for c in lines))
    out = tmp_path / "run"
    # the timeout ends the looping sample; the correct one's time step (a fresh 16M-element input per repeat) takes
    # about 3 s here and must fit in it on a loaded machine too
    result = hpceval("run", "--suite", "hpc", "--task", "hpc/axpy/serial/generate", "--agent", f"replay:{samples}",
                     "-n", "6", "--k", "1,5", "--timeout", "15", "--out", str(out))
    assert result.returncode == 0, result.stderr
    attempts = sorted(read_jsonl(out / "attempts.jsonl"), key=lambda a: a["sample"])
    assert [a["verdict"] for a in attempts] == [
        "wrong_answer", "build_error", "runtime_error", "timeout", "ok", "no_code"
    ]
    # off a terminal (a CI or Slurm log) every finished sample is one plain line as it finishes
    assert "hpc/axpy/serial/generate sample 1 round 0: build_error" in result.stderr
    assert "solution.cpp:1:" in attempts[1]["message"] and "error:" in attempts[1]["message"]  # the compiler's line
    wrong_log = next((out / "artifacts").glob(f"{attempts[0]['log_sha']}.*")).read_text()
    assert "=== check:" in wrong_log and "=== time:" not in wrong_log  # no timing after a failed check
    assert re.search(r"hpc/axpy/serial/generate sample 4 round 0: ok speedup \d+\.\d{3} \d+\.\d s", result.stderr)
    for attempt in attempts:
        assert any((out / "artifacts").glob(f"{attempt['answer_sha']}.*")), attempt["sample"]
    summary = json.loads((out / "summary.json").read_text())
    assert abs(summary["metrics"]["pass@1"] - 1 / 6) < 1e-12
    assert abs(summary["metrics"]["pass@5"] - 5 / 6) < 1e-12
    assert abs(summary["metrics"]["build@1"] - 4 / 6) < 1e-12
    rescored = hpceval("score", str(out), "--json")
    assert rescored.returncode == 0
    assert json.loads(rescored.stdout)["metrics"] == summary["metrics"]


def test_kill_minus_9_then_resume_gives_exactly_one_attempt_per_sample(tmp_path):
    out = tmp_path / "run"
    args = ["run", "--task", "hpc/axpy/serial/generate", "--task", "hpc/gemv/serial/generate", "--agent", "baseline",
            "-n", "3",
            "--max-sandboxes", "2", "--out", str(out)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "hpceval", *args], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    attempts_path = out / "attempts.jsonl"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if attempts_path.exists() and attempts_path.read_text().count("\n") >= 2:
            break
        time.sleep(0.05)
    # while it runs, the dir is its own: a second run into it is refused with the first one's pid, records nothing
    second = hpceval(*args)
    assert second.returncode == 2 and f"another hpceval run (pid {proc.pid} on " in second.stderr, second.stderr
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    recorded = read_jsonl(attempts_path)
    assert 2 <= len(recorded) < 6
    result = hpceval(*args)  # the killed run's lock died with it
    assert result.returncode == 0, result.stderr
    final = read_jsonl(attempts_path)
    assert final[: len(recorded)] == recorded  # nothing recorded was lost or rewritten
    keys = Counter((a["task_id"], a["sample"]) for a in final)
    tasks = ("hpc/axpy/serial/generate", "hpc/gemv/serial/generate")
    assert keys == Counter({(t, s): 1 for t in tasks for s in range(3)})
    assert all(a["verdict"] == "ok" for a in final)
    again = hpceval(*args)
    assert "0 sample(s) to evaluate" in again.stderr
    assert len(read_jsonl(attempts_path)) == 6


def test_baseline_on_serial_tasks_passes_with_speedup_near_one(tmp_path):
    out = tmp_path / "run"
    problems = ("axpy", "gemv", "gemm", "spmv", "jacobi2d", "cg")  # the six classic kernels
    classic = [arg for p in problems for arg in ("--task", f"hpc/{p}/serial/*")]
    result = hpceval("run", *classic, "--agent", "baseline", "--out", str(out))
    assert result.returncode == 0, result.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["metrics"]["pass@1"] == 1.0
    speedups = []
    for attempt in read_jsonl(out / "attempts.jsonl"):
        measured = attempt["measurement"]
        speedups.append(measured["speedup"])
        # one task's ratio on a shared 2-core VM: noise (once 1.70 on spmv) but never a slowed or skipped side
        assert 0.4 < measured["speedup"] < 2.5, attempt["task_id"]
        low, high = measured["speedup_ci"]
        assert 0 < low <= high, attempt["task_id"]
    geomean = math.prod(speedups) ** (1 / len(speedups))
    assert 0.75 < geomean < 1.33, speedups  # across the six problems, the baseline against itself is ~1
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["packs"][0]["name"] == "hpc" and len(manifest["packs"][0]["content_hash"]) == 64
    assert manifest["fingerprint"]["cpu_count"] == os.cpu_count()
    assert manifest["config"]["agent"] == "baseline"
