"""Per-job sandbox overhead: the wall time of a job (compile a small C program, run it) through a sandbox, minus
the wall time of the same two commands run bare on the host, paired and interleaved, median over N jobs.

    python -m benchmarks.sandbox_overhead [--jobs 60] [--modes warm,per-job,local]

Modes: `warm` (the Docker warm pool), `per-job` (a fresh container for every job), `local` (the local backend).
Also printed: the overhead outside the steps themselves (job wall minus the step times the sandbox measured),
which is free of any difference between the host's and the image's compiler.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hpceval.sandbox.base import Job, Sandbox, Step, StepKind

PROGRAM = "#include <stdio.h>\nint main(void) { long s = 0; for (long i = 0; i < 1000000; ++i) s += i; " \
          "printf(\"%ld\\n\", s); return 0; }\n"
BUILD = ["gcc", "-O2", "prog.c", "-o", "prog"]
RUN = ["./prog"]


def job() -> Job:
    return Job(files={"prog.c": PROGRAM}, steps=[Step(name="build", kind=StepKind.build, argv=BUILD),
                                                 Step(name="run", argv=RUN)])


def bare_once() -> float:
    with tempfile.TemporaryDirectory() as scratch:
        Path(scratch, "prog.c").write_text(PROGRAM)
        started = time.perf_counter()
        subprocess.run(BUILD, cwd=scratch, check=True)
        subprocess.run(RUN, cwd=scratch, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started


def make(mode: str) -> Sandbox:
    if mode == "local":
        from hpceval.sandbox.local import LocalSandbox

        return LocalSandbox(slots=1)
    from hpceval.sandbox.docker import DockerSandbox

    return DockerSandbox(slots=1, warm=(mode == "warm"))


def measure(mode: str, jobs: int) -> dict[str, float]:
    sandbox = make(mode)
    try:
        sandbox.run(job())  # start the pool (and warm the page cache) outside the measurement
        bare_once()
        overheads: list[float] = []
        outside_steps: list[float] = []
        for _ in range(jobs):
            bare = bare_once()
            started = time.perf_counter()
            result = sandbox.run(job())
            wall = time.perf_counter() - started
            if result.verdict != "ok":
                raise SystemExit(f"{mode}: the job failed: {result.steps[-1].message} {result.steps[-1].stderr[:200]}")
            overheads.append(wall - bare)
            outside_steps.append(wall - sum(step.wall_s for step in result.steps))
        return {"median_overhead_ms": 1000 * statistics.median(overheads),
                "p90_overhead_ms": 1000 * statistics.quantiles(overheads, n=10)[-1],
                "median_outside_steps_ms": 1000 * statistics.median(outside_steps),
                "median_bare_ms": 1000 * statistics.median([bare_once() for _ in range(5)])}
    finally:
        sandbox.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=60)
    parser.add_argument("--modes", default="warm,per-job,local")
    args = parser.parse_args()
    if shutil.which("gcc") is None:
        sys.exit("gcc is needed on the host for the bare baseline")
    print(f"{args.jobs} jobs per mode (gcc -O2 of a small C file, then run it); medians, in ms")
    print(f"{'mode':<8} {'overhead':>9} {'p90':>8} {'outside steps':>14} {'bare job':>9}")
    for mode in args.modes.split(","):
        figures = measure(mode, args.jobs)
        print(f"{mode:<8} {figures['median_overhead_ms']:9.1f} {figures['p90_overhead_ms']:8.1f} "
              f"{figures['median_outside_steps_ms']:14.1f} {figures['median_bare_ms']:9.1f}", flush=True)


if __name__ == "__main__":
    main()
