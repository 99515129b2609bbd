"""Throughput and harness overhead of `hpceval run` on replayed samples of the `hpc` pack (issue 17, 4a and 4b).

    python -m benchmarks.throughput                       # 36 samples over 6 serial tasks: ~10 minutes here
    python -m benchmarks.throughput --samples 500         # the issue's full workload
    python -m benchmarks.throughput --workers 1,2 --sandbox local
    python -m benchmarks.throughput --workers 1 --sandbox docker   # (b) with the Docker warm pool

Every sample is a distinct answer: the pack's reference code of its task with a harmless comment naming the sample,
so the reuse of identical answers (harness/reuse.py) skips none of them. Samples go round the tasks.

Printed for each sandbox and `--max-sandboxes` (workers), one real `hpceval run` each, from a new run dir and a
new HPCEVAL_CACHE_DIR (so each one pays its own trusted builds):

- samples/s: samples divided by the run's wall time (the whole command: start, plan, every job, scoring);
- in steps: the sum, over every job, of the wall times of the steps the sandbox ran (the job logs' `=== step:`
  headers; a trusted build served from the run's build cache ran nothing and counts 0). These are the bare
  compile and run times of the jobs, as the sandbox timed each process;
- wall/steps: the run's wall time over the in-steps time. At 1 worker this is 4b's harness overhead ratio (the total
  run time divided by the sum of the bare compile and run times of the same jobs; the target is <= 1.10); at more
  workers, below 1 where jobs overlap;
- scaling: samples/s at N workers over samples/s at the first (smallest) worker count.

Timed steps take the host-wide timing lane one at a time, whatever the worker count, so 2 workers overlap the
builds and checks of one sample with the timing of another: scaling from 1 to 2 is bounded by the share of the
untimed steps. Another hpceval run on the same machine shares that lane (and the cores): run this on a quiet host.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hpceval.tasks import packs_of_suite, select_tasks

REPO = Path(__file__).resolve().parents[1]
# serial tasks whose time step is short (a few seconds at most) and that cover several problem types
DEFAULT_TASKS = ("hpc/circular_convolution/serial/generate", "hpc/collatz_steps/serial/generate",
                 "hpc/argsort_stable/serial/generate", "hpc/closest_pair/serial/generate", "hpc/cg/serial/generate",
                 "hpc/conv2d/serial/generate")
STEP = re.compile(r"^=== (\S+): (\w+) \((?:exit \S+, )?([0-9.]+) s wall", re.M)


def write_samples(path: Path, tasks: list[str], samples: int) -> dict[str, int]:
    """`samples` replay lines over the tasks, each its task's reference with a comment naming the sample; how many
    samples each task got."""
    pairs = select_tasks(packs_of_suite("hpc"), tasks)
    by_id = {task.task_id: (pack, task) for pack, task in pairs}
    missing = [t for t in tasks if t not in by_id]
    if missing:
        sys.exit(f"no such task: {', '.join(missing)}")
    counts: dict[str, int] = {}
    with path.open("w", encoding="utf-8") as handle:
        for index in range(samples):
            task_id = tasks[index % len(tasks)]
            pack, task = by_id[task_id]
            code = pack.evaluator.static_answer(pack, task, "reference")
            completion = f"```cpp\n// replayed sample {index}: the reference, made distinct\n{code}\n```"
            handle.write(json.dumps({"task_id": task_id, "completion": completion}) + "\n")
            counts[task_id] = counts.get(task_id, 0) + 1
    return counts


def step_seconds(run_dir: Path) -> tuple[float, int, int]:
    """The sum of the step wall times of every job, the attempts, and those reused (none expected)."""
    attempts = [json.loads(line) for line in (run_dir / "attempts.jsonl").read_text().splitlines() if line.strip()]
    total = 0.0
    for attempt in attempts:
        if attempt.get("reused_from") or not attempt.get("log_sha"):
            continue
        log = next((run_dir / "artifacts").glob(f"{attempt['log_sha']}.*")).read_text(errors="replace")
        total += sum(float(seconds) for _, _, seconds in STEP.findall(log))
    return total, len(attempts), sum(bool(a.get("reused_from")) for a in attempts)


def one_run(samples_file: Path, tasks: list[str], per_task: int, workers: int, sandbox: str,
            scratch: Path) -> dict[str, float]:
    out = scratch / f"{sandbox}-{workers}"
    env = {**os.environ, "PYTHONPATH": str(REPO), "HPCEVAL_CACHE_DIR": str(scratch / f"cache-{sandbox}-{workers}")}
    args = [sys.executable, "-m", "hpceval", "run", "--suite", "hpc", *[a for t in tasks for a in ("--task", t)],
            "--agent", f"replay:{samples_file}", "-n", str(per_task), "--sandbox", sandbox, "--max-sandboxes",
            str(workers), "--out", str(out)]
    started = time.perf_counter()
    result = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{sandbox} x{workers}: hpceval run failed ({result.returncode}):\n{result.stderr[-3000:]}")
    in_steps, attempts, reused = step_seconds(out)
    verdicts = json.loads((out / "summary.json").read_text())["counts"]
    return {"wall_s": wall, "in_steps_s": in_steps, "attempts": attempts, "reused": reused,
            "ok": verdicts.get("ok", 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=36, help="replayed samples in all (the issue: 500)")
    parser.add_argument("--tasks", default=",".join(DEFAULT_TASKS), help="serial task ids, comma-separated")
    parser.add_argument("--workers", default="1,2", help="--max-sandboxes values, comma-separated")
    parser.add_argument("--sandbox", default="local", help="local, docker (the warm pool), or both: local,docker")
    args = parser.parse_args()
    tasks = [t for t in args.tasks.split(",") if t]
    if args.samples % len(tasks):
        sys.exit(f"--samples {args.samples}: give a multiple of the {len(tasks)} tasks")
    with tempfile.TemporaryDirectory(prefix="hpceval-throughput-") as name:
        scratch = Path(name)
        samples_file = scratch / "samples.jsonl"
        counts = write_samples(samples_file, tasks, args.samples)
        per_task = max(counts.values())
        print(f"{args.samples} distinct replayed samples over {len(tasks)} serial tasks of the hpc pack "
              f"({per_task} each); {os.cpu_count()} CPUs", flush=True)
        print(f"{'sandbox':<8} {'workers':>7} {'wall s':>8} {'samples/s':>10} {'in steps s':>11} {'wall/steps':>10} "
              f"{'scaling':>8} {'ok':>5} {'reused':>6}", flush=True)
        for sandbox in args.sandbox.split(","):
            first: float | None = None
            for workers in (int(w) for w in args.workers.split(",")):
                figures = one_run(samples_file, tasks, per_task, workers, sandbox, scratch)
                rate = figures["attempts"] / figures["wall_s"]
                first = first or rate
                overhead = figures["wall_s"] / figures["in_steps_s"]
                print(f"{sandbox:<8} {workers:>7} {figures['wall_s']:8.1f} {rate:10.3f} {figures['in_steps_s']:11.1f} "
                      f"{overhead:10.3f} {rate / first:8.2f} {figures['ok']:>5} {figures['reused']:>6}", flush=True)


if __name__ == "__main__":
    main()
