"""ParEval metrics from ParEval's own results records (the driver's JSON, already parsed).

A record is one prompt: ``name``, ``problem_type``, ``parallelism_model`` and ``outputs``, one dict per
generated sample. How an output becomes a sample:

==================  ===========================================================================
sample property     taken from the output
==================  ===========================================================================
built               ``did_build``
correct             ``runs`` is a non-empty list and every run has ``is_valid`` true (this is what
                    ``are_all_valid`` records; a sample with ``runs: null`` did not build or run)
baseline time T*    ``best_sequential_runtime``: the sequential baseline timed next to the sample
run time            ``runtime`` of the run at the selected resource count (``num_threads`` and/or
                    ``num_procs``, see :data:`PAREVAL_RESOURCES`; serial, CUDA and HIP have a
                    single run, which is taken whatever it records)
speedup             ``T* / runtime``
efficiency          ``speedup / n_resources``: serial 1, OpenMP 32 threads, Kokkos 32, MPI 512,
                    MPI+OpenMP 4 x 64 = 256, CUDA and HIP the prompt's problem size (``problem_sizes``,
                    ParEval's ``drivers/problem-sizes.json`` parsed by :func:`parse_problem_sizes`);
                    without a problem size a CUDA/HIP efficiency is ``None``, undefined
==================  ===========================================================================

Booleans stored as strings (``"True"``, ``"false"``) are accepted. Records whose ``outputs`` are not
result dicts (prompts of other execution models in the same file) are skipped.

Two modes:

``pareval_compat=True`` reproduces ParEval's published table (``analysis/metrics.py``):
  * Kokkos runs at 64 threads are removed before anything else (ParEval's script does so), so they
    count neither for correctness nor as build rows.
  * pass@k per output as above; an output whose ``runs`` is an empty list has no row and is dropped.
  * build@k counted per *run row*: an output with 7 runs counts as 7 build attempts (``runs: null``
    counts once), so n is the number of rows, not of samples.
  * speedup@1 and efficiency@1 average over the *correct runs* at the selected resource count only
    (a run counts if its own ``is_valid`` is true, even when another run of the same output failed),
    with T* = the smallest ``best_sequential_runtime`` among those correct runs, and run times clamped
    below at 1e-8 s. Prompts without any correct run are left out of the group mean; a group with none
    scores 0. Only k = 1 is given: ParEval's k > 1 speedup computes an expected minimum (see
    ``docs/metrics.md``).

``pareval_compat=False`` (hpceval's own numbers) keeps n = samples everywhere: build@k per output,
speedup@k and efficiency@k as the expected maximum over k samples for every requested k, with failed
samples (not correct, or no run at the selected resource count) scored 0, T* = the smallest
``best_sequential_runtime`` over all of the prompt's outputs, and every prompt in the group mean.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any, Final, Literal

from hpceval.metrics.expected_extreme import efficiency_at_k, speedup_at_k
from hpceval.metrics.passk import build_at_k, pass_at_k

PAREVAL_RUNTIME_FLOOR = 1e-8
"""ParEval clamps run times below at this many seconds before dividing (compat mode only)."""

PROBLEM_SIZE: Final = "problem_size"
"""``ResourceSelection.n_resources`` for models whose efficiency divides by the prompt's problem size."""

ProblemSizes = Mapping[str, Mapping[str, int]]
"""Problem name -> parallelism model -> problem size, as :func:`parse_problem_sizes` returns it."""


@dataclass(frozen=True, slots=True)
class ResourceSelection:
    """Which of an output's runs is timed, and how many processing units it used.

    ``n_resources`` is a count, or :data:`PROBLEM_SIZE` (ParEval's GPU convention: the prompt's problem
    size). ``dropped_threads``: compat mode removes runs at this thread count before anything else.
    """

    num_threads: int | None = None
    num_procs: int | None = None
    n_resources: int | Literal["problem_size"] = 1
    dropped_threads: int | None = None

    def matches(self, run: Mapping[str, Any]) -> bool:
        """Whether ``run`` was made with the selected thread and process counts."""
        for key, wanted in (("num_threads", self.num_threads), ("num_procs", self.num_procs)):
            if wanted is not None and parse_number(run.get(key)) != wanted:
                return False
        return True

    def n_for(self, problem_size: int | None) -> int | None:
        """The efficiency divisor, given the prompt's problem size; ``None`` where it is needed but unknown."""
        return problem_size if self.n_resources == PROBLEM_SIZE else self.n_resources


