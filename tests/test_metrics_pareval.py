"""ParEval's published metrics reproduced from ParEval's own results (CodeLlama-34B, serial and OpenMP), and
ParEval's conventions for its other five execution models checked on small hand-written results files."""

from __future__ import annotations

import copy
import csv
import itertools
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from hpceval.metrics import (
    PAREVAL_RESOURCES,
    ParEvalCell,
    ResourceSelection,
    expected_min_at_k,
    pareval_metrics,
    pareval_prompt_metrics,
)
from hpceval.metrics.pareval import has_results, parse_problem_size, parse_problem_sizes

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PAREVAL = DATA / "pareval"
MODELS = ("serial", "omp")
PROBLEM_TYPES = (
    "dense_la", "fft", "geometry", "graph", "histogram", "reduce",
    "scan", "search", "sort", "sparse_la", "stencil", "transform",
)  # fmt: skip
KS = (1, 5, 10, 20)

needs_shared = pytest.mark.skipif(
    not PAREVAL.is_dir(), reason=f"ParEval test data not found at {PAREVAL} (clone beside a 'shared' folder)"
)


@cache
def records(model: str) -> list[dict[str, Any]]:
    return json.loads((PAREVAL / f"{model}.json").read_text(encoding="utf-8"))


@cache
def expected() -> dict[tuple[str, str], dict[str, float]]:
    with (PAREVAL / "expected-metrics-serial-omp.csv").open(newline="", encoding="utf-8") as handle:
        return {
            (row["execution model"], row["problem type"]): {
                key: float(value) for key, value in row.items() if "@" in key
            }
            for row in csv.DictReader(handle)
        }


@cache
def cells(model: str, compat: bool) -> dict[str, ParEvalCell]:
    return {c.problem_type: c for c in pareval_metrics(records(model), KS, pareval_compat=compat)}


def evaluated(model: str) -> list[dict[str, Any]]:
    return [r for r in records(model) if r["parallelism_model"] == model]


@needs_shared
@pytest.mark.parametrize("model", MODELS)
def test_every_cell_is_reported(model: str) -> None:
    assert sorted(cells(model, True)) == sorted(PROBLEM_TYPES)
    assert all(c.n_prompts == 5 for c in cells(model, True).values())
    assert len(evaluated(model)) == 60 and len(records(model)) == 420


@needs_shared
@pytest.mark.parametrize("compat", [True, False])
@pytest.mark.parametrize("problem_type", PROBLEM_TYPES)
@pytest.mark.parametrize("model", MODELS)
def test_pass_at_k_reproduces_published_cell(model: str, problem_type: str, compat: bool) -> None:
    cell = cells(model, compat)[problem_type]
    for k in KS:
        assert cell.get(f"pass@{k}") == pytest.approx(
            expected()[(model, problem_type)][f"pass@{k}"], abs=1e-9
        )


@needs_shared
@pytest.mark.parametrize("problem_type", PROBLEM_TYPES)
@pytest.mark.parametrize("model", MODELS)
def test_compat_build_speedup_efficiency_reproduce_published_cell(model: str, problem_type: str) -> None:
    cell = cells(model, True)[problem_type]
    published = expected()[(model, problem_type)]
    for metric in [f"build@{k}" for k in KS] + ["speedup@1", "efficiency@1"]:
        assert cell.get(metric) == pytest.approx(published[metric], abs=1e-9), metric
    assert "speedup@5" not in cell.values  # ParEval's k > 1 speedups are not reproduced


@needs_shared
def test_compat_efficiency_uses_32_openmp_threads() -> None:
    for cell in cells("omp", True).values():
        assert cell.get("efficiency@1") == pytest.approx(cell.get("speedup@1") / 32, abs=1e-15)


@needs_shared
def test_build_at_k_per_run_row_differs_from_per_output() -> None:
    # omp dense_la: per output build@1 = 0.95, ParEval's per-row count gives 0.9689...
    compat, native = cells("omp", True)["dense_la"], cells("omp", False)["dense_la"]
    assert native.get("build@1") == pytest.approx(0.95)
    assert compat.get("build@1") == pytest.approx(expected()[("omp", "dense_la")]["build@1"], abs=1e-9)
    assert abs(compat.get("build@1") - native.get("build@1")) > 0.01


