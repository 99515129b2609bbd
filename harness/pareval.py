"""ParEval interop: `hpceval import pareval FILE.json --out DIR [--problem-sizes SIZES.json]` turns ParEval's
results JSON into a run dir, and scoring of such a run goes through `metrics.pareval` (both hpceval's
conventions and, with `--pareval-compat`, ParEval's published ones). All seven of ParEval's execution models
import: serial, omp, mpi, mpi+omp, kokkos, cuda, hip; CUDA/HIP efficiency divides by the problem size, which
comes from ParEval's drivers/problem-sizes.json and is stored in every attempt, so scoring needs nothing else."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from statistics import fmean
from typing import Any

from hpceval import __version__
from hpceval.harness.errors import UserError
from hpceval.harness.records import Attempt, PackInfo, RunConfig, RunManifest
from hpceval.harness.store import RunStore
from hpceval.metrics import PAREVAL_RESOURCES, pareval_prompt_metrics
from hpceval.metrics.pareval import (
    PROBLEM_SIZE,
    ProblemSizes,
    has_results,
    parse_flag,
    parse_number,
    parse_problem_sizes,
)
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds.kernel import KernelMeasurement, ResourceRun

ORIGIN = "pareval"
PAREVAL_KS = [1, 5, 10, 20]  # ParEval's k values; an import keeps those its sample count allows
# ParEval's metric names -> hpceval's
RENAME = {"speedup": "speedup_n", "efficiency": "efficiency_n"}
# the models whose efficiency divides by the problem size (CUDA and HIP)
SIZED_MODELS = sorted(m for m, sel in PAREVAL_RESOURCES.items() if sel.n_resources == PROBLEM_SIZE)


class ParEvalMeasurement(KernelMeasurement):
    """An imported output: the kernel measurement at the model's selected resources (threads, ranks; cores =
    ParEval's n_resources), its runs, and the prompt's problem size where --problem-sizes gave one."""

    problem_size: int | None = None


def _int(value: object) -> int | None:
    number = parse_number(value)
    return None if number is None else int(number)


def _verdict(output: Mapping[str, Any], runs: list[ResourceRun] | None) -> Verdict:
    if not parse_flag(output.get("did_build")):
        return Verdict.build_error
    if runs and all(run.is_valid for run in runs):
        return Verdict.ok
    if runs is None or not all(run.did_run for run in runs):
        return Verdict.runtime_error
    return Verdict.wrong_answer


def _attempt(record: Mapping[str, Any], sample: int, output: Mapping[str, Any], store: RunStore, agent: str,
             stamp: str, problem_size: int | None) -> Attempt:
    model = str(record["parallelism_model"])
    raw_runs = output.get("runs")
    runs = None if raw_runs is None else [
        ResourceRun(threads=_int(r.get("num_threads")), ranks=_int(r.get("num_procs")),
                    did_run=parse_flag(r.get("did_run")), is_valid=parse_flag(r.get("is_valid")),
                    runtime_s=parse_number(r.get("runtime")))
        for r in raw_runs
    ]
    selection = PAREVAL_RESOURCES[model]
    timed = next(
        (r for r in runs or [] if selection.matches({"num_threads": r.threads, "num_procs": r.ranks})), None
    )
    verdict = _verdict(output, runs)
    baseline = parse_number(output.get("best_sequential_runtime"))
    speedup = None
    if verdict == Verdict.ok and timed and timed.runtime_s and baseline:
        speedup = baseline / timed.runtime_s
    # the resources the model is scored at, whether or not this sample ran; a GPU's cores are ParEval's
    # n_resources, the problem size, and stay 1 (efficiency unknown) without one
    n_resources = selection.n_for(problem_size)
    code = str(output.get("generated_output") or "")
    return Attempt(
        task_id=f"{ORIGIN}/{record['name']}/{model}",
        sample=sample,
        suite=ORIGIN,
        pack=ORIGIN,
        problem=str(record["name"]),
        problem_type=str(record.get("problem_type")),
        execution_model=model,
        agent=agent,
        verdict=verdict,
        built=parse_flag(output.get("did_build")),
        answer_sha=store.put_artifact(code, ".cpp") if code else None,
        measurement=ParEvalMeasurement(
            threads=selection.num_threads or 1, ranks=selection.num_procs or 1, cores=n_resources or 1,
            baseline_median_s=baseline, candidate_median_s=timed.runtime_s if timed else None, speedup=speedup,
            efficiency=speedup / n_resources if speedup is not None and n_resources else None, runs=runs,
            problem_size=problem_size),
        origin=ORIGIN,
        started_at=stamp,
        finished_at=stamp,
    )


def read_problem_sizes(path: Path) -> dict[str, dict[str, int]]:
    """ParEval's drivers/problem-sizes.json: problem name -> {parallelism model: "(1<<n)"}."""
    try:
        return parse_problem_sizes(json.loads(path.read_bytes()))
    except FileNotFoundError:
        raise UserError(f"--problem-sizes {path} not found; pass ParEval's drivers/problem-sizes.json") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"--problem-sizes {path}: not valid JSON ({exc}); pass ParEval's drivers/problem-sizes.json"
                        ) from None
    except ValueError as exc:
        raise UserError(f"--problem-sizes {path}: {exc}, as ParEval's drivers/problem-sizes.json does") from None