PAREVAL_RESOURCES: Mapping[str, ResourceSelection] = {
    "serial": ResourceSelection(),
    # ParEval's latest script selects (and divides by) 64 threads; its published table reproduces with 32.
    "omp": ResourceSelection(num_threads=32, n_resources=32),
    # The ones below follow ParEval's analysis script and are not checked against published numbers.
    "kokkos": ResourceSelection(num_threads=32, n_resources=32, dropped_threads=64),
    "mpi": ResourceSelection(num_procs=512, n_resources=512),
    "mpi+omp": ResourceSelection(num_procs=4, num_threads=64, n_resources=256),
    "cuda": ResourceSelection(n_resources=PROBLEM_SIZE),
    "hip": ResourceSelection(n_resources=PROBLEM_SIZE),
}
"""Default resource selection per ``parallelism_model``, ParEval's seven. OpenMP at 32 threads reproduces
the published efficiency@1. CUDA and HIP time their single run and divide by the problem size."""

_PROBLEM_SIZE_TEXT = re.compile(r"\(\s*1\s*<<\s*(\d+)\s*\)")


def parse_problem_size(text: object) -> int:
    """``"(1<<n)"``, as ParEval's ``drivers/problem-sizes.json`` writes a problem size, as the number 2**n."""
    match = _PROBLEM_SIZE_TEXT.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f'cannot read {text!r} as a problem size; write it as "(1<<n)"')
    return 2 ** int(match.group(1))


def parse_problem_sizes(data: object) -> dict[str, dict[str, int]]:
    """ParEval's ``drivers/problem-sizes.json`` (parsed JSON: problem name -> {parallelism model: "(1<<n)"})
    as problem name -> parallelism model -> size. Raises ``ValueError`` naming the bad entry."""
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ValueError('expected {"<problem name>": {"<parallelism model>": "(1<<n)", ...}, ...}')
    out: dict[str, dict[str, int]] = {}
    for name, per_model in data.items():
        for model, text in per_model.items():
            try:
                out.setdefault(name, {})[model] = parse_problem_size(text)
            except ValueError as exc:
                raise ValueError(f"{name!r} / {model!r}: {exc}") from None
    return out


@dataclass(frozen=True, slots=True)
class ParEvalPromptMetrics:
    """One prompt's metrics; ``values`` maps ``"pass@1"``, ``"build@5"``, ``"speedup@1"``... to a number,
    or to ``None`` where the metric is undefined for the prompt (compat speedup with no correct run;
    efficiency where ``n_resources`` is unknown: CUDA/HIP without a problem size)."""

    name: str
    parallelism_model: str
    problem_type: str
    n_samples: int
    n_correct: int
    values: dict[str, float | None]
    n_resources: int | None  # efficiency's divisor; None: unknown, and efficiency undefined

    def scored(self) -> dict[str, float | None]:
        """The values that enter group means: all, but efficiency only where ``n_resources`` is known (a
        group whose prompts all lack it has no efficiency, rather than ParEval's 0 for an empty group)."""
        if self.n_resources is not None:
            return dict(self.values)
        return {key: v for key, v in self.values.items() if not key.startswith("efficiency@")}


@dataclass(frozen=True, slots=True)
class ParEvalCell:
    """Means over the prompts of one (parallelism_model, problem_type) cell, keyed by metric name."""

    parallelism_model: str
    problem_type: str
    n_prompts: int
    values: dict[str, float]

    def get(self, metric: str) -> float:
        """The value of ``metric`` (e.g. ``"pass@5"``)."""
        return self.values[metric]


def parse_flag(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        text = value.strip().lower()
        if text in {"true", "1", "yes"}:
            return True
        if text in {"false", "0", "no", "", "none", "nan", "null"}:
            return False
        raise ValueError(f"ParEval record: cannot read {value!r} as a boolean")
    if isinstance(value, float) and math.isnan(value):
        return False
    return bool(value)


def parse_number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"ParEval record: cannot read {value!r} as a number") from None
    return None if math.isnan(number) else number


