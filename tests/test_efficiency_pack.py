"""The `efficiency` pack's problem format, through the real CLI and the real local sandbox: a problem folder's
files become its fields, each problem has a generate and an optimize task (the optimize prompt holds the
baseline), `hpceval validate` proves the reference measurably faster than the baseline and refuses a problem
whose baseline is as fast as its reference, and format mistakes get one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hpceval.tasks import packs_of_suite, task_prompts
from hpceval.tasks.loader import Pack
from tests.conftest import REPO, hpceval
from tests.docker_support import backend_sandbox

PACK = REPO / "tasks" / "packs" / "efficiency"
EXAMPLE = PACK / "problems" / "merge_intervals"
CPP_PACK = REPO / "tasks" / "packs" / "efficiency-cpp"
# validated in CI (about 10 s a Python and 20 s a C++ problem here, the reference timed beside every answer);
# benchmarks/efficiency_packs.py validates the whole packs. The C++ pair covers the glue's shapes (a vector; a vector
# and a vector of index pairs): range_min_queries took 24 s here where prefix_xor_queries, of the same shapes but
# 1.2 million values a case, took 66 s
PY_SUBSET = ("merge_intervals", "edit_distance", "count_primes_below", "dijkstra_distances", "group_anagrams",
             "longest_valid_parentheses", "dot_products", "kth_smallest_stream")
CPP_SUBSET = ("inversion_count", "range_min_queries")


def _suite_pack(name: str) -> Pack:
    return next(pack for pack in packs_of_suite("efficiency") if pack.name == name)


def _pack_with(tmp_path: Path, name: str, edit: dict[str, str | None]) -> Path:
    """A copy of the pack (named `name`, suite `name`) holding only the example problem, with files replaced
    (None: removed)."""
    root = tmp_path / "packs" / name
    (root / "problems").mkdir(parents=True)
    for file in ("prompt.j2", "README.md"):
        shutil.copy(PACK / file, root / file)
    (root / "pack.yaml").write_text((PACK / "pack.yaml").read_text().replace("name: efficiency", f"name: {name}")
                                    .replace("suite: efficiency", f"suite: {name}"))
    problem = root / "problems" / "merge_intervals"
    shutil.copytree(EXAMPLE, problem)
    for file, text in edit.items():
        if text is None:
            (problem / file).unlink()
        else:
            (problem / file).write_text(text)
    return tmp_path / "packs"


def test_a_problem_folder_gives_a_generate_and_an_optimize_task():
    listed = hpceval("list", "--suite", "efficiency", "--json")
    assert listed.returncode == 0, listed.stderr
    tasks = {t["task_id"]: t for t in json.loads(listed.stdout) if t["problem"] == "merge_intervals"}
    assert set(tasks) == {"efficiency/merge_intervals/generate", "efficiency/merge_intervals/optimize"}


def test_the_optimize_prompt_holds_the_baseline_and_the_baseline_scores_below_the_expert(tmp_path):
    backend_sandbox("local").close()
    out = tmp_path / "run"
    run = hpceval("run", "--suite", "efficiency", "--task", "efficiency/merge_intervals/optimize", "--agent",
                  "baseline", "--sandbox", "local", "--out", str(out), "--max-sandboxes", "1",
                  env={"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")})
    assert run.returncode == 0, run.stderr
    (attempt,) = [json.loads(line) for line in (out / "attempts.jsonl").read_text().splitlines()]
    assert attempt["verdict"] == "ok", attempt
    assert attempt["measurement"]["efficiency"] < 0.9, attempt["measurement"]  # the floor is below the expert

    pack = _suite_pack("efficiency")
    tasks = {t.task_id: t for t in pack.tasks}
    optimize = task_prompts(pack, tasks["efficiency/merge_intervals/optimize"]).prompt
    generate = task_prompts(pack, tasks["efficiency/merge_intervals/generate"]).prompt
    baseline = (EXAMPLE / "baseline.py").read_text().strip()
    assert "correct but slow" in optimize and baseline in optimize, optimize
    assert baseline not in generate and "merge_intervals(intervals" in generate, generate


def test_validate_proves_the_reference_faster_and_refuses_a_baseline_as_fast(tmp_path):
    backend_sandbox("local").close()
    env = {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}
    subset = [arg for name in PY_SUBSET for arg in ("--task", f"efficiency/{name}/*")]
    good = hpceval("validate", "efficiency", *subset, "--sandbox", "local", "--max-sandboxes", "2", env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert len(_suite_pack("efficiency").problems) >= 26
    checks = 3 * 2 * len(PY_SUBSET)  # reference, broken and baseline on both modes
    assert f"{checks} of {checks} checks hold" in good.stdout, good.stdout
    same = (EXAMPLE / "reference.py").read_text()
    packs = _pack_with(tmp_path, "effsame", {"baseline.py": same})
    bad = hpceval("validate", "effsame", "--task", "effsame/merge_intervals/generate", "--sandbox", "local",
                  "--max-sandboxes", "1", env={**env, "HPCEVAL_PACK_PATH": str(packs)})
    assert bad.returncode != 0, bad.stdout
    assert "not measurably faster" in bad.stdout + bad.stderr, bad.stdout + bad.stderr


def test_format_mistakes_get_one_line(tmp_path):
    packs = _pack_with(tmp_path, "effbroken", {"baseline.py": None})
    listed = hpceval("list", "--suite", "effbroken", env={"HPCEVAL_PACK_PATH": str(packs)})
    assert listed.returncode == 2, listed.stdout
    assert "optimize starts from the baseline" in listed.stderr and listed.stderr.strip().count("\n") == 0, (
        listed.stderr)
    packs = _pack_with(tmp_path / "b", "effnogen", {"generator.py": None})
    listed = hpceval("list", "--suite", "effnogen", env={"HPCEVAL_PACK_PATH": str(packs)})
    assert listed.returncode == 2 and "generator" in listed.stderr, listed.stderr


def test_the_cpp_pack_validates_and_its_prompts_are_cpp(tmp_path):
    backend_sandbox("local").close()
    pack = _suite_pack("efficiency-cpp")
    assert all(task.language == "cpp" for task in pack.tasks) and len(pack.problems) >= 1
    task = next(t for t in pack.tasks if t.task_id == "efficiency-cpp/inversion_count/optimize")
    prompt = task_prompts(pack, task).prompt
    assert "```cpp" in prompt and "std::int64_t inversion_count(" in prompt and "correct but slow" in prompt
    env = {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}
    subset = [arg for name in CPP_SUBSET for arg in ("--task", f"efficiency-cpp/{name}/*")]
    good = hpceval("validate", "efficiency-cpp", *subset, "--sandbox", "local", "--max-sandboxes", "2", env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    checks = 3 * 2 * len(CPP_SUBSET)  # reference, broken and baseline on both modes
    assert f"{checks} of {checks} checks hold" in good.stdout, good.stdout


def test_a_cpp_prompt_without_the_declaration_gets_one_line(tmp_path):
    root = tmp_path / "packs" / "effcpp"
    (root / "problems").mkdir(parents=True)
    for file in ("prompt.j2", "README.md"):
        shutil.copy(CPP_PACK / file, root / file)
    (root / "pack.yaml").write_text((CPP_PACK / "pack.yaml").read_text().replace("name: efficiency-cpp", "name: effcpp")
                                    .replace("suite: efficiency", "suite: effcpp"))
    problem = root / "problems" / "inversion_count"
    shutil.copytree(CPP_PACK / "problems" / "inversion_count", problem)
    (problem / "prompt.cpp").write_text("#include <vector>\n// no declaration here\n")
    listed = hpceval("list", "--suite", "effcpp", env={"HPCEVAL_PACK_PATH": str(tmp_path / "packs")})
    assert listed.returncode == 2 and "declares inversion_count" in listed.stderr, listed.stderr
    assert listed.stderr.strip().count("\n") == 0, listed.stderr
