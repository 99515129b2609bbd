"""From per-task metrics to group and overall means with bootstrap intervals over tasks.

The unit of replication is the task: each task contributes one number per metric (already averaged or
estimated over its samples, e.g. its pass@1), a group's score is the plain mean over its tasks, and the
interval resamples tasks. Two runs on the same tasks are compared pairwise, task by task.
"""

from __future__ import annotations

import hashlib
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from hpceval.metrics._checks import finite_floats
from hpceval.metrics.timing import DEFAULT_RESAMPLES, ConfidenceInterval, bootstrap_ci


@dataclass(frozen=True, slots=True)
class TaskMetrics:
    """One task's metrics and the labels that place it in groups.

    ``labels`` e.g. ``{"execution_model": "omp", "problem_type": "scan", "suite": "hpc"}``;
    ``values`` e.g. ``{"pass@1": 0.25, "speedup@1": 1.7}``. A metric that is undefined for the task
    (``None`` or absent) is left out of that metric's mean, and the summary's ``n_tasks`` says how many
    tasks did count.
    """

    task_id: str
    labels: Mapping[str, str]
    values: Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """The mean of one metric over the tasks of one group.

    ``by`` names the label dimensions (``()`` for the overall row) and ``group`` holds their values in
    the same order. ``ci.estimate`` is the mean; ``stderr`` the standard error of the mean (0 for one
    task).
    """

    by: tuple[str, ...]
    group: tuple[str, ...]
    metric: str
    n_tasks: int
    mean: float
    stderr: float
    ci: ConfidenceInterval


@dataclass(frozen=True, slots=True)
class PairedComparison:
    """Run B against run A on the tasks both scored: ``difference = mean(B - A)``, with its interval.

    ``wins`` counts tasks where B scored higher, ``losses`` where it scored lower; ``only_in_a`` and
    ``only_in_b`` list tasks that only one run has (they are not in the comparison).
    """

    n_tasks: int
    mean_a: float
    mean_b: float
    difference: ConfidenceInterval
    wins: int
    losses: int
    ties: int
    only_in_a: tuple[str, ...] = field(default=())
    only_in_b: tuple[str, ...] = field(default=())


def _derived_seed(seed: int, *parts: object) -> int:
    """A per-group seed that depends on the group, not on the order groups are visited in."""
    text = "\x1f".join([str(seed), *(repr(p) for p in parts)])
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _stderr(values: Sequence[float]) -> float:
    if len(values) < 2:
        return 0.0
    return statistics.stdev(values) / math.sqrt(len(values))


def _normalise_by(
    by: Sequence[str | Sequence[str]] | None, tasks: Sequence[TaskMetrics]
) -> list[tuple[str, ...]]:
    if by is None:
        names: list[str] = []
        for task in tasks:
            for name in task.labels:
                if name not in names:
                    names.append(name)
        return [(name,) for name in names]
    return [(item,) if isinstance(item, str) else tuple(item) for item in by]


def aggregate_by_group(
    tasks: Sequence[TaskMetrics],
    by: Sequence[str | Sequence[str]] | None = None,
    metrics: Sequence[str] | None = None,
    confidence: float = 0.95,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> list[GroupSummary]:
    """Per-group and overall means of per-task metrics, with percentile-bootstrap intervals over tasks.

    Args:
        tasks: one entry per task.
        by: the groupings to report, each a label name (``"execution_model"``) or a tuple of names
            (``("execution_model", "problem_type")``, ParEval's table). Default: each label name that
            occurs, one at a time. The overall row (``by == ()``) is always first.
        metrics: the metrics to summarise; default: every metric name that occurs, in first-seen order.
        confidence, n_resamples, seed: bootstrap settings. Each (grouping, group, metric) gets its own
            seed derived from ``seed`` and a group's tasks are resampled in task-id order, so the
            results do not depend on the order of ``tasks``.

    Returns:
        Rows ordered by grouping (as given), then group values (sorted), then metric.

    Raises:
        ValueError: duplicate task ids, a task missing a label that ``by`` asks for, or a metric value
            that is not finite.
    """
    seen_ids: set[str] = set()
    for task in tasks:
        if task.task_id in seen_ids:
            raise ValueError(f"aggregate_by_group: task {task.task_id!r} appears twice")
        seen_ids.add(task.task_id)
    if metrics is None:
        metric_names: list[str] = []
        for task in tasks:
            for name in task.values:
                if name not in metric_names:
                    metric_names.append(name)
    else:
        metric_names = list(metrics)
    groupings: list[tuple[str, ...]] = [(), *_normalise_by(by, tasks)]

    rows: list[GroupSummary] = []
    for names in groupings:
        members: dict[tuple[str, ...], list[TaskMetrics]] = {}
        for task in tasks:
            missing = [name for name in names if name not in task.labels]
            if missing:
                raise ValueError(f"aggregate_by_group: task {task.task_id!r} has no label {missing[0]!r}")
            members.setdefault(tuple(task.labels[name] for name in names), []).append(task)
        for group in sorted(members):
            for metric in metric_names:
                ordered = sorted(members[group], key=lambda t: t.task_id)  # input order must not matter
                raw = [t.values.get(metric) for t in ordered]
                values = finite_floats(
                    [v for v in raw if v is not None], f"values of {metric!r}", "aggregate_by_group"
                )
                if not values:
                    continue
                ci = bootstrap_ci(
                    values,
                    stat=statistics.fmean,
                    confidence=confidence,
                    n_resamples=n_resamples,
                    seed=_derived_seed(seed, names, group, metric),
                )
                rows.append(
                    GroupSummary(
                        by=names,
                        group=group,
                        metric=metric,
                        n_tasks=len(values),
                        mean=ci.estimate,
                        stderr=_stderr(values),
                        ci=ci,
                    )
                )
    return rows


def compare_runs(
    run_a: Mapping[str, float],
    run_b: Mapping[str, float],
    confidence: float = 0.95,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> PairedComparison:
    """Paired comparison of one metric between two runs, keyed by task id.

    The difference is ``mean over shared tasks of (B - A)``; its interval resamples tasks, keeping each
    task's two scores together, which removes the between-task variance that an unpaired comparison
    would carry.

    Raises:
        ValueError: the runs share no task, or a value is not finite.
    """
    shared = sorted(set(run_a) & set(run_b))
    if not shared:
        raise ValueError("compare_runs: the two runs have no task in common")
    a_values = finite_floats([run_a[t] for t in shared], "run_a", "compare_runs")
    b_values = finite_floats([run_b[t] for t in shared], "run_b", "compare_runs")
    differences = [b - a for a, b in zip(a_values, b_values, strict=True)]
    ci = bootstrap_ci(
        differences,
        stat=statistics.fmean,
        confidence=confidence,
        n_resamples=n_resamples,
        seed=seed,
    )
    return PairedComparison(
        n_tasks=len(shared),
        mean_a=statistics.fmean(a_values),
        mean_b=statistics.fmean(b_values),
        difference=ci,
        wins=sum(1 for d in differences if d > 0),
        losses=sum(1 for d in differences if d < 0),
        ties=sum(1 for d in differences if d == 0),
        only_in_a=tuple(sorted(set(run_a) - set(run_b))),
        only_in_b=tuple(sorted(set(run_b) - set(run_a))),
    )
