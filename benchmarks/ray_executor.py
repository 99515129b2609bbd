"""The same workload with the local executor and on a local Ray cluster (a head and one worker node on
127.0.0.1, each offering CPUS CPUs and one `timing` unit): wall time, samples per second and their ratio.

The workload is SAMPLES replay samples of hpc/axpy/serial/generate, a mix of wrong, non-compiling and correct
answers (every correct one is timed, in the host's timing lane), each made distinct by a comment, so that none
is reused from another (harness/reuse.py). Both nodes share this host, so the Ray figures
show the executor's overhead, not a speedup: more machines are where Ray adds cores.

    .venv/bin/python -m benchmarks.ray_executor [--samples 30] [--cpus 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.ray_support import REPO, LocalRayCluster
from tests.test_cli_run import CORRECT, NOT_COMPILING, WRONG

TASK = "hpc/axpy/serial/generate"
MIX = [WRONG, NOT_COMPILING, CORRECT, WRONG, WRONG]  # one in five correct (and timed)


def distinct(answer: str, sample: int) -> str:
    """The answer with a comment naming the sample inside its code block: every sample is evaluated (identical
    answers would be evaluated once, harness/reuse.py)."""
    return answer.replace("```cpp\n", f"```cpp\n// sample {sample}\n", 1)


def run(samples: Path, out: Path, slots: int, env: dict[str, str], *extra: str) -> float:
    count = sum(1 for _ in samples.open())
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "hpceval", "run", "--task", TASK, "--agent", f"replay:{samples}", "-n", str(count),
         "--sandbox", "local", "--max-sandboxes", str(slots), "--out", str(out), *extra],
        cwd=REPO, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"hpceval run failed ({result.returncode}):\n{result.stderr[-3000:]}")
    attempts = [json.loads(line) for line in (out / "attempts.jsonl").read_text().splitlines()]
    assert len(attempts) == count, (len(attempts), count)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--cpus", type=int, default=1, help="CPUs each Ray node offers (jobs in flight per node)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    env = {**os.environ, "PYTHONPATH": str(REPO), "HPCEVAL_CACHE_DIR": str(work / "cache")}
    samples = work / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": TASK, "completion": distinct(MIX[i % len(MIX)], i)}) + "\n"
                               for i in range(args.samples)))
    slots = 2 * args.cpus
    local = run(samples, work / "local", slots, env)
    with LocalRayCluster(head_cpus=args.cpus) as cluster:
        cluster.add_node(cpus=args.cpus)
        ray = run(samples, work / "ray", slots, env, "--executor", "ray", "--ray-address", cluster.address)
    n = args.samples
    print(f"{n} replay samples of {TASK} ({n // len(MIX) + (n % len(MIX) > 2)} timed), {slots} jobs in flight, "
          f"{os.cpu_count()} host CPUs")
    print(f"local executor:           {local:7.1f} s wall  {n / local:6.2f} samples/s")
    print(f"ray (head + 1 worker):    {ray:7.1f} s wall  {n / ray:6.2f} samples/s")
    print(f"ray / local wall time:    {ray / local:7.2f}")


if __name__ == "__main__":
    main()