@needs_shared
def test_native_speedup_is_expected_max_with_failures_as_zero() -> None:
    record = next(r for r in evaluated("omp") if r["name"].startswith("12_geometry"))
    prompt = pareval_prompt_metrics(record, (1, 3), pareval_compat=False)
    assert prompt is not None and prompt.n_samples == 20
    best = min(o["best_sequential_runtime"] for o in record["outputs"] if o["best_sequential_runtime"])
    speedups = []
    for output in record["outputs"]:
        run = next((r for r in output["runs"] or [] if r.get("num_threads") == 32), None)
        ok = output["are_all_valid"] is True
        speedups.append(best / run["runtime"] if ok and run is not None else 0.0)
    assert prompt.values["speedup@1"] == pytest.approx(sum(speedups) / 20, rel=1e-12)
    triples = list(itertools.combinations(speedups, 3))
    brute = math.fsum(max(t) for t in triples) / len(triples)
    assert prompt.values["speedup@3"] == pytest.approx(brute, rel=1e-12)
    assert prompt.values["efficiency@3"] == pytest.approx(brute / 32, rel=1e-12)


@needs_shared
def test_documented_explanation_of_published_k_gt_1_speedups() -> None:
    """docs/metrics.md explains ParEval's speedup@k (k > 1) as an expected *minimum* plus an artefact of
    its ``nCr(n, r) = 1 for n < r``; check that explanation against the published column."""

    def explained(speedups: list[float], k: int) -> float:
        n = len(speedups)
        if n < k:
            return sum(speedups)
        fastest = sorted(speedups, reverse=True)[: k - 1]
        return expected_min_at_k(speedups, k) + sum(fastest) / math.comb(n, k)

    for model, threads in (("serial", None), ("omp", 32)):
        per_type: dict[str, list[list[float]]] = {}
        for record in evaluated(model):
            rows = [
                (run["runtime"], output["best_sequential_runtime"])
                for output in record["outputs"]
                for run in output["runs"] or []
                if run["is_valid"] is True and (threads is None or run.get("num_threads") == threads)
            ]
            if rows:
                best = min(b for _, b in rows)
                per_type.setdefault(record["problem_type"], []).append([best / t for t, _ in rows])
        for problem_type, prompts in per_type.items():
            for k in (5, 10, 20):
                value = sum(explained(s, k) for s in prompts) / len(prompts)
                published = expected()[(model, problem_type)][f"speedup@{k}"]
                assert value == pytest.approx(published, rel=1e-9), (model, problem_type, k)


@needs_shared
def test_string_booleans_are_read_like_booleans() -> None:
    record = copy.deepcopy(evaluated("serial")[0])
    as_strings = copy.deepcopy(record)
    for output in as_strings["outputs"]:
        output["did_build"] = str(output["did_build"])
        for run in output["runs"] or []:
            run["is_valid"] = str(run["is_valid"])
    for compat in (True, False):
        a = pareval_prompt_metrics(record, KS, pareval_compat=compat)
        b = pareval_prompt_metrics(as_strings, KS, pareval_compat=compat)
        assert a is not None and b is not None and a.values == b.values


@needs_shared
def test_records_without_results_are_skipped_and_unknown_models_need_resources() -> None:
    other = next(r for r in records("serial") if r["parallelism_model"] != "serial")
    assert pareval_prompt_metrics(other) is None
    sycl = copy.deepcopy(evaluated("serial")[0])
    sycl["parallelism_model"] = "sycl"
    with pytest.raises(ValueError, match="no resource selection for parallelism_model 'sycl'"):
        pareval_prompt_metrics(sycl)
    custom = pareval_prompt_metrics(sycl, resources={"sycl": ResourceSelection(n_resources=1024)})
    assert custom is not None and custom.values["efficiency@1"] == pytest.approx(
        custom.values["speedup@1"] / 1024  # type: ignore[operator]
    )


# --- The other five execution models, on small results files written by hand (tests/data/pareval/) ---------
#
# Each prompt's expected values are worked out below from the file itself: which outputs count (n), which are
# correct (c), which built, and every speedup as T* / runtime, so a reader can check them against the JSON.

HAND = Path(__file__).resolve().parent / "data" / "pareval"
HAND_MODELS = ("mpi", "mpi+omp", "kokkos", "cuda", "hip")
HAND_KS = (1, 2)


def unbiased(n: int, c: int, k: int) -> float:
    """pass@k's definition: 1 - C(n - c, k) / C(n, k)."""
    return 1 - math.comb(n - c, k) / math.comb(n, k)


def mean_best_of(speedups: list[float], k: int) -> float:
    """The expected maximum over every k-subset, by enumeration."""
    subsets = list(itertools.combinations(speedups, k))
    return sum(max(s) for s in subsets) / len(subsets)


