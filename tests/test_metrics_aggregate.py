"""Per-task metrics to group and overall summaries; paired comparison of two runs."""

from __future__ import annotations

import random
import statistics

import pytest

from hpceval.metrics import GroupSummary, PairedComparison, TaskMetrics, aggregate_by_group, compare_runs


def make_tasks() -> list[TaskMetrics]:
    rows = [
        ("hpc/a/omp/generate", "omp", "scan", 1.0, 2.0),
        ("hpc/b/omp/generate", "omp", "sort", 0.5, None),
        ("hpc/a/serial/generate", "serial", "scan", 0.0, 1.0),
        ("hpc/b/serial/generate", "serial", "sort", 0.25, 3.0),
        ("hpc/c/serial/generate", "serial", "sort", 0.75, 5.0),
    ]
    return [
        TaskMetrics(
            task_id=task_id,
            labels={"execution_model": model, "problem_type": kind, "suite": "hpc"},
            values={"pass@1": p, "speedup@1": s},
        )
        for task_id, model, kind, p, s in rows
    ]


def find(rows: list[GroupSummary], by: tuple[str, ...], group: tuple[str, ...], metric: str) -> GroupSummary:
    (row,) = [r for r in rows if r.by == by and r.group == group and r.metric == metric]
    return row


def test_group_and_overall_means() -> None:
    rows = aggregate_by_group(
        make_tasks(), by=["execution_model", ("execution_model", "problem_type")], n_resamples=200
    )
    overall = find(rows, (), (), "pass@1")
    assert overall.mean == pytest.approx(0.5)
    assert overall.n_tasks == 5
    assert rows[0].by == ()
    omp = find(rows, ("execution_model",), ("omp",), "pass@1")
    assert omp.mean == 0.75
    # speedup@1 is undefined for one omp task: it is left out, and n_tasks says so.
    omp_speed = find(rows, ("execution_model",), ("omp",), "speedup@1")
    assert (omp_speed.mean, omp_speed.n_tasks) == (2.0, 1)
    cell = find(rows, ("execution_model", "problem_type"), ("serial", "sort"), "speedup@1")
    assert cell.mean == 4.0
    assert cell.stderr == pytest.approx(statistics.stdev([3.0, 5.0]) / 2**0.5)
    assert cell.ci.low <= cell.mean <= cell.ci.high
    assert 3.0 <= cell.ci.low and cell.ci.high <= 5.0


def test_default_groupings_are_each_label() -> None:
    rows = aggregate_by_group(make_tasks(), n_resamples=50)
    assert {r.by for r in rows} == {(), ("execution_model",), ("problem_type",), ("suite",)}
    suite = find(rows, ("suite",), ("hpc",), "pass@1")
    assert suite.mean == find(rows, (), (), "pass@1").mean


def test_aggregation_is_deterministic_and_order_free() -> None:
    tasks = make_tasks()
    first = aggregate_by_group(tasks, n_resamples=300, seed=4)
    shuffled = tasks[:]
    random.Random(1).shuffle(shuffled)
    again = aggregate_by_group(shuffled, n_resamples=300, seed=4)
    key = {(r.by, r.group, r.metric): r for r in first}
    for row in again:
        reference = key[(row.by, row.group, row.metric)]
        assert row.ci.low == pytest.approx(reference.ci.low)
        assert row.ci.high == pytest.approx(reference.ci.high)


def test_aggregation_errors() -> None:
    tasks = make_tasks()
    with pytest.raises(ValueError, match="appears twice"):
        aggregate_by_group([*tasks, tasks[0]])
    with pytest.raises(ValueError, match="no label 'hardware'"):
        aggregate_by_group(tasks, by=["hardware"])


def test_compare_runs_paired_difference() -> None:
    rng = random.Random(3)
    base = {f"t{i}": rng.random() for i in range(60)}
    better = {t: v + 0.1 + rng.gauss(0, 0.01) for t, v in base.items()}
    better["only-b"] = 1.0
    base["only-a"] = 0.0
    result = compare_runs(base, better, n_resamples=500, seed=2)
    assert isinstance(result, PairedComparison)
    assert result.n_tasks == 60
    assert result.difference.estimate == pytest.approx(result.mean_b - result.mean_a)
    assert 0.09 < result.difference.low < 0.1 < result.difference.high < 0.11
    assert (result.wins, result.losses, result.ties) == (60, 0, 0)
    assert result.only_in_a == ("only-a",) and result.only_in_b == ("only-b",)
    same = compare_runs(base, base, n_resamples=50)
    assert same.difference.estimate == 0.0 and same.ties == 61
    with pytest.raises(ValueError, match="no task in common"):
        compare_runs({"a": 1.0}, {"b": 1.0})
