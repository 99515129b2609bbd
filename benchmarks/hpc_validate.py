"""`hpceval validate` on the hpc pack, with and without the sandbox's build cache (sandbox/build_cache.py): the
wall time of the whole validation and the build time a job spends (every build step, a cached one at 0 s).

    python benchmarks/hpc_validate.py [--task GLOB ...] [--sandbox docker|local] [--workers 2] [--no-cache] [--table]
                                      [--full-timing]

Prints: tasks, checks held, wall time, jobs, the median and total build seconds per job, the cache's hits, and
the wall seconds of each step (build_trusted, check, time, ...) summed over jobs; with
--table, the references' speedups per problem and model (benchmarks/hpc_reference_table.py's table).
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from fnmatch import fnmatch
from typing import cast

from hpc_reference_table import markdown  # benchmarks/, beside this file

from hpceval.harness.sandboxes import SandboxOptions, make_sandbox
from hpceval.harness.validate import validate_tasks
from hpceval.sandbox.base import Job, JobResult, Sandbox, StepKind
from hpceval.tasks.discovery import load_packs


class Recording:
    """A sandbox that keeps every job's build seconds (and drops the cache keys when told to)."""

    def __init__(self, inner: Sandbox, cache: bool) -> None:
        self.inner, self.cache, self.name = inner, cache, inner.name
        self.build_s: list[float] = []
        self.step_s: dict[str, float] = {}  # wall seconds per step name, summed over jobs
        self._lock = threading.Lock()

    def run(self, job: Job) -> JobResult:
        if not self.cache:
            job = job.model_copy(update={"steps": [s.model_copy(update={"cache_key": "", "keep": []})
                                                   for s in job.steps]})
        result = self.inner.run(job)
        with self._lock:
            self.build_s.append(sum(s.wall_s for s in result.steps if s.kind == StepKind.build))
            for step in result.steps:
                self.step_s[step.name] = self.step_s.get(step.name, 0.0) + step.wall_s
        return result

    def close(self) -> None:
        self.inner.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", action="append", help="task-id glob (repeatable; default every hpc task)")
    parser.add_argument("--sandbox", default="docker")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true", help="build everything in every job (the old way)")
    parser.add_argument("--table", action="store_true", help="also print the references' speedups as Markdown "
                                                             "(implies --full-timing)")
    parser.add_argument("--full-timing", action="store_true", help="time with the pack's own repeats (as a run does), "
                                                                   "not validate's quick two pairs")
    args = parser.parse_args()
    pack = load_packs(["hpc"])[0]
    tasks = [t for t in pack.tasks if not args.task or any(fnmatch(t.task_id, g) for g in args.task)]
    recording = Recording(make_sandbox(SandboxOptions(name=args.sandbox, slots=args.workers)), cache=not args.no_cache)
    box = cast(Sandbox, recording)
    started = time.perf_counter()
    try:
        checks = validate_tasks([(pack, t) for t in tasks], box, args.workers, lambda check: None,
                                full_timing=args.full_timing or args.table)
    finally:
        box.close()
    wall = time.perf_counter() - started
    held = sum(check.holds for check in checks)
    for check in checks:
        if not check.holds:
            print(f"  FAIL {check.task_id} {check.solution}: {check.verdict} {check.message[:200]}")
    if args.table:
        tasks_by_id = {t.task_id: t for t in tasks}
        print(markdown([{"problem": tasks_by_id[c.task_id].problem, "problem_type": tasks_by_id[c.task_id].problem_type,
                         "execution_model": tasks_by_id[c.task_id].execution_model, "verdict": c.verdict.value,
                         "measurement": c.measurement.model_dump() if c.measurement else None}
                        for c in checks if c.solution == "reference"]))
    builds = getattr(recording.inner, "builds", None)
    timing = "full timing" if args.full_timing or args.table else "quick timing"
    print(f"hpc validate ({'no cache' if args.no_cache else 'build cache'}, {timing}, {args.sandbox}, "
          f"{args.workers} workers): "
          f"{len(tasks)} tasks, {held}/{len(checks)} checks hold, {wall:.0f} s; {len(recording.build_s)} jobs, build "
          f"{statistics.median(recording.build_s):.2f} s median a job, {sum(recording.build_s):.0f} s in all"
          + (f"; cache hits {builds.hits}, misses {builds.misses}" if builds and not args.no_cache else ""))
    print("step wall seconds, summed over jobs: "
          + ", ".join(f"{name} {seconds:.0f}" for name, seconds in
                      sorted(recording.step_s.items(), key=lambda item: -item[1])))


if __name__ == "__main__":
    main()
