"""`hpceval validate hpc`: the reference passes, and the deliberately broken solution, the near-miss mutants
and (on parallel tasks) the sequential baseline fail, for real (g++, OpenMP, OpenMPI, the sandbox `auto`
picks). CI validates three of the 62 problems (axpy, cg, jacobi2d) in the five CPU execution models, and axpy's cuda
task (built with nvcc; without a GPU its checks are skipped_no_gpu); HPCEVAL_FULL_VALIDATE=1 validates all 372
generate tasks."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from hpceval.harness.validate import QUICK_TIMING, validate_tasks
from hpceval.tasks.discovery import load_packs
from tests.conftest import hpceval
from tests.docker_support import backend_sandbox

SUBSET = ["hpc/axpy/*", "hpc/cg/*", "hpc/jacobi2d/*"]  # memory-bound, a solver, a stencil


CUDA_TOOLKIT = "/usr/local/cuda"  # docker mounts it read-only for the cuda builds (--cuda-toolkit)


def test_validate_hpc_pack_holds():
    full = os.environ.get("HPCEVAL_FULL_VALIDATE") == "1"
    cuda = Path(CUDA_TOOLKIT, "bin", "nvcc").exists() and shutil.which("nvcc") is not None
    # cuda builds are slow (nvcc): axpy's here, every problem's in benchmarks/hpc_validate.py; none without nvcc
    subset = [glob.replace("/*", "/[!c]*") for glob in SUBSET] + (["hpc/axpy/cuda/*"] if cuda else [])
    selection = [] if full else [arg for glob in subset for arg in ("--task", glob)]
    result = hpceval("validate", "hpc", "--max-sandboxes", "2", *selection, env={"HPCEVAL_CUDA_TOOLKIT": CUDA_TOOLKIT}
                     if cuda else None)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    # per task: reference, baseline, broken; per problem: its mutants (two each) on the serial task
    expected = (r"^(\d+) of \1 checks hold on 372 tasks$" if full else
                r"^54 of 54 checks hold on 16 tasks$" if cuda else r"^51 of 51 checks hold on 15 tasks$")
    assert re.search(expected, result.stdout, re.M), result.stdout[-2000:]


def test_validate_times_two_pairs_unless_asked_for_the_packs_own_timing():
    """Validation proves the timed path, not the speedup: two timed pairs by default (a run takes 5 to 25), the
    pack's adaptive repeats with full_timing, and the checks hold either way."""
    pack = load_packs(["hpc"])[0]
    task = next(t for t in pack.tasks if t.task_id == "hpc/axpy/serial/generate")
    box = backend_sandbox("local", slots=1)
    try:
        pairs = {}
        for full in (False, True):
            checks = validate_tasks([(pack, task)], box, 1, lambda check: None, full_timing=full)
            assert all(check.holds for check in checks), [(c.solution, c.verdict, c.message) for c in checks]
            reference = next(check for check in checks if check.solution == "reference")
            assert reference.measurement is not None
            pairs[full] = len(reference.measurement.model_dump()["candidate_times"])
    finally:
        box.close()
    assert pairs[False] == QUICK_TIMING.max_reps == 2
    assert pairs[True] >= pack.spec.defaults.timing.min_reps == 5


def test_an_answer_whose_source_fails_the_model_check_is_checked_but_not_timed():
    """Serial code offered to an omp task cannot score (wrong_model by its source): it is still built and checked,
    so a wrong output says so, but it takes no timed repeats from the sandbox's exclusive lane."""
    from hpceval.harness.evaluate import evaluate
    from hpceval.sandbox.base import Verdict

    pack = load_packs(["hpc"])[0]
    task = next(t for t in pack.tasks if t.task_id == "hpc/axpy/omp/generate")
    serial = pack.evaluator.static_answer(pack, task, "baseline")
    box = backend_sandbox("local", slots=1)
    try:
        outcome = evaluate(box, pack, task, serial)
        wrong = evaluate(box, pack, task, serial.replace("alpha * x[i]", "alpha * x[i] + 1.0"))
    finally:
        box.close()
    assert outcome.verdict == Verdict.wrong_model and "OpenMP" in outcome.message
    assert outcome.measurement is not None and outcome.measurement.model_dump()["candidate_times"] == []
    assert "=== time:" not in outcome.log and "=== check: ok" in outcome.log
    assert wrong.verdict == Verdict.wrong_answer


