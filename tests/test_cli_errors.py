"""Bad input ends in one line naming the fix, exit status 2, and nothing recorded is lost."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import REPO, hpceval, path_without_mpi


def assert_one_line_error(result, needle: str) -> None:
    assert result.returncode == 2, result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error:") and needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_list_json_has_the_contract_fields():
    result = hpceval("list", "--suite", "hpc", "--json")
    assert result.returncode == 0, result.stderr
    tasks = json.loads(result.stdout)
    problems = {t["problem"] for t in tasks}
    assert len([t for t in tasks if t["mode"] == "generate"]) == 6 * len(problems)
    for field in ("task_id", "suite", "problem", "problem_type", "kind", "execution_model", "mode", "language",
                  "entry_point", "signature", "source_model"):
        assert all(field in task for task in tasks)
    assert {t["execution_model"] for t in tasks} == {"serial", "omp", "mpi", "mpi+omp", "kokkos", "cuda"}
    assert {t["mode"] for t in tasks} == {"generate", "translate", "optimize"}
    assert {"axpy", "gemv", "gemm", "spmv", "jacobi2d", "cg"} <= problems


@pytest.mark.parametrize("args, needle", [
    (["--suite", "nosuch"], "unknown suite 'nosuch'"),
    (["--task", "hpc/nope/*"], "matches no task"),
    (["--agent", "gpt-17"], "unknown agent 'gpt-17'"),
    (["--agent", "replay:/nonexistent/samples.jsonl"], "not found"),
    (["--k", "1,x"], "--k"),
    (["--k", "1,5"], "add -n 5"),
    (["--temperature", "7"], "--temperature"),
    (["--sandbox", "podman"], "--sandbox"),
    (["--sample-id", "3"], "--sample-id: sample 3 needs -n 4 or more"),
    (["--sample-id", "1-x"], "--sample-id: '1-x': give sample numbers and ranges"),
    (["--limit", "0"], "--limit"),
    (["--log-level", "loud"], "--log-level"),
])
def test_bad_run_arguments(tmp_path, args, needle):
    result = hpceval("run", *args, "--out", str(tmp_path / "run"))
    assert_one_line_error(result, needle)
    assert not (tmp_path / "run" / "attempts.jsonl").exists()
    # the cheap checks come before the sandbox: an image that is not built adds no note to the one line
    unbuilt = hpceval("run", *args, "--image", "hpceval-nosuch:0", "--out", str(tmp_path / "run"))
    assert_one_line_error(unbuilt, needle)


def test_an_unusable_out_is_refused_before_anything_runs(tmp_path):
    (tmp_path / "file").write_text("x")
    assert_one_line_error(hpceval("run", "--out", str(tmp_path / "file")), "is a file")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    assert_one_line_error(hpceval("run", "--out", str(tmp_path / "busy")), "holds other files but no run")
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"
    # a place where even root cannot make a folder: refused when the run dir is made, still one line
    assert_one_line_error(hpceval("run", "--task", "hpc/axpy/serial/generate", "--out", "/proc/hpceval-run"),
                          "cannot create the run dir")


def test_malformed_replay_file_names_the_line(tmp_path):
    samples = tmp_path / "s.jsonl"
    samples.write_text(json.dumps({"task_id": "hpc/axpy/serial/generate", "completion": "x"}) + "\n{oops\n")
    result = hpceval("run", "--agent", f"replay:{samples}", "--out", str(tmp_path / "run"))
    assert_one_line_error(result, "s.jsonl:2")


def test_pack_with_a_schema_error(tmp_path):
    bad = tmp_path / "packs" / "badpack"
    (bad / "problems" / "p").mkdir(parents=True)
    (bad / "pack.yaml").write_text("name: badpack\nsuite: bad\n")  # no version
    result = hpceval("run", "--suite", "badpack", env={"HPCEVAL_PACK_PATH": str(tmp_path / "packs")})
    assert_one_line_error(result, "pack.yaml: field version")


def test_missing_mpi_compiler(tmp_path):
    result = hpceval("run", "--sandbox", "local", "--task", "hpc/axpy/mpi/generate", "--out", str(tmp_path / "run"),
                     env={"PATH": path_without_mpi(tmp_path)})  # the host toolchain matters to the local sandbox only
    assert_one_line_error(result, "mpicxx not found")
    assert "openmpi" in result.stderr


def test_another_run_in_the_same_out_is_refused_and_nothing_is_lost(tmp_path):
    out = tmp_path / "run"
    first = hpceval("run", "--task", "hpc/axpy/serial/generate", "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = (out / "attempts.jsonl").read_bytes()
    result = hpceval("run", "--task", "hpc/axpy/serial/generate", "--agent", "baseline", "--out", str(out))
    assert_one_line_error(result, "holds another run: this command asks for agent 'baseline' (the run has "
                                  "'reference')")
    # every setting that changes what is measured is named, with both values
    result = hpceval("run", "--task", "hpc/axpy/serial/generate", "--seed", "3", "--timeout", "9", "--out", str(out))
    assert_one_line_error(result, "seed 3 (the run has 0); run_timeout_s 9.0 (the run has None)")
    assert (out / "attempts.jsonl").read_bytes() == before


def test_score_of_a_dir_that_is_not_a_run(tmp_path):
    assert_one_line_error(hpceval("score", str(tmp_path)), "not a run dir")



def test_a_driver_that_drifts_from_the_signature_in_problem_yaml_is_refused(tmp_path):
    """problem.yaml's signature is what the prompt shows; the driver must declare exactly it (and its baseline)."""
    pack = tmp_path / "packs" / "drift"
    shutil.copytree(REPO / "tasks" / "packs" / "hpc", pack)
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text().replace("name: hpc", "name: drift"))
    driver = pack / "problems" / "axpy" / "driver.cpp"
    driver.write_text(driver.read_text().replace("void axpy(double alpha,", "void axpy(float alpha,", 1))
    result = hpceval("list", "--suite", "drift", env={"HPCEVAL_PACK_PATH": str(tmp_path / "packs")})
    assert_one_line_error(result, "axpy/driver.cpp: no declaration of the entry point")
    assert "void axpy(double alpha,const std::vector<double>&x,std::vector<double>&y);" in result.stderr


def test_yaml_errors_name_line_and_column_and_a_missing_pack_path_entry_is_named(tmp_path):
    bad = tmp_path / "packs" / "badyaml"
    (bad / "problems").mkdir(parents=True)
    (bad / "pack.yaml").write_text("name: badyaml\nsuite: [unclosed\nversion: 1\n")
    result = hpceval("list", "--suite", "badyaml", env={"HPCEVAL_PACK_PATH": str(tmp_path / "packs")})
    assert_one_line_error(result, "badyaml/pack.yaml:3:8: invalid YAML (expected ',' or ']'")
    result = hpceval("list", "--json", env={"HPCEVAL_PACK_PATH": str(tmp_path / "no-such-folder")})
    assert result.returncode == 0  # the other packs still work
    assert len([t for t in json.loads(result.stdout) if t["suite"] == "hpc"]) >= 240
    assert result.stderr.strip() == (f"warning: HPCEVAL_PACK_PATH names {tmp_path / 'no-such-folder'}, which is not "
                                     "a folder; it is skipped (fix or remove that entry)")


def test_cache_clear_of_tests_with_a_model_is_one_line(tmp_path):
    result = hpceval("cache", "clear", "--tests", "--model", "openai:x",
                     env={"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")})
    assert_one_line_error(result, "--tests clears no model calls; leave out --model")
