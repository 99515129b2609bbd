"""Recompute every score of a run from its attempts alone (`hpceval score`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import fmean

from pydantic import ValidationError

from hpceval.agents.base import Usage
from hpceval.harness import pareval
from hpceval.harness.errors import UserError
from hpceval.harness.records import Attempt, RunManifest, Summary
from hpceval.harness.store import RunStore
from hpceval.metrics import TaskMetrics, aggregate_by_group, eff_at_k, pass_at_k, speedup_at_k
from hpceval.sandbox.base import Verdict

GROUP_DIMENSIONS = ("execution_model", "problem_type", "pack")
# kinds scored by ENAMEL's eff@k against an expert reference, rather than by speedup over a baseline
EFFICIENCY_KINDS = frozenset({"function"})
# kinds whose answers are predictions, scored by partial credit (accuracy@1) besides pass@k (full credit)
PREDICTION_KINDS = frozenset({"predict"})
INTERVAL_RESAMPLES = 1000
FAST_P = 1.0  # fast_p's p: the speedup a correct sample must beat to count as fast


@dataclass
class TaskSamples:
    """The final attempt of every sample of one task, infra errors left out."""

    task_id: str
    labels: dict[str, str]
    kind: str = "kernel"
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.attempts)

    @property
    def passed(self) -> int:
        return sum(a.verdict == Verdict.ok for a in self.attempts)

    @property
    def built(self) -> int:
        return sum(a.built for a in self.attempts)

    def speedups(self) -> list[float]:
        """Per sample: 0 unless correct; a suspect speedup counts at its task's plausible bound."""
        return [credited_speedup(a) for a in self.attempts]

    def fast(self, p: float) -> int:
        """Samples correct and faster than p times the baseline beyond the noise: the speedup's 95% interval
        lies above p (KernelBench's fast_p compares the point estimate alone, which counts a baseline timed
        against itself as fast about half the time)."""
        count = 0
        for attempt, speedup in zip(self.attempts, self.speedups(), strict=True):
            interval = getattr(attempt.measurement, "speedup_ci", None)
            low = interval[0] if interval else speedup
            count += speedup > p and low > p
        return count

    def efficiencies(self) -> list[float]:
        return [s / a.cores for s, a in zip(self.speedups(), self.attempts, strict=True)]

    def scaling(self) -> dict[str, tuple[list[float], list[float]]]:
        """A scaling sweep's speedups and efficiencies per resource count (`t<threads>r<ranks>`), one per sample
        (0 where the sample is not correct or the count was not valid); empty without a sweep."""
        points = [sweep_points(a) for a in self.attempts]
        labels = sorted({label for p in points for label in p}, key=_label_order)
        out: dict[str, tuple[list[float], list[float]]] = {}
        for label in labels:
            speedups = [p.get(label, (0.0, 1))[0] for p in points]
            cores = [p.get(label, (0.0, 1))[1] for p in points]
            out[label] = (speedups, [s / c for s, c in zip(speedups, cores, strict=True)])
        return out

    def eff_scores(self, level: int | None = None) -> list[float]:
        """ENAMEL's per-sample efficiency (or its part at one level): 0 unless correct."""
        out = []
        for attempt in self.attempts:
            measured = attempt.measurement
            if attempt.verdict != Verdict.ok or measured is None or measured.efficiency is None:
                out.append(0.0)
            elif level is None:
                out.append(measured.efficiency)
            else:
                parts = measured.level_efficiency or []
                out.append(parts[level] if level < len(parts) else 0.0)
        return out

    def prediction_scores(self) -> list[float]:
        """Each sample's partial credit in [0, 1] (a prediction's scorer; 0 where it was not scored)."""
        return [float(getattr(a.measurement, "score", None) or 0.0) if a.measurement is not None else 0.0
                for a in self.attempts]

    def levels(self) -> int:
        return max((len(a.measurement.level_efficiency or []) for a in self.attempts if a.measurement), default=0)

    def timed_levels(self) -> list[int]:
        """The levels that weigh in eff@k (hardness > 0): a level of weight 0 is checked, not timed or scored."""
        hardness = next((list(getattr(a.measurement, "hardness", None) or []) for a in self.attempts
                         if a.measurement is not None and getattr(a.measurement, "hardness", None)), [])
        return [level for level in range(self.levels()) if level >= len(hardness) or hardness[level] > 0]