@dataclass(frozen=True)
class HandPrompt:
    model: str
    name: str
    problem_type: str
    n_resources: int | None  # ParEval's efficiency divisor for this prompt; None: no problem size
    compat_pass: tuple[int, int]  # (n outputs with rows, c correct)
    compat_build: tuple[int, int]  # (n run rows, rows of built outputs)
    compat_speedups: list[float]  # T* / runtime of each correct run at the selected resources
    native_pass: tuple[int, int]  # (n samples, c correct)
    native_build: tuple[int, int]  # (n samples, built)
    native_speedups: list[float]  # one per sample, failures 0

    def expected(self, compat: bool) -> dict[str, float | None]:
        (n, c), (bn, bc) = (self.compat_pass, self.compat_build) if compat else (self.native_pass, self.native_build)
        out: dict[str, float | None] = {}
        for k in HAND_KS:
            out[f"pass@{k}"] = unbiased(n, c, k)
            out[f"build@{k}"] = unbiased(bn, bc, k)
        if compat:
            speedup = sum(self.compat_speedups) / len(self.compat_speedups)
            out["speedup@1"] = speedup
            out["efficiency@1"] = None if self.n_resources is None else speedup / self.n_resources
            return out
        for k in HAND_KS:
            out[f"speedup@{k}"] = mean_best_of(self.native_speedups, k)
            out[f"efficiency@{k}"] = (
                None if self.n_resources is None else mean_best_of(self.native_speedups, k) / self.n_resources
            )
        return out


HAND_PROMPTS = [
    # MPI at 512 ranks. Output 1 fails at 512 (so not correct), 2 did not build (runs null: one row), 3 is read
    # from strings. Compat T* = min(0.5, 0.6) over the correct 512-rank runs; native T* = min of all = 0.4.
    HandPrompt("mpi", "25_reduce_xor", "reduce", 512,
               compat_pass=(4, 2), compat_build=(3 + 3 + 1 + 3, 3 + 3 + 3), compat_speedups=[0.5 / 0.01, 0.5 / 0.04],
               native_pass=(4, 2), native_build=(4, 3), native_speedups=[0.4 / 0.01, 0, 0, 0.4 / 0.04]),
    # Output 2 has `runs: []` (no row: compat leaves it out), 3 did not build.
    HandPrompt("mpi", "42_sort_sorted_ranks", "sort", 512,
               compat_pass=(3, 1), compat_build=(2 + 2 + 1, 2 + 2), compat_speedups=[1.0 / 0.5],
               native_pass=(4, 1), native_build=(4, 3), native_speedups=[1.0 / 0.5, 0, 0, 0]),
    # MPI+OpenMP at 4 ranks x 64 threads (the 2 x 64 and 4 x 32 runs do not count), n = 256.
    HandPrompt("mpi+omp", "53_stencil_2d_jacobi_5-point_stencil", "stencil", 4 * 64,
               compat_pass=(3, 2), compat_build=(12, 12), compat_speedups=[0.8 / 0.05, 0.8 / 0.02],
               native_pass=(3, 2), native_build=(3, 3), native_speedups=[0.8 / 0.05, 0.8 / 0.02, 0]),
    # Kokkos at 32 threads. Compat drops the 64-thread runs first, so output 1 (wrong only at 64 threads) is
    # correct there and the rows are 2 + 2 + 1 + 2; natively it is wrong. Compat T* = min(1.0, 0.9).
    HandPrompt("kokkos", "20_histogram_pixel_histogram", "histogram", 32,
               compat_pass=(4, 2), compat_build=(2 + 2 + 1 + 2, 2 + 2 + 2), compat_speedups=[0.9 / 0.1, 0.9 / 0.05],
               native_pass=(4, 1), native_build=(4, 3), native_speedups=[0.9 / 0.1, 0, 0, 0]),
    # CUDA: one run per output, n = the problem size "(1<<22)". Compat T* = min(0.5, 0.6); native 0.4.
    HandPrompt("cuda", "55_transform_relu", "transform", 2**22,
               compat_pass=(4, 2), compat_build=(4, 3), compat_speedups=[0.5 / 0.001, 0.5 / 0.002],
               native_pass=(4, 2), native_build=(4, 3), native_speedups=[0.4 / 0.001, 0, 0.4 / 0.002, 0]),
    # A 1e-9 s run: ParEval clamps it to 1e-8 s (compat); hpceval's own reading does not.
    HandPrompt("cuda", "30_scan_prefix_sum", "scan", 2**23,
               compat_pass=(3, 2), compat_build=(3, 3), compat_speedups=[0.001 / 1e-8, 0.001 / 0.0001],
               native_pass=(3, 2), native_build=(3, 3), native_speedups=[0.001 / 1e-9, 0, 0.001 / 0.0001]),
    HandPrompt("hip", "03_dense_la_axpy", "dense_la", 2**24,
               compat_pass=(3, 2), compat_build=(3, 3), compat_speedups=[0.8 / 0.01, 0.8 / 0.02],
               native_pass=(3, 2), native_build=(3, 3), native_speedups=[0.8 / 0.01, 0.8 / 0.02, 0]),
    # Not in problem-sizes.json: speedup yes, efficiency undefined.
    HandPrompt("hip", "59_transform_map_function", "transform", None,
               compat_pass=(2, 1), compat_build=(2, 1), compat_speedups=[1.0 / 0.5],
               native_pass=(2, 1), native_build=(2, 1), native_speedups=[1.0 / 0.5, 0]),
]  # fmt: skip


