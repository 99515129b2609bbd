"""`hpceval import pareval` + `hpceval score --pareval-compat` reproduce ParEval's published table for the
CodeLlama-34B results in ../shared/data/pareval, cell by cell, through the real CLI; and the other five execution
models (mpi, mpi+omp, kokkos, cuda, hip) import and score to the values worked out by hand in
tests/test_metrics_pareval.py, with and without --problem-sizes."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import hpceval, read_jsonl
from tests.test_metrics_pareval import HAND, HAND_MODELS, HAND_PROMPTS

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pareval"
KS = (1, 5, 10, 20)
needs_shared = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} (../shared/data) is not beside the repo")


def expected_cells(model: str) -> dict[str, dict[str, str]]:
    with open(DATA / "expected-metrics-serial-omp.csv", newline="") as handle:
        return {row["problem type"]: row for row in csv.DictReader(handle) if row["execution model"] == model}


@pytest.fixture(scope="module", params=["serial", "omp"])
def imported(request, tmp_path_factory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("pareval") / request.param
    result = hpceval("import", "pareval", str(DATA / f"{request.param}.json"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return request.param, out


def score_json(out: Path, *flags: str, ks: str = "1,5,10,20") -> dict:
    result = hpceval("score", str(out), "--json", "--k", ks, *flags)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@needs_shared
def test_import_writes_a_run_dir_with_one_attempt_per_output(imported):
    model, out = imported
    attempts = read_jsonl(out / "attempts.jsonl")
    assert len(attempts) == 60 * 20
    assert {a["execution_model"] for a in attempts} == {model}
    assert all((out / "artifacts" / f"{a['answer_sha']}.cpp").is_file() for a in attempts if a["answer_sha"])
    assert json.loads((out / "run.json").read_text())["config"]["suite"] == "pareval"


@needs_shared
def test_compat_scores_equal_pareval_in_every_cell(imported):
    model, out = imported
    summary = score_json(out, "--pareval-compat")
    cells = expected_cells(model)
    assert len(cells) == 12
    for problem_type, row in cells.items():
        got = summary["groups"][f"execution_model={model}/problem_type={problem_type}"]
        for k in KS:
            assert got[f"pass@{k}"] == pytest.approx(float(row[f"pass@{k}"]), abs=1e-9), (problem_type, k)
            assert got[f"build@{k}"] == pytest.approx(float(row[f"build@{k}"]), abs=1e-9), (problem_type, k)
        assert got["speedup_n@1"] == pytest.approx(float(row["speedup@1"]), abs=1e-9), problem_type
        assert got["efficiency_n@1"] == pytest.approx(float(row["efficiency@1"]), abs=1e-9), problem_type
        assert "speedup_n@5" not in got  # ParEval's own k > 1 speedup is an expected minimum: not reproduced


@needs_shared
def test_native_scores_keep_pass_at_k_and_use_expected_maximum(imported):
    model, out = imported
    summary = score_json(out)
    for problem_type, row in expected_cells(model).items():
        got = summary["groups"][f"execution_model={model}/problem_type={problem_type}"]
        for k in KS:
            assert got[f"pass@{k}"] == pytest.approx(float(row[f"pass@{k}"]), abs=1e-9)
        speedups = [got[f"speedup_n@{k}"] for k in KS]
        assert speedups == sorted(speedups)  # expected best of k can only grow with k


def test_import_refuses_bad_input(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = hpceval("import", "pareval", str(bad), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "not valid JSON" in result.stderr
    result = hpceval("score", str(tmp_path / "o"), "--pareval-compat")
    assert result.returncode == 2


# --- mpi, mpi+omp, kokkos, cuda, hip: hand-written files (tests/data/pareval/) ----------------------------------

SIZES = HAND / "problem-sizes.json"
# what each model's attempts record: (threads, ranks, cores) at the resources ParEval scores it at
RESOURCES = {"mpi": (1, 512, 512), "mpi+omp": (64, 4, 256), "kokkos": (32, 1, 32)}


def attempts_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "attempts.jsonl").read_text().splitlines()]


def hpceval_name(metric: str) -> str:
    return metric.replace("speedup@", "speedup_n@").replace("efficiency@", "efficiency_n@")


@pytest.fixture(scope="module")
def hand_runs(tmp_path_factory) -> dict[str, Path]:
    runs = {}
    for model in HAND_MODELS:
        out = tmp_path_factory.mktemp("hand") / model
        result = hpceval("import", "pareval", str(HAND / f"{model}.json"), "--out", str(out), "--problem-sizes",
                         str(SIZES))
        assert result.returncode == 0, result.stderr
        notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
        assert notes == ([] if model != "hip" else [  # one hip prompt is not in problem-sizes.json
            "note: --problem-sizes has no hip size for 1 prompt(s) (e.g. '59_transform_map_function'); "
            "their efficiency is left undefined"]), model
        runs[model] = out
    return runs


@pytest.mark.parametrize("compat", [True, False], ids=["compat", "native"])
@pytest.mark.parametrize("model", HAND_MODELS)
def test_every_model_imports_and_scores_by_hand_values(hand_runs, model: str, compat: bool) -> None:
    summary = score_json(hand_runs[model], *(["--pareval-compat"] if compat else []), ks="1,2")
    hands = [h for h in HAND_PROMPTS if h.model == model]
    assert summary["n_tasks"] == len(hands)
    for hand in hands:
        want = {hpceval_name(key): v for key, v in hand.expected(compat).items() if v is not None}
        cell = summary["groups"][f"execution_model={model}/problem_type={hand.problem_type}"]
        assert cell == pytest.approx(want, rel=1e-12), hand.name
        assert summary["tasks"][f"pareval/{hand.name}/{model}"] == pytest.approx(want, rel=1e-12)
    per_model = summary["groups"][f"execution_model={model}"]
    for key in ("pass@1", "speedup_n@1"):
        values = [h.expected(compat)[key.replace("_n", "")] for h in hands]
        assert per_model[key] == pytest.approx(sum(values) / len(values), rel=1e-12)  # type: ignore[arg-type]


def test_hip_efficiency_averages_only_prompts_with_a_problem_size(hand_runs) -> None:
    summary = score_json(hand_runs["hip"], "--pareval-compat", ks="1")
    axpy = next(h for h in HAND_PROMPTS if h.name == "03_dense_la_axpy")
    assert summary["groups"]["execution_model=hip"]["efficiency_n@1"] == pytest.approx(
        (0.8 / 0.01 + 0.8 / 0.02) / 2 / 2**24, rel=1e-12)
    assert summary["groups"]["execution_model=hip"]["efficiency_n@1"] == pytest.approx(
        axpy.expected(True)["efficiency@1"], rel=1e-12)
    assert "efficiency_n@1" not in summary["groups"]["execution_model=hip/problem_type=transform"]


def test_attempts_carry_each_models_resources(hand_runs) -> None:
    for model in HAND_MODELS:
        attempts = attempts_of(hand_runs[model])
        assert attempts and {a["execution_model"] for a in attempts} == {model}
        for attempt in attempts:
            m = attempt["measurement"]
            size = {h.name: h.n_resources for h in HAND_PROMPTS if h.model == model}[attempt["problem"]]
            want = RESOURCES.get(model, (1, 1, size or 1))  # a GPU: its cores are the problem size, 1 if unknown
            assert (m["threads"], m["ranks"], m["cores"]) == want, (model, attempt["problem"])
            if model in ("cuda", "hip"):
                assert m["problem_size"] == size
            if attempt["verdict"] == "ok":
                assert m["efficiency"] == (None if size is None else pytest.approx(m["speedup"] / want[2]))
    run = json.loads((hand_runs["cuda"] / "run.json").read_text())
    assert run["fingerprint"]["problem_sizes"] == "problem-sizes.json"
    assert run["config"]["k"] == [1]  # ParEval's k values that 3 samples per prompt allow


def test_cuda_without_problem_sizes_scores_speedup_and_no_efficiency(tmp_path) -> None:
    out = tmp_path / "cuda"
    result = hpceval("import", "pareval", str(HAND / "cuda.json"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "--problem-sizes" in line]
    assert notes == ["note: efficiency for cuda needs --problem-sizes (ParEval's drivers/problem-sizes.json); "
                     "imported without it: speedup scored, efficiency left undefined"]
    for m in (a["measurement"] for a in attempts_of(out)):
        assert (m["threads"], m["ranks"], m["cores"], m["problem_size"], m["efficiency"]) == (1, 1, 1, None, None)
    for compat in (True, False):
        summary = score_json(out, *(["--pareval-compat"] if compat else []), ks="1,2")
        for hand in (h for h in HAND_PROMPTS if h.model == "cuda"):
            cell = summary["groups"][f"execution_model=cuda/problem_type={hand.problem_type}"]
            assert cell["speedup_n@1"] == pytest.approx(hand.expected(compat)["speedup@1"], rel=1e-12)
            assert cell["pass@2"] == pytest.approx(hand.expected(compat)["pass@2"], rel=1e-12)
        assert not [key for group in summary["groups"].values() for key in group if key.startswith("efficiency")]
        assert not [key for key in summary["metrics"] if key.startswith("efficiency")]


@pytest.mark.parametrize("sizes, message", [
    ('{"55_transform_relu": {"cuda": "1<<22"}}',
     """'55_transform_relu' / 'cuda': cannot read '1<<22' as a problem size; write it as "(1<<n)\""""),
    ('{"55_transform_relu": {"cuda": 4194304}}', "cannot read 4194304 as a problem size"),
    ('["(1<<22)"]', "expected {"),
    ("{not json", "not valid JSON"),
])  # fmt: skip
def test_a_bad_problem_sizes_file_is_one_line_naming_the_fix(tmp_path, sizes: str, message: str) -> None:
    bad = tmp_path / "sizes.json"
    bad.write_text(sizes)
    result = hpceval("import", "pareval", str(HAND / "cuda.json"), "--out", str(tmp_path / "o"),
                     "--problem-sizes", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --problem-sizes") and message in lines[0], lines
    assert "drivers/problem-sizes.json" in lines[0]
    assert not (tmp_path / "o").exists()  # nothing written


def test_import_refuses_a_model_parevals_does_not_have(tmp_path) -> None:
    records = json.loads((HAND / "hip.json").read_text())
    records[0]["parallelism_model"] = "sycl"
    path = tmp_path / "sycl.json"
    path.write_text(json.dumps(records))
    result = hpceval("import", "pareval", str(path), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "parallelism_model 'sycl' is not one of ParEval's" in result.stderr