def sweep_points(attempt: Attempt) -> dict[str, tuple[float, int]]:
    """A sweep's (speedup, cores) per count of one attempt; 0 for a count that was not valid, and every count 0
    unless the attempt is correct (its verdict stands on its model's own count)."""
    measured = attempt.measurement
    runs = getattr(measured, "runs", None) if measured is not None else None
    out: dict[str, tuple[float, int]] = {}
    for run in runs or []:
        data = run if isinstance(run, Mapping) else run.model_dump()
        if "baseline_s" not in data:  # imported ParEval runs: no baseline of their own per count
            continue
        threads, ranks = int(data.get("threads") or 1), int(data.get("ranks") or 1)
        valid = attempt.verdict == Verdict.ok and data.get("is_valid") and data.get("speedup")
        out[f"t{threads}r{ranks}"] = (float(data["speedup"]) if valid else 0.0, threads * ranks)
    return out


def _label_order(label: str) -> tuple[int, int]:
    threads, _, ranks = label[1:].partition("r")
    return int(ranks), int(threads)


def credited_speedup(attempt: Attempt) -> float:
    measured = attempt.measurement
    if attempt.verdict != Verdict.ok or measured is None or not measured.speedup:
        return 0.0
    if measured.suspect and measured.speedup_bound:
        return min(measured.speedup, measured.speedup_bound)
    return measured.speedup


def is_suspect(attempt: Attempt) -> bool:
    return attempt.measurement is not None and attempt.measurement.suspect


def kept_round(rounds: list[Attempt]) -> Attempt:
    """The version of a multi-round sample that counts: the correct one with the highest speedup; with none
    correct, the last one that built, else the last one. Infra errors only when no round has a result."""
    scored = [a for a in rounds if a.verdict != Verdict.infra_error] or rounds
    return max(scored, key=lambda a: (a.verdict == Verdict.ok, credited_speedup(a),
                                      (a.measurement.efficiency or 0.0) if a.measurement else 0.0, a.built, a.round))


def final_attempts(attempts: Iterable[Attempt]) -> list[Attempt]:
    """The kept round (see `kept_round`) of every (task, sample)."""
    kept = [kept_round(rounds) for rounds in RunStore.rounds(list(attempts)).values()]
    return sorted(kept, key=lambda a: (a.task_id, a.sample))


def usage_totals(attempts: list[Attempt]) -> dict[str, Usage]:
    """Tokens and dollars of the whole run, every round counted (the latest record of a round carries all of
    that round's usage, retried work included): "total" and one entry per role."""
    totals: dict[str, Usage] = {}
    for attempt in RunStore.latest(attempts).values():
        if attempt.usage.calls == 0 and not attempt.roles:
            continue
        totals["total"] = totals.get("total", Usage()) + attempt.usage
        for role, usage in attempt.roles.items():
            totals[role] = totals.get(role, Usage()) + usage
    return totals


def group_tasks(attempts: list[Attempt]) -> dict[str, TaskSamples]:
    tasks: dict[str, TaskSamples] = {}
    for attempt in attempts:
        labels = {dim: str(getattr(attempt, dim)) for dim in (*GROUP_DIMENSIONS, "problem")}
        entry = tasks.setdefault(attempt.task_id, TaskSamples(attempt.task_id, labels, attempt.kind))
        if attempt.verdict != Verdict.infra_error:
            entry.attempts.append(attempt)
    return tasks


