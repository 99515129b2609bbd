"""The `function` kind end to end, through the real CLI and the real local sandbox, on ENAMEL's dataset from
../shared/data/enamel: hostile answers are contained and get the right verdict without disturbing an honest
one; ENAMEL's and EvalPlus's sample files replay; the references pass; bad datasets get one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, hpceval, read_jsonl
from tests.docker_support import backend_sandbox

DATASET = REPO.parent / "shared" / "data" / "enamel"
CSV = DATASET / "enamel.csv"
HOSTILE = Path(__file__).with_name("hostile_python")
pytestmark = pytest.mark.skipif(not CSV.is_file(), reason="needs ../shared/data/enamel (see its README)")

# answer file -> (verdict, what else must hold)
EXPECTED = {
    "loop_in_try.py": "timeout",  # killed at the untimed check's limit: the try/except catches nothing
    "sys_exit.py": "runtime_error",
    "os_exit.py": "runtime_error",
    "fake_clock.py": "ok",  # correct, but the trusted clock sees its 0.2 s: censored at the first timed level
    "write_outside.py": "ok",  # correct only when none of its writes got through (see the file)
    "cache_in_filenames.py": "ok",  # correct only when no file or folder name it left survived to a later run
    "cache_in_sysv.py": "ok",  # correct only when no System V IPC object it made survived to a later run
    "read_answers.py": "ok",  # correct only when it could read neither the expected answers nor the reference
    "read_reference_memory.py": "ok",  # correct only when the reference's zygote's memory and memfd were unreadable
    "slow_the_reference.py": "ok",  # correct only when it could neither signal, renice, repin nor limit the reference
    "signal_the_group.py": "ok",  # correct only when it could not signal its process group (kill(0, sig))
    "fork_bomb.py": "timeout",  # it never returns; every process it made is killed with it
    "forged_result.py": "wrong_answer",
    "equal_to_all.py": "wrong_answer",  # not plain data: never compared with its own __eq__
    "evil_pickle.py": "wrong_answer",  # a pickle that would run a command where it is read: refused unread
    "mutate_input.py": "ok",  # the checker reads the trusted side's own copy of the input
    "honest.py": "ok",
}


@pytest.fixture
def cache(tmp_path: Path) -> dict[str, str]:
    return {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}


def test_hostile_answers_are_contained_and_the_honest_one_is_undisturbed(tmp_path, cache):
    backend_sandbox("local").close()  # skips (fails in CI) where the kernel denies the sandbox its private root
    names = list(EXPECTED)
    samples = tmp_path / "hostile.jsonl"
    samples.write_text("".join(json.dumps({"task_id": "HumanEval/0", "solution": (HOSTILE / n).read_text()}) + "\n"
                               for n in names))
    out = tmp_path / "run"
    result = hpceval("run", "--suite", "enamel", "--dataset", str(CSV), "--task", "enamel/HumanEval/0",
                     "--agent", f"replay:{samples}", "-n", str(len(names)), "--sandbox", "local", "--out", str(out),
                     env=cache)
    assert result.returncode == 0, result.stderr
    attempts = {names[a["sample"]]: a for a in read_jsonl(out / "attempts.jsonl")}
    assert {name: a["verdict"] for name, a in attempts.items()} == EXPECTED
    assert "timeout" in attempts["loop_in_try.py"]["message"] or "limit" in attempts["loop_in_try.py"]["message"]
    faked = attempts["fake_clock.py"]["measurement"]
    assert faked["censored_level"] == 1 and faked["efficiency"] == 0.0
    assert "plain data" in attempts["equal_to_all.py"]["message"]
    assert "posix.system" in attempts["evil_pickle.py"]["message"] and not Path("/tmp/hpceval-pwned").exists()
    assert not Path("/tmp/hpceval-hostile-mark").exists() and not Path.home().joinpath("hpceval-hostile-mark").exists()
    honest = attempts["honest.py"]["measurement"]
    assert honest["censored_level"] is None and honest["efficiency"] > 0.5, honest
    summary = json.loads((out / "summary.json").read_text())
    assert {"pass@1", "eff@1", "eff_level1@1", "eff_level3@1"} <= set(summary["metrics"])
    assert "eff_level0@1" not in summary["metrics"]  # weight 0: checked, not timed, so not scored
    shown = hpceval("show", str(out), env={**cache, "COLUMNS": "200"})
    assert shown.returncode == 0 and "best eff" in shown.stdout and "best speedup" not in shown.stdout, shown.stdout
    best = max(a["measurement"]["efficiency"] for a in attempts.values() if a["verdict"] == "ok")
    assert f"{best:.3f}" in shown.stdout
    stats = json.loads(hpceval("cache", "stats", "--json", env=cache).stdout)["function_tests"]
    assert stats["problems"] == 1 and stats["reference_timings"] == 1 and stats["bytes"] > 0, stats
    assert "removed the tests of 1 function problem(s)" in hpceval("cache", "clear", "--tests", env=cache).stdout
    assert json.loads(hpceval("cache", "stats", "--json", env=cache).stdout)["function_tests"]["problems"] == 0


def test_enamel_and_evalplus_sample_files_replay_and_the_references_pass(tmp_path, cache):
    rows = json.loads((DATASET / "enamel-references.json").read_text())
    assert len(rows) == 164  # in dataset order, the 22 unscored rows included
    ids = ["HumanEval/0", "HumanEval/1", "HumanEval/12"]
    tasks = [arg for i in ids for arg in ("--task", f"enamel/{i}")]
    out = tmp_path / "enamel-json"
    result = hpceval("run", "--suite", "enamel", "--dataset", str(CSV), *tasks, "--agent",
                     f"replay:{DATASET / 'enamel-references.json'}", "--sandbox", "local", "--out", str(out), env=cache)
    assert result.returncode == 0, result.stderr
    by_task = {a["task_id"]: a for a in read_jsonl(out / "attempts.jsonl")}
    assert sorted(by_task) == sorted(f"enamel/{i}" for i in ids)
    assert all(a["verdict"] == "ok" for a in by_task.values())
    # the references against their own cached times: eff close to 1 (timing noise on a shared 2-core VM)
    effs = [a["measurement"]["efficiency"] for a in by_task.values()]
    assert all(0.6 < e < 1.4 for e in effs), effs
    evalplus = tmp_path / "evalplus.jsonl"
    evalplus.write_text("".join(json.dumps({"task_id": i, "solution": rows[int(i.split("/")[1])][0]}) + "\n"
                                for i in ids))
    result = hpceval("run", "--suite", "enamel", "--dataset", str(CSV), *tasks, "--agent", f"replay:{evalplus}",
                     "--sandbox", "local", "--out", str(tmp_path / "evalplus"), env=cache)
    assert result.returncode == 0, result.stderr
    assert all(a["verdict"] == "ok" for a in read_jsonl(tmp_path / "evalplus" / "attempts.jsonl"))


@pytest.mark.parametrize("args, needle", [
    (["--suite", "enamel"], "pass --dataset PATH_OR_ID"),
    (["--suite", "enamel", "--dataset", "/nonexistent/enamel.csv"], "cannot be read"),
    (["--suite", "hpc", "--dataset", str(CSV)], "has its own problems"),
])
def test_dataset_mistakes_get_one_line(tmp_path, args, needle):
    result = hpceval("run", *args, "--out", str(tmp_path / "run"), env={"HF_DATASETS_OFFLINE": "1"})
    assert result.returncode == 2
    assert needle in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "run").exists()


def test_a_dataset_without_enamels_columns_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("task_id,prompt\nHumanEval/0,x\n")
    result = hpceval("list", "--suite", "enamel", "--dataset", str(bad))
    assert result.returncode == 2 and "no column(s)" in result.stderr, result.stderr


def test_list_json_has_the_142_scored_problems_with_their_subset():
    result = hpceval("list", "--suite", "enamel", "--dataset", str(CSV), "--json")
    assert result.returncode == 0, result.stderr
    tasks = json.loads(result.stdout)
    assert len(tasks) == 142 and tasks[0]["task_id"] == "enamel/HumanEval/0"
    assert {t["problem_type"] for t in tasks} == {"algorithm", "implementation", "other"}
    assert sum(t["problem_type"] == "algorithm" for t in tasks) == 20


def test_validate_holds_on_an_enamel_task(tmp_path, cache):
    result = hpceval("validate", "enamel", "--dataset", str(CSV), "--task", "enamel/HumanEval/1", "--sandbox", "local",
                     env=cache)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 of 2 checks hold on 1 tasks" in result.stdout + result.stderr