def hand_records(model: str) -> list[dict[str, Any]]:
    return json.loads((HAND / f"{model}.json").read_text(encoding="utf-8"))


def hand_sizes() -> dict[str, dict[str, int]]:
    return parse_problem_sizes(json.loads((HAND / "problem-sizes.json").read_text(encoding="utf-8")))


def assert_values(got: dict[str, float | None], want: dict[str, float | None], where: object) -> None:
    assert set(got) == set(want), where
    for key, value in want.items():
        if value is None:
            assert got[key] is None, (where, key)
        else:
            assert got[key] == pytest.approx(value, rel=1e-12), (where, key)


@pytest.mark.parametrize("compat", [True, False], ids=["compat", "native"])
@pytest.mark.parametrize("hand", HAND_PROMPTS, ids=lambda h: f"{h.model}-{h.name}")
def test_hand_written_prompt_matches_first_principles(hand: HandPrompt, compat: bool) -> None:
    record = next(r for r in hand_records(hand.model) if r["name"] == hand.name and has_results(r))
    prompt = pareval_prompt_metrics(record, HAND_KS, pareval_compat=compat, problem_sizes=hand_sizes())
    assert prompt is not None and prompt.n_resources == hand.n_resources
    assert_values(prompt.values, hand.expected(compat), (hand.name, compat))


@pytest.mark.parametrize("compat", [True, False], ids=["compat", "native"])
@pytest.mark.parametrize("model", HAND_MODELS)
def test_hand_written_cells_and_skipped_records(model: str, compat: bool) -> None:
    cells = {c.problem_type: c for c in pareval_metrics(hand_records(model), HAND_KS, pareval_compat=compat,
                                                        problem_sizes=hand_sizes())}
    hands = [h for h in HAND_PROMPTS if h.model == model]
    assert sorted(cells) == sorted(h.problem_type for h in hands)  # records of other models are skipped
    for hand in hands:  # one prompt per cell: the cell is that prompt
        cell = cells[hand.problem_type]
        assert cell.parallelism_model == model and cell.n_prompts == 1
        want = {key: v for key, v in hand.expected(compat).items() if v is not None}
        assert cell.values == pytest.approx(want, rel=1e-12)  # no efficiency where n_resources is unknown


def test_gpu_without_problem_sizes_has_speedup_and_no_efficiency() -> None:
    for compat in (True, False):
        for record in filter(has_results, hand_records("cuda")):
            prompt = pareval_prompt_metrics(record, HAND_KS, pareval_compat=compat)
            hand = next(h for h in HAND_PROMPTS if h.name == record["name"] and h.model == "cuda")
            assert prompt is not None and prompt.n_resources is None
            want = hand.expected(compat)
            assert prompt.values["speedup@1"] == pytest.approx(want["speedup@1"], rel=1e-12)
            assert prompt.values["efficiency@1"] is None
            assert not any(key.startswith("efficiency") for key in prompt.scored())
        for cell in pareval_metrics(hand_records("cuda"), HAND_KS, pareval_compat=compat):
            assert "speedup@1" in cell.values and "efficiency@1" not in cell.values


def test_every_pareval_model_has_a_selection() -> None:
    assert set(PAREVAL_RESOURCES) == {"serial", "omp", "mpi", "mpi+omp", "kokkos", "cuda", "hip"}
    divisors = {model: sel.n_for(1 << 20) for model, sel in PAREVAL_RESOURCES.items()}
    assert divisors == {"serial": 1, "omp": 32, "mpi": 512, "mpi+omp": 256, "kokkos": 32, "cuda": 1 << 20,
                        "hip": 1 << 20}
    assert PAREVAL_RESOURCES["cuda"].n_for(None) is None and PAREVAL_RESOURCES["mpi"].n_for(None) == 512


def test_problem_sizes_read_parevals_format_and_refuse_others() -> None:
    assert parse_problem_size("(1<<10)") == 1024 and parse_problem_size(" ( 1 << 3 ) ") == 8
    assert hand_sizes()["55_transform_relu"] == {"mpi+omp": 2**22, "cuda": 2**22, "hip": 2**22}
    for bad in ("1<<10", "(2<<3)", "(1<<x)", "1024", 1024, None):
        with pytest.raises(ValueError, match=r'write it as "\(1<<n\)"'):
            parse_problem_size(bad)
    with pytest.raises(ValueError, match="'55_transform_relu' / 'cuda': cannot read '1<<22'"):
        parse_problem_sizes({"55_transform_relu": {"cuda": "1<<22"}})
    with pytest.raises(ValueError, match="expected"):
        parse_problem_sizes(["(1<<10)"])
