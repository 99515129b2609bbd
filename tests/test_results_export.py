"""Run results as a DataFrame (`hpceval.results.load`) and as files (`hpceval export`), on real run dirs made by
the real CLI with replayed answers."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from hpceval import results
from hpceval.harness.errors import UserError
from hpceval.harness.records import Attempt
from hpceval.harness.store import RunStore
from tests.conftest import hpceval, read_jsonl
from tests.test_cli_run import CORRECT, NO_CODE, WRONG

TASK = "hpc/axpy/serial/generate"


def _run(tmp: Path, name: str, completions: list[str]) -> Path:
    samples = tmp / f"{name}.jsonl"
    samples.write_text("".join(json.dumps({"task_id": TASK, "completion": c}) + "\n" for c in completions))
    out = tmp / name
    result = hpceval("run", "--task", TASK, "--agent", f"replay:{samples}", "-n", str(len(completions)),
                     "--sandbox", "local", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Run a: samples 0 ok, 1 wrong_answer, 2 no_code; run b: one no_code sample (never compiled, so cheap)."""
    tmp = tmp_path_factory.mktemp("runs")
    return _run(tmp, "a", [CORRECT, WRONG, NO_CODE]), _run(tmp, "b", [NO_CODE])


def _by_sample(path: Path) -> dict[int, dict[str, object]]:
    return {int(a["sample"]): a for a in read_jsonl(path / "attempts.jsonl")}


