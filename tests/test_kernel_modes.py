"""The hpc pack's modes (issue 14): every problem in generate, translate and optimize, with ids ending in the mode;
a translate prompt carries the source model's reference, an optimize prompt the baseline; their jobs are the
generate task's, so a translate task answered with the target's reference passes, for real (local sandbox)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hpceval.tasks.discovery import load_packs
from hpceval.tasks.errors import PackError
from hpceval.tasks.loader import load_pack
from hpceval.tasks.prompts import task_prompts
from tests.conftest import REPO, hpceval

HPC = REPO / "tasks" / "packs" / "hpc"


def test_every_problem_has_each_mode_and_translate_names_its_source():
    listing = hpceval("list", "--suite", "hpc", "--json")
    assert listing.returncode == 0, listing.stderr
    tasks = json.loads(listing.stdout)
    problems = {t["problem"] for t in tasks}
    modes = Counter(t["mode"] for t in tasks)
    models = {"serial", "omp", "mpi", "mpi+omp", "kokkos", "cuda"}
    # ParEval's serial->omp, serial->mpi and cuda->kokkos, and omp->mpi+omp, cuda->omp and omp->cuda
    sources = {"omp": ["serial", "cuda"], "mpi": ["serial"], "mpi+omp": ["omp"], "cuda": ["omp"], "kokkos": ["cuda"]}
    assert modes == {"generate": len(problems) * len(models), "optimize": len(problems) * len(models),
                     "translate": len(problems) * sum(len(s) for s in sources.values())}
    for task in tasks:
        assert task["task_id"].startswith(f"hpc/{task['problem']}/{task['execution_model']}/{task['mode']}")
        if task["mode"] == "translate":  # a target's first source is plain `translate`, another names itself
            first = sources[task["execution_model"]][0] == task["source_model"]
            suffix = "" if first else f"-from-{task['source_model']}"
            assert task["task_id"].endswith(f"/translate{suffix}"), task
        else:
            assert task["task_id"].endswith(f"/{task['mode']}")
    pairs = {(t["source_model"], t["execution_model"]) for t in tasks if t["mode"] == "translate"}
    assert pairs == {(s, t) for t, ss in sources.items() for s in ss}
    assert all(t["source_model"] is None for t in tasks if t["mode"] != "translate")


def test_translate_and_optimize_prompts_carry_the_code_to_start_from():
    pack = load_packs(["hpc"])[0]
    tasks = {t.task_id: t for t in pack.tasks}
    gemv = HPC / "problems" / "gemv"
    serial_reference = (gemv / "reference" / "serial.cpp").read_text().strip()
    baseline = (gemv / "baseline.cpp").read_text().strip()
    translate = task_prompts(pack, tasks["hpc/gemv/mpi/translate"]).prompt
    assert serial_reference in translate and "Translate the working serial code" in translate
    assert pack.model_build("mpi").prompt_note in translate and baseline not in translate
    optimize = task_prompts(pack, tasks["hpc/gemv/kokkos/optimize"]).prompt
    assert baseline in optimize and "correct but slow" in optimize
    assert pack.model_build("kokkos").prompt_note in optimize
    generate = task_prompts(pack, tasks["hpc/gemv/omp/generate"]).prompt
    assert baseline not in generate and serial_reference not in generate
    cuda_reference = (gemv / "reference" / "cuda.cpp").read_text().strip()
    from_cuda = task_prompts(pack, tasks["hpc/gemv/omp/translate-from-cuda"]).prompt
    assert cuda_reference in from_cuda and "Translate the working cuda code" in from_cuda
    assert pack.model_build("omp").prompt_note in from_cuda
    to_kokkos = task_prompts(pack, tasks["hpc/gemv/kokkos/translate"]).prompt
    assert cuda_reference in to_kokkos and pack.model_build("kokkos").prompt_note in to_kokkos


@pytest.mark.parametrize("change, message", [
    ({"modes": ["generate", "optimize", "optimize"]}, "each once"),
    ({"translate_from": {"omp": "fortran"}}, "is not a pair of two execution models"),
    ({"modes": ["translate"]}, "list generate"),
])
def test_a_bad_mode_setting_is_one_error_naming_the_fix(tmp_path: Path, change: dict, message: str):
    target = tmp_path / "hpc"
    shutil.copytree(HPC, target)
    path = target / "problems" / "axpy" / "problem.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(change)
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(PackError, match=message):
        load_pack(target)


def test_a_translate_task_runs_its_models_job(tmp_path: Path):
    """The reference of the target model answers the translate task: the same checks and timing as generate."""
    out = tmp_path / "run"
    result = hpceval("run", "--suite", "hpc", "--task", "hpc/axpy/omp/translate", "--agent", "reference",
                     "--sandbox", "local", "--out", str(out), timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    attempts = [json.loads(line) for line in (out / "attempts.jsonl").read_text().splitlines()]
    assert [(a["task_id"], a["verdict"]) for a in attempts] == [("hpc/axpy/omp/translate", "ok")]
    assert attempts[0]["measurement"]["speedup"] > 0