def has_results(record: Mapping[str, Any]) -> bool:
    """Whether ``record`` carries evaluated outputs (a non-empty list of dicts), as ParEval checks."""
    outputs = record.get("outputs")
    return isinstance(outputs, list) and bool(outputs) and all(isinstance(o, dict) for o in outputs)


def _runs(output: Mapping[str, Any]) -> list[Mapping[str, Any]] | None:
    runs = output.get("runs")
    return None if runs is None else list(runs)


def _row_count(output: Mapping[str, Any]) -> int:
    runs = _runs(output)
    return 1 if runs is None else len(runs)


def _is_correct(output: Mapping[str, Any]) -> bool:
    runs = _runs(output)
    return bool(runs) and all(parse_flag(run.get("is_valid")) for run in runs or [])


def pareval_selection(model: str, resources: Mapping[str, ResourceSelection] | None = None) -> ResourceSelection:
    """The resource selection of ``model``: ``resources``' entry, else :data:`PAREVAL_RESOURCES`'."""
    table = PAREVAL_RESOURCES if resources is None else {**PAREVAL_RESOURCES, **resources}
    if model not in table:
        raise ValueError(
            f"ParEval metrics: no resource selection for parallelism_model {model!r}; pass "
            f"resources={{{model!r}: ResourceSelection(num_threads=..., num_procs=..., n_resources=...)}}"
        )
    return table[model]


def _without_dropped_runs(output: Mapping[str, Any], sel: ResourceSelection) -> Mapping[str, Any]:
    runs = _runs(output)
    if sel.dropped_threads is None or runs is None:
        return output
    kept = [r for r in runs if parse_number(r.get("num_threads")) != sel.dropped_threads]
    return {**output, "runs": kept}


def _compat_values(
    outputs: list[Mapping[str, Any]], ks: Sequence[int], sel: ResourceSelection, n_resources: int | None
) -> dict[str, float | None]:
    values: dict[str, float | None] = {}
    outputs = [_without_dropped_runs(o, sel) for o in outputs]
    with_rows = [o for o in outputs if _runs(o) != []]
    n, c = len(with_rows), sum(_is_correct(o) for o in with_rows)
    # ParEval's table has one row per run, and a single row for an output that never ran.
    build_rows = [parse_flag(o.get("did_build")) for o in with_rows for _ in range(_row_count(o))]
    for k in ks:
        values[f"pass@{k}"] = pass_at_k(n, c, k) if n else None
        values[f"build@{k}"] = build_at_k(len(build_rows), sum(build_rows), k) if build_rows else None
    timed: list[tuple[float, float | None]] = []
    for output in outputs:
        for run in _runs(output) or []:
            runtime = parse_number(run.get("runtime"))
            if parse_flag(run.get("is_valid")) and sel.matches(run) and runtime is not None:
                timed.append((runtime, parse_number(output.get("best_sequential_runtime"))))
    baselines = [b for _, b in timed if b is not None]
    if timed and baselines:
        best = min(baselines)
        speedups = [best / max(t, PAREVAL_RUNTIME_FLOOR) for t, _ in timed]  # all correct, all > 0
        values["speedup@1"] = speedup_at_k(speedups, 1, pareval_compat=True)
        values["efficiency@1"] = (
            None if n_resources is None else efficiency_at_k(speedups, 1, n_resources, pareval_compat=True)
        )
    else:
        values["speedup@1"] = values["efficiency@1"] = None
    return values


def _native_values(
    name: str, outputs: list[Mapping[str, Any]], ks: Sequence[int], sel: ResourceSelection, n_resources: int | None
) -> dict[str, float | None]:
    values: dict[str, float | None] = {}
    n = len(outputs)
    built = sum(parse_flag(o.get("did_build")) for o in outputs)
    correct = [_is_correct(o) for o in outputs]
    baselines = [b for o in outputs if (b := parse_number(o.get("best_sequential_runtime"))) is not None]
    best = min(baselines) if baselines else None
    speedups: list[float] = []
    for output, ok in zip(outputs, correct, strict=True):
        run = next((r for r in _runs(output) or [] if sel.matches(r)), None)
        runtime = None if run is None else parse_number(run.get("runtime"))
        if not ok or best is None or runtime is None:
            speedups.append(0.0)
            continue
        if runtime <= 0:
            raise ValueError(f"ParEval record {name!r}: a correct run has run time {runtime!r} <= 0")
        speedups.append(best / runtime)
    for k in ks:
        values[f"pass@{k}"] = pass_at_k(n, sum(correct), k)
        values[f"build@{k}"] = build_at_k(n, built, k)
        values[f"speedup@{k}"] = speedup_at_k(speedups, k)
        values[f"efficiency@{k}"] = None if n_resources is None else efficiency_at_k(speedups, k, n_resources)
    return values


