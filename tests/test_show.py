"""`hpceval show` through the real CLI, on one real replay run: a correct, a wrong and a non-compiling axpy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import hpceval
from tests.test_cli_run import CORRECT, NOT_COMPILING, WRONG

TASK = "hpc/axpy/serial/generate"
NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("show")
    samples = root / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": TASK, "completion": c}) + "\n"
                               for c in (CORRECT, WRONG, NOT_COMPILING)))
    out = root / "run"
    result = hpceval("run", "--task", TASK, "--agent", f"replay:{samples}", "-n", "3", "--sandbox", "local",
                     "--timeout", "15", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def show(run_dir: Path, *args: str) -> str:
    result = hpceval("show", str(run_dir), *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_task_table_fits_80_columns(run_dir: Path):
    result = hpceval("show", str(run_dir), env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, result.stdout
    assert TASK in result.stdout
    assert "0.333" in result.stdout  # pass@1: one of three
    for verdict in ("ok=1", "wrong_answer=1", "build_error=1"):
        assert verdict in result.stdout


def test_a_wrong_answer_shows_its_first_mismatch(run_dir: Path):
    out = show(run_dir, "hpc/axpy/*", "--sample", "1")  # a glob that matches one task
    assert f"{TASK} sample 1 round 0: wrong_answer" in out
    # the trusted driver's message, then every failing case from its JSON
    assert re.search(rf"wrong output at size 1 seed 1, first mismatch at index 0: expected {NUMBER}, "
                     rf"got {NUMBER} \(max abs err", out), out
    assert re.search(rf"^size 17 seed 2: first mismatch at index \d+: expected {NUMBER}, got {NUMBER}$", out,
                     re.M), out
    assert "y[i] = alpha * x[i] - y[i];" in out  # the answer


def test_a_build_error_shows_the_command_and_the_compiler_output(run_dir: Path):
    out = show(run_dir, TASK, "--sample", "2")
    assert f"{TASK} sample 2 round 0: build_error" in out
    assert re.search(r"^\$ g\+\+ .*-c solution\.cpp -o candidate\.o$", out, re.M), out
    assert re.search(r"^solution\.cpp:1:\d+: error: ", out, re.M), out
    assert "HPCEVAL_RESULT_KEY" not in out


def test_a_correct_sample_shows_its_prompt_and_speedup_interval(run_dir: Path):
    out = show(run_dir, TASK)  # sample 0 unless --sample
    assert f"{TASK} sample 0 round 0: ok" in out
    assert "## Problem: AXPY" in out  # the coder's prompt
    assert re.search(r"baseline median \d+\.\d{6} s, candidate median \d+\.\d{6} s, \d+ reps; "
                     r"speedup \d+\.\d{3}x, 95% interval \[\d+\.\d{3}, \d+\.\d{3}\]", out), out


@pytest.mark.parametrize(("args", "error"), [
    (["--sample", "5"], f"no sample 5 of {TASK}; it has samples 0-2"),
    (["--sample", "0", "--round", "3"], f"no round 3 of {TASK} sample 0; it has round 0"),
    (["hpc/gemm/*"], f"it has 1 task(s): {TASK}"),
])
def test_an_unknown_sample_round_or_task_is_one_line_naming_what_exists(run_dir: Path, args: list[str],
                                                                         error: str):
    task = [] if args[0].startswith("hpc/") else [TASK]
    result = hpceval("show", str(run_dir), *task, *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert error in result.stderr
