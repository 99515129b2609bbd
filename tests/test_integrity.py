"""Trusted measurement, attacked: a candidate for every known way to forge, skip or slow what hpceval measures
(tests/integrity/*.cpp, each file says its attack), run for real through both backends, must end with the
verdict it deserves and never with a speedup it did not earn. Without the two-process driver, the symbol
policy, fresh inputs, the frozen worker and the CPU accounting, every one of them scored `ok` (issue 9).

The pack is the real `hpc` pack with smaller timed sizes and fewer repeats, so the suite stays quick; the
drivers, checks and tolerances are the real ones."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from hpceval.harness.evaluate import evaluate
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks.kinds import Outcome
from hpceval.tasks.kinds.kernel import KernelMeasurement
from hpceval.tasks.loader import Pack, load_pack
from tests.docker_support import backend_sandbox

REPO = Path(__file__).resolve().parents[1]
ATTACKS = Path(__file__).with_name("integrity")
SMALL_TIME_SIZES = {"axpy": 8_000_000, "cg": 50_000}  # axpy: ~8 ms of stolen work a call, 4x the 2 ms allowance

# attack file -> (task, the verdicts it may end with)
CASES: dict[str, tuple[str, set[Verdict]]] = {
    "forged_result.cpp": ("axpy/serial", {Verdict.wrong_answer}),
    "argv_tamper_ctor.cpp": ("axpy/serial", {Verdict.policy_violation}),
    "printf_override.cpp": ("axpy/serial", {Verdict.policy_violation}),
    "fake_clock.cpp": ("axpy/serial", {Verdict.policy_violation}),
    "fake_clock_gettime.cpp": ("axpy/serial", {Verdict.policy_violation}),
    "memo_pointer.cpp": ("axpy/serial", {Verdict.wrong_answer}),
    "memo_count.cpp": ("axpy/serial", {Verdict.wrong_answer}),
    "input_mutation.cpp": ("axpy/serial", {Verdict.wrong_answer}),
    "include_driver.cpp": ("axpy/serial", {Verdict.policy_violation}),
    "spin_thread.cpp": ("axpy/omp", {Verdict.untimed_work}),
    # its call only starts a thread: the work after it is untimed, a result not ready is wrong, and a call long
    # enough to judge (a slow thread start) shows one thread at work
    "background_precompute.cpp": ("axpy/omp", {Verdict.untimed_work, Verdict.wrong_answer, Verdict.wrong_model}),
    "fork_spinner.cpp": ("axpy/omp", {Verdict.untimed_work}),
    "late_trickle.cpp": ("axpy/omp", {Verdict.untimed_work}),
    "one_late_burst.cpp": ("axpy/omp", {Verdict.ok}),  # one stall of a loaded machine is no verdict
    "reference_theft.cpp.j2": ("axpy/serial", {Verdict.wrong_answer}),
    "secret_probe.cpp": ("axpy/serial", {Verdict.ok}),  # it corrupts its output if it finds any leak
    "serial_in_omp.cpp": ("gemv/omp", {Verdict.wrong_model}),
    "fake_omp.cpp": ("gemv/omp", {Verdict.wrong_model}),
    "rank0_only.cpp": ("gemv/mpi", {Verdict.wrong_model}),
    "serial_in_kokkos.cpp": ("gemv/kokkos", {Verdict.wrong_model}),
    "omp_in_kokkos.cpp": ("gemv/kokkos", {Verdict.wrong_model}),
    "threads_in_serial.cpp": ("gemv/serial", {Verdict.wrong_model}),
    "cg_38_iterations": ("cg/serial", {Verdict.wrong_answer}),  # made below from the baseline
}
# Attacks that still succeed: each has a strict xfail below, which fails the day its defence lands.
# Attack: sloppy work. The baseline's CG stopped after 38 of the required iterations.
SLOPPY_CG = ("cg_38_iterations", "it < iterations; ++it", "it < iterations * 38 / 50; ++it")


def small_pack(root: Path) -> Pack:
    target = root / "hpc"
    shutil.copytree(REPO / "tasks" / "packs" / "hpc", target)
    spec = yaml.safe_load((target / "pack.yaml").read_text())
    spec["defaults"]["timing"] = {"warmup": 1, "min_reps": 3, "max_reps": 4, "budget_s": 0.5}
    (target / "pack.yaml").write_text(yaml.safe_dump(spec))
    for problem, size in SMALL_TIME_SIZES.items():
        path = target / "problems" / problem / "problem.yaml"
        data = yaml.safe_load(path.read_text())
        data["sizes"]["time"] = size
        path.write_text(yaml.safe_dump(data))
    return load_pack(target)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    return small_pack(tmp_path_factory.mktemp("packs"))


@pytest.fixture(scope="module", params=["local", "docker"])
def box(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    sandbox = backend_sandbox(request.param)
    yield sandbox
    sandbox.close()


def attack_source(name: str, drop_name: str) -> str:
    if name == SLOPPY_CG[0]:
        baseline = (REPO / "tasks" / "packs" / "hpc" / "problems" / "cg" / "baseline.cpp").read_text()
        assert baseline.count(SLOPPY_CG[1]) == 1
        return baseline.replace(SLOPPY_CG[1], SLOPPY_CG[2])
    text = (ATTACKS / name).read_text()
    if name.endswith(".j2"):  # the host path of the real reference, where a thief would look for it
        reference = REPO / "tasks" / "packs" / "hpc" / "problems" / "axpy" / "reference" / "serial.cpp"
        text = text.replace("{{ reference_path }}", str(reference)).replace("{{ drop_name }}", drop_name)
    return text


def test_every_attack_file_has_a_case():
    own_test = {"trusted_swap.cpp"}  # judged by its measured speedup, in its own test below
    assert sorted(p.name for p in ATTACKS.iterdir()) == sorted(
        [name for name in CASES if name != SLOPPY_CG[0]] + list(own_test))


def test_every_attack_gets_the_verdict_it_deserves(pack: Pack, box: Sandbox):
    tasks = {task.task_id: task for task in pack.tasks}
    drop_name = f"hpceval-theft-{secrets.token_hex(4)}"

    def run(name: str) -> Outcome:
        task_id, _ = CASES[name]
        return evaluate(box, pack, tasks[f"hpc/{task_id}/generate"], attack_source(name, drop_name))

    names = list(CASES)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(names, pool.map(run, names), strict=True))
    wrong = {
        name: f"{evaluation.verdict}: {evaluation.message[:300]}"
        for name, evaluation in results.items()
        if evaluation.verdict not in CASES[name][1]
    }
    assert not wrong, wrong
    for name, evaluation in results.items():
        if evaluation.verdict != Verdict.ok:
            assert evaluation.measurement is None or evaluation.measurement.speedup is None, name
    probe = results["secret_probe.cpp"].measurement
    assert isinstance(probe, KernelMeasurement)
    assert probe.speedup is not None and probe.speedup < 3, "an honest serial axpy earns about 1x"
    assert probe.handshake_us is not None and 0 < probe.handshake_us < 5000
    assert not Path("/tmp", drop_name).exists(), "a job wrote into the host's /tmp"


def test_a_candidate_cannot_replace_the_trusted_driver_between_steps(pack: Pack, box: Sandbox):
    task = next(t for t in pack.tasks if t.task_id == "hpc/axpy/serial/generate")
    evaluation = evaluate(box, pack, task, attack_source("trusted_swap.cpp", "unused"))
    # The swap finds nothing to swap, so what is left is an honest serial axpy: ok at about 1x, never the forged 100x.
    assert evaluation.verdict == Verdict.ok, (evaluation.verdict, evaluation.message)
    assert isinstance(evaluation.measurement, KernelMeasurement)
    assert evaluation.measurement.speedup is not None and evaluation.measurement.speedup < 3


def test_the_timing_lines_come_from_the_trusted_driver_only(pack: Pack, box: Sandbox):
    """The worker's stdout never reaches the stdout the verdict is read from: one keyed line per step."""
    task = next(t for t in pack.tasks if t.task_id == "hpc/axpy/serial/generate")
    evaluation = evaluate(box, pack, task, attack_source("secret_probe.cpp", "unused"))
    assert evaluation.verdict == Verdict.ok, evaluation.message
    for section in evaluation.log.split("=== ")[1:]:
        step, _, body = section.partition(":")
        if step in ("check", "time"):
            stdout = body.split("--- stdout\n", 1)[1].split("--- stderr", 1)[0]
            assert [line.split()[0] for line in stdout.strip().splitlines()] == ["HPCEVAL_RESULT"], stdout
            assert "HPCEVAL_RESULT {" in body.split("--- stderr", 1)[1], "the probe's forged line went to stderr"