def _read_back(path: Path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, precise_float=True)
    return pd.read_parquet(path)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_round_trips(runs: tuple[Path, Path], tmp_path: Path, fmt: str) -> None:
    run_a, _ = runs
    out = tmp_path / f"results.{fmt}"
    result = hpceval("export", str(run_a), "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"wrote 3 attempt row(s) from 1 run(s) to {out}" in result.stderr
    frame = _read_back(out, fmt)
    stored = _by_sample(run_a)
    assert len(frame) == len(stored) == 3
    assert list(frame.columns[:len(results.FIXED_COLUMNS)]) == list(results.FIXED_COLUMNS)
    rows = {int(row["sample"]): row for row in frame.to_dict(orient="records")}
    assert {s: rows[s]["verdict"] for s in rows} == {s: a["verdict"] for s, a in stored.items()}
    assert {rows[s]["verdict"] for s in rows} == {"ok", "wrong_answer", "no_code"}
    times = rows[0]["measurement.baseline_times"]
    if fmt == "csv":
        times = json.loads(times)  # lists are JSON in a CSV cell
    assert list(times) == stored[0]["measurement"]["baseline_times"]
    assert len(times) > 0
    assert rows[0]["measurement.untimed_cpu_s.load"] == stored[0]["measurement"]["untimed_cpu_s"]["load"]
    assert all(bool(rows[s]["final"]) for s in rows)


def test_csv_cells_with_lists_are_json(runs: tuple[Path, Path], tmp_path: Path) -> None:
    """A kind's measurement may hold lists of strings and nulls, whose Python repr is not JSON."""
    run = shutil.copytree(runs[0], tmp_path / "run")
    store = RunStore(run)
    first = next(a for a in store.read_attempts() if a.sample == 0)
    extra = {**first.model_dump(), "sample": 3, "measurement": {"flags": ["-O2", None], "cores": 1}}
    store.append_attempt(Attempt.model_validate(extra))
    result = hpceval("export", str(run), "--out", str(tmp_path / "x.csv"))
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(tmp_path / "x.csv").set_index("sample")
    assert json.loads(frame.loc[3, "measurement.flags"]) == ["-O2", None]
    assert json.loads(frame.loc[0, "measurement.speedup_ci"]) == first.model_dump()["measurement"]["speedup_ci"]


def test_default_out_and_stdout(runs: tuple[Path, Path], tmp_path: Path) -> None:
    run = shutil.copytree(runs[0], tmp_path / "run")
    result = hpceval("export", str(run), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = (run / "export.jsonl").read_text().splitlines()
    assert [json.loads(line)["sample"] for line in lines] == [0, 1, 2]
    assert json.loads(lines[2])["log_sha"] is None  # missing values are null, not NaN
    piped = hpceval("export", str(run), "--out", "-")
    assert piped.returncode == 0, piped.stderr
    assert "to stdout" in piped.stderr
    assert pd.read_csv(io.StringIO(piped.stdout))["verdict"].tolist() == ["ok", "wrong_answer", "no_code"]


def test_load_concatenates_run_dirs(runs: tuple[Path, Path]) -> None:
    run_a, run_b = runs
    frame = results.load([run_a, str(run_b)])
    assert frame.groupby("run_dir").size().to_dict() == {str(run_a): 3, str(run_b): 1}
    assert frame["run_id"].nunique() == 2
    assert frame[frame.run_dir == str(run_b)]["verdict"].tolist() == ["no_code"]
    assert all(type(v) is str for v in frame["verdict"])  # the plain string, not the enum
    assert (frame["seconds"] >= 0).all() and frame["seconds"].max() > 0
    assert frame["usage.calls"].tolist() == [0, 0, 0, 0]
    assert len(results.load(run_a)) == 3  # a single path, str or Path
    assert len(results.load(str(run_b))) == 1


def test_an_empty_run_dir_gives_the_core_columns(runs: tuple[Path, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    shutil.copy(runs[0] / "run.json", empty / "run.json")
    frame = results.load(empty)
    assert len(frame) == 0 and list(frame.columns) == list(results.FIXED_COLUMNS)
    result = hpceval("export", str(empty), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert (empty / "export.csv").read_text().splitlines() == [",".join(results.FIXED_COLUMNS)]


def test_final_only_keeps_the_round_that_is_scored(runs: tuple[Path, Path], tmp_path: Path) -> None:
    """Sample 1 gets a second round that is correct: round 1 is its kept round, round 0 is not."""
    run = shutil.copytree(runs[0], tmp_path / "run")
    store = RunStore(run)
    stored = {a.sample: a for a in store.read_attempts()}
    store.append_attempt(stored[1].model_copy(update={"loop_done": False}))
    round_1 = Attempt.model_validate({**stored[0].model_dump(), "sample": 1, "round": 1})
    store.append_attempt(round_1)

    every = results.load(run)
    assert list(zip(every["sample"], every["round"], every["final"], strict=True)) == [
        (0, 0, True), (1, 0, False), (1, 1, True), (2, 0, True)]
    final = results.load(run, final_only=True)
    assert list(zip(final["sample"], final["round"], strict=True)) == [(0, 0), (1, 1), (2, 0)]

    out = tmp_path / "final.parquet"
    result = hpceval("export", str(run), "--format", "parquet", "--final-only", "--out", str(out))
    assert result.returncode == 0, result.stderr
    exported = pd.read_parquet(out)
    scored = hpceval("score", str(run), "--json")
    assert scored.returncode == 0, scored.stderr
    summary = json.loads(scored.stdout)
    assert len(exported) == summary["n_attempts"] == 3
    assert exported["verdict"].value_counts().to_dict() == summary["counts"] == {"ok": 2, "no_code": 1}


def test_not_a_run_dir_is_one_line_and_exit_2(runs: tuple[Path, Path], tmp_path: Path) -> None:
    result = hpceval("export", str(runs[0]), str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{tmp_path} is not a run dir" in lines[0]
    assert not (runs[0] / "export.csv").exists()  # nothing written when one of the runs cannot be read
    with pytest.raises(UserError, match="not a run dir"):
        results.load([runs[0], tmp_path])


@pytest.mark.parametrize(("args", "expected"), [
    (["--format", "xlsx"], "unknown --format 'xlsx'; use one of csv, jsonl, parquet"),
    (["--format", "parquet", "--out", "-"], "pass --out FILE.parquet"),
    (["--out", "/nonexistent-dir/x.csv"], "there is no directory /nonexistent-dir"),
])
def test_bad_format_or_out_is_one_line_and_exit_2(runs: tuple[Path, Path], args: list[str], expected: str) -> None:
    result = hpceval("export", str(runs[1]), *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert result.stdout == ""
