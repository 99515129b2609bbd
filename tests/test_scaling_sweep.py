"""Scaling sweeps (`--threads`, `--ranks`, issue 14): each kernel answer is also timed at other thread and rank
counts, capped at the machine's CPUs; every count is scored apart (speedup_n@k[t<T>r<R>]) and ParEval's max over
n is reported; the verdict stays the model's own count's. The run goes through the real CLI and the local
sandbox (g++, OpenMP, OpenMPI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hpceval.harness.records import Attempt
from hpceval.harness.scoring import score
from hpceval.metrics import speedup_at_k
from hpceval.sandbox.base import Verdict
from hpceval.tasks.discovery import load_packs
from hpceval.tasks.kinds import Sweep
from hpceval.tasks.kinds.kernel import KernelMeasurement
from hpceval.tasks.kinds.kernel.interpret import ResourceRun
from hpceval.tasks.kinds.kernel.jobs import Resources, sweep_points
from tests.conftest import hpceval


def test_each_model_sweeps_what_it_has_and_stays_within_the_largest_count():
    pack = load_packs(["hpc"])[0]
    tasks = {t.task_id: t for t in pack.tasks}
    sweep = Sweep(threads=(1, 2), ranks=(1, 2))

    def points(model: str) -> set[tuple[int, int]]:
        return {(p.threads, p.ranks) for p in sweep_points(pack, tasks[f"hpc/gemv/{model}/generate"], sweep)}

    assert points("serial") == set()
    assert points("omp") == points("kokkos") == {(1, 1)}  # the model's own count (2 threads) is the main step
    assert points("mpi") == {(1, 1)}  # 2 ranks is its own
    assert points("mpi+omp") == {(1, 1), (2, 1)}  # (1, 2) is its own; (2, 2) needs 4 cores, above the largest count
    assert sweep_points(pack, tasks["hpc/gemv/omp/generate"], None) == []
    assert Resources(2, 2).cores == 4


def attempt(sample: int, verdict: Verdict, runs: list[ResourceRun]) -> Attempt:
    own = next(r for r in runs if r.threads == 2)
    return Attempt(task_id="hpc/a/omp/generate", sample=sample, suite="hpc", pack="hpc", problem="a",
                   problem_type="dense_la", execution_model="omp", agent="test", verdict=verdict, built=True,
                   measurement=KernelMeasurement(threads=2, cores=2, speedup=own.speedup, runs=runs),
                   started_at="t0", finished_at="t1")


def run(threads: int, speedup: float | None) -> ResourceRun:
    return ResourceRun(threads=threads, ranks=1, did_run=True, is_valid=speedup is not None, runtime_s=1.0,
                       baseline_s=speedup or 1.0, speedup=speedup)


def test_every_count_is_scored_apart_and_the_max_over_counts_per_sample():
    attempts = [
        attempt(0, Verdict.ok, [run(1, 0.9), run(2, 1.7)]),
        attempt(1, Verdict.ok, [run(1, 1.1), run(2, None)]),  # invalid at 2 threads: 0 there
        attempt(2, Verdict.wrong_answer, [run(1, 1.0), run(2, 1.9)]),  # not correct: 0 at every count
    ]
    metrics = score(attempts, [1, 2]).metrics
    assert metrics["speedup_n@1[t1r1]"] == pytest.approx(speedup_at_k([0.9, 1.1, 0.0], 1))
    assert metrics["speedup_n@2[t2r1]"] == pytest.approx(speedup_at_k([1.7, 0.0, 0.0], 2))
    assert metrics["efficiency_n@1[t2r1]"] == pytest.approx(speedup_at_k([0.85, 0.0, 0.0], 1))
    assert metrics["speedup_max@1"] == pytest.approx(speedup_at_k([1.7, 1.1, 0.0], 1))
    assert metrics["efficiency_max@2"] == pytest.approx(speedup_at_k([0.9, 1.1, 0.0], 2))


def test_a_sweep_through_the_cli_times_each_count_and_caps_at_the_cpus(tmp_path: Path):
    out = tmp_path / "run"
    result = hpceval("run", "--task", "hpc/axpy/omp/generate", "--task", "hpc/axpy/mpi/generate", "--agent",
                     "reference", "--sandbox", "local", "--threads", "1,2,4096", "--ranks", "1,2", "--out", str(out),
                     timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "scaling sweep capped" in result.stderr and "4096 left out" in result.stderr
    config = json.loads((out / "run.json").read_text())["config"]
    assert config["threads"] == [1, 2] and config["ranks"] == [1, 2]
    attempts = {a["task_id"]: a for a in map(json.loads, (out / "attempts.jsonl").read_text().splitlines())}
    for task, counts in (("hpc/axpy/omp/generate", [(1, 1), (2, 1)]), ("hpc/axpy/mpi/generate", [(1, 1), (1, 2)])):
        runs = attempts[task]["measurement"]["runs"]
        assert [(r["threads"], r["ranks"]) for r in runs] == counts
        assert all(r["is_valid"] and r["speedup"] > 0 for r in runs), runs
        one = runs[0]
        assert 0.4 < one["speedup"] < 2.0, one  # one thread or rank does the baseline's work, about as fast
    summary = json.loads((out / "summary.json").read_text())
    assert "speedup_n@1[t2r1]" in summary["groups"]["execution_model=omp"]
    assert "speedup_max@1" in summary["groups"]["execution_model=mpi"]


def test_a_sweep_of_tasks_without_counts_is_one_error(tmp_path: Path):
    result = hpceval("run", "--suite", "efficiency", "--threads", "1,2", "--out", str(tmp_path / "run"))
    assert result.returncode == 2
    assert "has no thread or rank counts to sweep" in result.stderr and len(result.stderr.strip().splitlines()) == 1