def pareval_prompt_metrics(
    record: Mapping[str, Any],
    ks: Sequence[int] = (1, 5, 10, 20),
    *,
    pareval_compat: bool = False,
    resources: Mapping[str, ResourceSelection] | None = None,
    problem_sizes: ProblemSizes | None = None,
) -> ParEvalPromptMetrics | None:
    """Metrics of one prompt record; ``None`` if the record carries no evaluated outputs.

    See the module docstring for the two modes; ``problem_sizes`` gives CUDA/HIP efficiency its divisor
    (without the prompt's entry their efficiency is ``None``). Raises ``ValueError`` for k larger than
    the number of samples, an unknown parallelism model without a ``resources`` entry, or unreadable
    fields.
    """
    if not has_results(record):
        return None
    name = str(record.get("name"))
    model = str(record.get("parallelism_model"))
    outputs: list[Mapping[str, Any]] = list(record["outputs"])
    sel = pareval_selection(model, resources)
    n_resources = sel.n_for((problem_sizes or {}).get(name, {}).get(model))
    if pareval_compat:
        values = _compat_values(outputs, ks, sel, n_resources)
    else:
        values = _native_values(name, outputs, ks, sel, n_resources)
    return ParEvalPromptMetrics(
        name=name,
        parallelism_model=model,
        problem_type=str(record.get("problem_type")),
        n_samples=len(outputs),
        n_correct=sum(_is_correct(o) for o in outputs),
        values=values,
        n_resources=n_resources,
    )


def pareval_metrics(
    records: Sequence[Mapping[str, Any]],
    ks: Sequence[int] = (1, 5, 10, 20),
    *,
    pareval_compat: bool = False,
    resources: Mapping[str, ResourceSelection] | None = None,
    problem_sizes: ProblemSizes | None = None,
) -> list[ParEvalCell]:
    """ParEval's table: per (parallelism_model, problem_type), the mean over prompts of each metric.

    Args:
        records: ParEval result records as parsed from the driver's JSON (a list of dicts).
        ks: the k values for pass@k and build@k (and speedup@k / efficiency@k outside compat mode).
        pareval_compat: reproduce ParEval's published conventions (see the module docstring).
        resources: resource selections overriding :data:`PAREVAL_RESOURCES` per parallelism model.
        problem_sizes: problem name -> parallelism model -> size (:func:`parse_problem_sizes` of ParEval's
            ``drivers/problem-sizes.json``): CUDA and HIP efficiency divide by it.

    Returns:
        One cell per (parallelism_model, problem_type), sorted. A metric's mean skips prompts where it
        is undefined (compat speedup@1 without a correct run); if no prompt defines it the cell
        reports 0.0, as ParEval does. Efficiency is left out of a cell none of whose prompts has a
        known ``n_resources`` (CUDA/HIP without ``problem_sizes``).
    """
    prompts = [
        p
        for p in (
            pareval_prompt_metrics(
                r, ks, pareval_compat=pareval_compat, resources=resources, problem_sizes=problem_sizes
            )
            for r in records
        )
        if p is not None
    ]
    cells: dict[tuple[str, str], list[ParEvalPromptMetrics]] = {}
    for prompt in prompts:
        cells.setdefault((prompt.parallelism_model, prompt.problem_type), []).append(prompt)
    out: list[ParEvalCell] = []
    for (model, problem_type), members in sorted(cells.items()):
        scored = [member.scored() for member in members]
        names = list(dict.fromkeys(key for values in scored for key in values))
        means: dict[str, float] = {}
        for key in names:
            defined = [v for values in scored if (v := values.get(key)) is not None]
            means[key] = fmean(defined) if defined else 0.0
        out.append(ParEvalCell(model, problem_type, len(members), means))
    return out