def test_validate_exits_nonzero_when_a_check_fails(tmp_path):
    """A pack whose 'broken' solution is in fact correct must fail validation."""
    source = Path(__file__).resolve().parents[1] / "tasks" / "packs" / "hpc"
    pack = tmp_path / "packs" / "hpccopy"
    problems = source / "problems"
    shutil.copytree(source, pack, ignore=lambda folder, names: [n for n in names if Path(folder) == problems
                                                                 and n != "axpy"])
    yaml_text = (pack / "pack.yaml").read_text().replace("name: hpc\n", "name: hpccopy\n", 1)
    (pack / "pack.yaml").write_text(yaml_text.replace("suite: hpc\n", "suite: hpccopy\n", 1))
    axpy = pack / "problems" / "axpy"
    (axpy / "broken.cpp").write_text((axpy / "reference" / "serial.cpp").read_text())
    result = hpceval("validate", "hpccopy", "--task", "hpccopy/axpy/serial/generate",
                     env={"HPCEVAL_PACK_PATH": str(tmp_path / "packs")})
    assert result.returncode == 1
    assert "FAIL hpccopy/axpy/serial/generate broken: ok" in result.stdout


def test_every_mutant_differs_from_its_baseline_and_a_stale_edit_names_the_fix(tmp_path):
    from hpceval.tasks.kinds.kernel.evaluator import mutants as mutants_of
    from hpceval.tasks.loader import PackError, load_pack

    source = Path(__file__).resolve().parents[1] / "tasks" / "packs" / "hpc"
    pack = load_pack(source)
    for problem in pack.problems.values():
        mutants = mutants_of(problem)
        assert len(mutants) >= 2, problem.spec.name
        assert all(code.split("\n", 1)[1] != problem.read("baseline.cpp") for code in mutants.values())
    copy = tmp_path / "hpc"
    shutil.copytree(source, copy)
    (copy / "problems" / "axpy" / "mutants.yaml").write_text(
        "stale:\n  what: an edit that no longer applies\n  edits:\n    - {replace: 'no such text', with: 'x'}\n")
    try:
        load_pack(copy)  # a stale edit is a pack error as soon as the pack loads
    except PackError as exc:
        assert "occurs 0 times in baseline.cpp; make it match exactly once" in str(exc)
    else:
        raise AssertionError("a stale mutant edit must be a pack error")


def test_the_pack_spans_sixty_problems_in_twelve_types():
    """Issue 13's breadth: >= 60 problems, >= 5 in each of ParEval's 12 types, five execution models each (issue
    14 added kokkos and cuda, and the translate and optimize modes)."""
    import json
    from collections import Counter

    result = hpceval("list", "--suite", "hpc", "--json")
    assert result.returncode == 0, result.stderr
    tasks = json.loads(result.stdout)
    problems = {task["problem"]: task["problem_type"] for task in tasks}
    per_type = Counter(problems.values())
    assert len(problems) >= 60 and len(tasks) >= 240, (len(problems), len(tasks))
    assert sorted(per_type) == sorted(["dense_la", "sparse_la", "stencil", "reduce", "scan", "sort", "search",
                                       "histogram", "graph", "geometry", "fft", "transform"]), per_type
    assert min(per_type.values()) >= 5, per_type
    assert {task["task_id"].rsplit("/", 1)[1] for task in tasks} == {"generate", "translate", "optimize",
                                                                     "translate-from-cuda"}
    generate = [task for task in tasks if task["mode"] == "generate"]
    assert Counter(task["execution_model"] for task in generate) == {m: len(problems) for m in
                                                                     ("serial", "omp", "mpi", "mpi+omp", "kokkos",
                                                                      "cuda")}