def task_metrics(task: TaskSamples, ks: list[int]) -> dict[str, float]:
    out: dict[str, float] = {"n": float(task.n), "passed": float(task.passed), "built": float(task.built)}
    for k in ks:
        if k > task.n:
            continue
        out[f"pass@{k}"] = pass_at_k(task.n, task.passed, k)
        out[f"build@{k}"] = pass_at_k(task.n, task.built, k)
        if task.kind in PREDICTION_KINDS:
            if k == 1:  # the expected credit of one sample: accuracy with partial credit
                out["accuracy@1"] = fmean(task.prediction_scores())
            continue
        if task.kind in EFFICIENCY_KINDS:
            out[f"eff@{k}"] = eff_at_k(task.eff_scores(), k)
            for level in task.timed_levels():
                out[f"eff_level{level}@{k}"] = eff_at_k(task.eff_scores(level), k)
            continue
        out[f"speedup_n@{k}"] = speedup_at_k(task.speedups(), k)
        # KernelBench's fast_1 as an estimator over samples: some of k samples is correct and faster than the baseline
        out[f"fast_1@{k}"] = pass_at_k(task.n, task.fast(FAST_P), k)
        out[f"efficiency_n@{k}"] = speedup_at_k(task.efficiencies(), k)
        scaling = task.scaling()
        for label, (speedups, efficiencies) in scaling.items():  # each count apart, as ParEval's speedup_n@k
            out[f"speedup_n@{k}[{label}]"] = speedup_at_k(speedups, k)
            out[f"efficiency_n@{k}[{label}]"] = speedup_at_k(efficiencies, k)
        if scaling:  # ParEval's max over n: each sample at its best count, then the expected best of k samples
            columns = list(scaling.values())
            best = [max(values) for values in zip(*(c[0] for c in columns), strict=True)]
            best_efficiency = [max(values) for values in zip(*(c[1] for c in columns), strict=True)]
            out[f"speedup_max@{k}"] = speedup_at_k(best, k)
            out[f"efficiency_max@{k}"] = speedup_at_k(best_efficiency, k)
    return out


def group_names(labels: dict[str, str]) -> list[str]:
    """The groups a task belongs to: one per dimension, plus its (execution model, problem type) cell."""
    names = [f"{dim}={labels[dim]}" for dim in GROUP_DIMENSIONS]
    names.append(f"execution_model={labels['execution_model']}/problem_type={labels['problem_type']}")
    return names


def _mean_metrics(per_task: list[dict[str, float]], keys: list[str]) -> dict[str, float]:
    return {key: fmean(m[key] for m in per_task) for key in keys if per_task and all(key in m for m in per_task)}


def intervals(
    per_task: Mapping[str, tuple[Mapping[str, str], Mapping[str, float | None]]],
    keys: list[str],
    confidence: float = 0.95,
) -> dict[str, dict[str, list[float]]]:
    """Bootstrap intervals over tasks (the unit of replication) for the overall mean ("all") and every group."""
    tasks = [TaskMetrics(tid, labels, values) for tid, (labels, values) in per_task.items()]
    if not tasks:
        return {}
    by: list[str | tuple[str, ...]] = [*GROUP_DIMENSIONS, ("execution_model", "problem_type")]
    out: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for row in aggregate_by_group(tasks, by=by, metrics=keys, confidence=confidence, n_resamples=INTERVAL_RESAMPLES):
        name = "/".join(f"{dim}={value}" for dim, value in zip(row.by, row.group, strict=True)) or "all"
        out[name][row.metric] = [row.ci.low, row.ci.high]
    return dict(out)


def score(attempts: list[Attempt], ks: list[int], pareval_compat: bool = False) -> Summary:
    """The summary of a run. Runs imported from ParEval are scored through `metrics.pareval`; with
    `pareval_compat`, by ParEval's own published conventions (k > 1 speedups are then not given)."""
    final = final_attempts(attempts)
    if any(a.origin == pareval.ORIGIN for a in final):
        return _score_imported(final, ks, pareval_compat)
    if pareval_compat:
        raise UserError("--pareval-compat applies to runs imported with `hpceval import pareval`; drop it here")
    # A GPU task with a sample built where no GPU was: that sample neither passed nor failed, so the task is in no
    # score (its other samples would bias it) but its own group's build@k.
    unjudged = {a.task_id for a in final if a.verdict == Verdict.skipped_no_gpu}
    skipped = [a for a in final if a.task_id in unjudged]
    tasks = {tid: t for tid, t in group_tasks([a for a in final if a.task_id not in unjudged]).items() if t.n > 0}
    per_task = {tid: task_metrics(t, ks) for tid, t in tasks.items()}
    keys = list(dict.fromkeys(key for values in per_task.values() for key in values if "@" in key))
    notes = [
        f"k={k} skipped: it needs at least {k} scored samples on every task (smallest n is "
        f"{min(t.n for t in tasks.values())})"
        for k in ks
        if tasks and any(k > t.n for t in tasks.values())
    ]
    skipped_group = _skipped_group(skipped, ks)
    if skipped:
        notes.append(f"{int(skipped_group['n_tasks'])} GPU task(s) had samples that built but were skipped_no_gpu "
                     "(no GPU in the sandbox to check and time them): those tasks are in no score; their build@k is "
                     f"in the group '{SKIPPED_GROUP}'")
    suspects = [a for a in final if is_suspect(a) and a.verdict == Verdict.ok]
    if suspects:
        notes.append(f"{len(suspects)} attempt(s) with an implausible speedup (above the task's bound) are counted "
                     f"at the bound: {', '.join(sorted({a.task_id for a in suspects}))}")
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for tid, task in tasks.items():
        for name in group_names(task.labels):
            groups[name].append(per_task[tid])
    labelled = {tid: (tasks[tid].labels, dict(values)) for tid, values in per_task.items()}
    return Summary(
        metrics=_mean_metrics(list(per_task.values()), keys),
        intervals=intervals(labelled, keys),
        groups={**{name: _mean_metrics(members, keys) for name, members in sorted(groups.items())},
                **({SKIPPED_GROUP: skipped_group} if skipped else {})},
        counts=_counts(final),
        tasks=per_task,
        labels={tid: task.labels for tid, task in tasks.items()},
        k=ks,
        n_tasks=len(tasks),
        n_attempts=len(final),
        notes=notes,
        usage=usage_totals(attempts),
    )