def _size_notes(records: list[dict[str, Any]], sizes: ProblemSizes | None) -> list[str]:
    sized = [r for r in records if r.get("parallelism_model") in SIZED_MODELS]
    if not sized:
        return []
    models = "/".join(sorted({str(r["parallelism_model"]) for r in sized}))
    if sizes is None:
        return [f"efficiency for {models} needs --problem-sizes (ParEval's drivers/problem-sizes.json); "
                f"imported without it: speedup scored, efficiency left undefined"]
    missing = [str(r["name"]) for r in sized if str(r["parallelism_model"]) not in sizes.get(str(r["name"]), {})]
    if not missing:
        return []
    return [f"--problem-sizes has no {models} size for {len(missing)} prompt(s) (e.g. {missing[0]!r}); "
            f"their efficiency is left undefined"]


def import_pareval(path: Path, out: Path, now: str, problem_sizes: Path | None = None) -> tuple[RunStore, list[str]]:
    """Write ParEval's results `path` as the run dir `out`; returns the store and notes for the user."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise UserError(f"{path} not found; pass ParEval's results JSON (a list of prompt records)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: not valid JSON ({exc}); pass ParEval's results JSON") from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise UserError(f"{path}: expected a JSON list of prompt records, as ParEval's driver writes")
    records = [r for r in data if has_results(r)]
    if not records:
        raise UserError(f"{path}: no record carries evaluated outputs; pass a results file, not a prompts file")
    unknown = sorted({str(r.get("parallelism_model")) for r in records} - set(PAREVAL_RESOURCES))
    if unknown:
        raise UserError(f"{path}: parallelism_model {', '.join(map(repr, unknown))} is not one of ParEval's "
                        f"({', '.join(PAREVAL_RESOURCES)}); pass a ParEval results file")
    sizes = None if problem_sizes is None else read_problem_sizes(problem_sizes)
    store = RunStore(out)
    if store.exists() or store.attempts_path.exists():
        raise UserError(f"{out} already holds a run; choose a new --out")
    models = sorted({str(r.get("parallelism_model")) for r in records})
    agent = f"pareval-import:{path.name}"
    store.write_manifest(RunManifest(
        run_id=uuid.uuid4().hex[:12],
        created_at=now,
        hpceval_version=__version__,
        git_revision=None,
        config=RunConfig(suite=ORIGIN, agent=agent, samples=max(len(r["outputs"]) for r in records),
                         k=[k for k in PAREVAL_KS if k <= min(len(r["outputs"]) for r in records)], sandbox="none"),
        packs=[PackInfo(name=ORIGIN, version="import", suite=ORIGIN,
                        content_hash=hashlib.sha256(path.read_bytes()).hexdigest())],
        fingerprint={"source": "imported from ParEval results; measured by ParEval's driver", "file": path.name,
                     "parallelism_models": models, "problem_sizes": problem_sizes.name if problem_sizes else None},
    ))
    for record in records:
        size = (sizes or {}).get(str(record["name"]), {}).get(str(record["parallelism_model"]))
        for sample, output in enumerate(record["outputs"]):
            try:
                attempt = _attempt(record, sample, output, store, agent, now, size)
            except ValueError as exc:
                raise UserError(f"{path}: prompt {record.get('name')!r} output {sample}: {exc}") from None
            store.append_attempt(attempt)
    return store, _size_notes(records, sizes)


def _measured(attempt: Attempt) -> ParEvalMeasurement:
    return ParEvalMeasurement.model_validate(attempt.measurement.model_dump() if attempt.measurement else {})


def _as_output(attempt: Attempt) -> dict[str, Any]:
    """The ParEval output an imported attempt came from (the fields the metrics read)."""
    measured = _measured(attempt)
    runs = None if measured.runs is None else [
        {"did_run": r.did_run, "is_valid": r.is_valid, "runtime": r.runtime_s, "num_threads": r.threads,
         "num_procs": r.ranks}
        for r in measured.runs
    ]
    return {"did_build": attempt.built, "runs": runs, "best_sequential_runtime": measured.baseline_median_s}


def pareval_task_values(
    attempts: Sequence[Attempt], ks: list[int], pareval_compat: bool
) -> dict[str, tuple[dict[str, str], dict[str, float | None]]]:
    """Per task: its group labels and its metric values (hpceval names; None where undefined; no efficiency
    where its n_resources is unknown: CUDA/HIP imported without --problem-sizes)."""
    by_task: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_task.setdefault(attempt.task_id, []).append(attempt)
    out: dict[str, tuple[dict[str, str], dict[str, float | None]]] = {}
    for task_id, members in by_task.items():
        first = members[0]
        record = {"name": first.problem, "parallelism_model": first.execution_model,
                  "problem_type": first.problem_type, "outputs": [_as_output(a) for a in members]}
        size = next((s for a in members if (s := _measured(a).problem_size) is not None), None)
        problem_sizes = None if size is None else {first.problem: {first.execution_model: size}}
        try:
            metrics = pareval_prompt_metrics(record, ks, pareval_compat=pareval_compat, problem_sizes=problem_sizes)
        except ValueError as exc:
            raise UserError(f"{task_id}: {exc}") from None
        if metrics is None:
            continue
        values = {_rename(key): value for key, value in metrics.scored().items()}
        labels = {"execution_model": first.execution_model, "problem_type": first.problem_type, "pack": first.pack,
                  "problem": first.problem}
        out[task_id] = (labels, values)
    return out


def _rename(key: str) -> str:
    name, _, k = key.partition("@")
    return f"{RENAME.get(name, name)}@{k}"


def mean_defined(values: list[dict[str, float | None]]) -> dict[str, float]:
    """ParEval's group mean: over the members where a metric is defined; 0.0 where none is."""
    keys = list(dict.fromkeys(key for member in values for key in member))
    out: dict[str, float] = {}
    for key in keys:
        defined = [v for member in values if (v := member.get(key)) is not None]
        out[key] = fmean(defined) if defined else 0.0
    return out