SKIPPED_GROUP = "verdict=skipped_no_gpu"


def _skipped_group(skipped: list[Attempt], ks: list[int]) -> dict[str, float]:
    """The tasks left unjudged for want of a GPU: how many, and their mean build@k over all their samples."""
    by_task: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in skipped:
        if attempt.verdict != Verdict.infra_error:
            by_task[attempt.task_id].append(attempt)
    out: dict[str, float] = {"n_tasks": float(len(by_task))}
    for k in ks:
        values = [pass_at_k(len(a), sum(x.built for x in a), k) for a in by_task.values() if len(a) >= k]
        if values and len(values) == len(by_task):
            out[f"build@{k}"] = fmean(values)
    return out


def _counts(final: list[Attempt]) -> dict[str, int]:
    counts = Counter(a.verdict.value for a in final)
    suspect = sum(is_suspect(a) for a in final)
    if suspect:
        counts["suspect"] = suspect  # ok attempts whose speedup was implausible (also in the verdict counts)
    return dict(sorted(counts.items()))


def _score_imported(final: list[Attempt], ks: list[int], pareval_compat: bool) -> Summary:
    per_task = pareval.pareval_task_values(final, ks, pareval_compat)
    groups: dict[str, list[dict[str, float | None]]] = defaultdict(list)
    for labels, values in per_task.values():
        for name in group_names(labels):
            groups[name].append(values)
    notes = ["scored by ParEval's published conventions (--pareval-compat)"] if pareval_compat else []
    keys = list(dict.fromkeys(key for _, values in per_task.values() for key in values))
    return Summary(
        metrics=pareval.mean_defined([values for _, values in per_task.values()]),
        intervals=intervals(per_task, keys),
        groups={name: pareval.mean_defined(members) for name, members in sorted(groups.items())},
        counts=_counts(final),
        tasks={tid: {k: v for k, v in values.items() if v is not None} for tid, (_, values) in per_task.items()},
        labels={tid: dict(labels) for tid, (labels, _) in per_task.items()},
        k=ks,
        n_tasks=len(per_task),
        n_attempts=len(final),
        notes=notes,
    )


def read_or_score(store: RunStore, manifest: RunManifest, attempts: list[Attempt]) -> tuple[Summary, str]:
    """The run's summary.json when it scores the attempts the run dir holds now and carries the per-task labels;
    else the run scored here from its attempts (the record), and a line that says why. What boards and run
    reports read."""
    final = final_attempts(attempts)
    rewrite = f"`hpceval score {store.root}` rewrites it"
    if not store.summary_path.is_file():
        return score(attempts, manifest.config.k), "scored here from attempts.jsonl (the run dir has no summary.json)"
    try:
        summary = Summary.model_validate_json(store.summary_path.read_bytes())
    except (ValidationError, ValueError) as exc:
        message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        return score(attempts, manifest.config.k), f"scored here: summary.json is malformed ({message}); {rewrite}"
    if summary.n_attempts != len(final):
        return score(attempts, summary.k or manifest.config.k), (
            f"scored here from attempts.jsonl: summary.json scores {summary.n_attempts} samples, the run dir has "
            f"{len(final)} ({rewrite})")
    if summary.tasks and not summary.labels:
        return score(attempts, summary.k or manifest.config.k), (
            f"scored here: summary.json was written before summaries named each task's labels ({rewrite})")
    return summary, "summary.json"
