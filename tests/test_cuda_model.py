"""The cuda execution model (issue 14): real nvcc builds of the hpc pack's CUDA code, the symbol policy of
nvcc's objects, the source check that a cuda answer runs on the GPU, and `skipped_no_gpu`: a GPU task built on a
host without a GPU is neither passed nor failed, and is scored apart.

This machine has nvcc but no GPU, so what runs here ends at the GPU probe; nothing of it is mocked but the
sandbox results of `test_only_the_probe_can_skip`, whose steps are written out to show that no step but the pack's
own probe can turn an answer into `skipped_no_gpu`. On a GPU host the same tests expect the checks to run."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hpceval.agents.loops import CoderLoop, Feedback, Transcript
from hpceval.harness.evaluate import evaluate
from hpceval.harness.validate import Check
from hpceval.sandbox.base import JobResult, Sandbox, StepKind, StepResult, Verdict, sealed
from hpceval.tasks.discovery import load_packs
from hpceval.tasks.kinds.kernel.interpret import interpret
from hpceval.tasks.kinds.kernel.jobs import StepRole, make_job
from hpceval.tasks.loader import Pack
from tests.conftest import hpceval, path_without_mpi
from tests.docker_support import backend_sandbox, require_docker

REPO = Path(__file__).resolve().parents[1]
ATTACKS = Path(__file__).with_name("integrity_cuda")
HAS_GPU = Path("/dev/nvidiactl").exists()

# attack file -> the verdicts it may end with (on gemv's cuda task)
CASES: dict[str, set[Verdict]] = {
    "host_in_cuda.cpp": {Verdict.wrong_model},  # without the source check: skipped_no_gpu here, ok on a GPU
    "omp_in_cuda.cpp": {Verdict.wrong_model},
    "ctor_in_cuda.cpp": {Verdict.policy_violation},
    # its startup code calls only what nvcc's registration calls: only the one-entry rule catches it
    "attribute_ctor_in_cuda.cpp": {Verdict.policy_violation},
    # merged into <iostream>'s own initializer: only judging each startup function by what it calls catches it
    "iostream_merged_ctor.cpp": {Verdict.policy_violation},
}
# CUB (with <iostream>, NVTX's weak functions and CCCL's device constants that nvcc registers) is allowed
CUB_GEMV = """
#include <cub/cub.cuh>
#include <vector>

namespace {
__global__ void gemv_rows(const double *A, const double *x, double *y, std::size_t m, std::size_t n) {
    using Reduce = cub::WarpReduce<double>;
    __shared__ typename Reduce::TempStorage storage[8];
    const std::size_t row = static_cast<std::size_t>(blockIdx.x) * 8 + threadIdx.x / 32;
    const unsigned lane = threadIdx.x % 32;
    double sum = 0.0;
    if (row < m)
        for (std::size_t j = lane; j < n; j += 32) sum += A[row * n + j] * x[j];
    const double total = Reduce(storage[threadIdx.x / 32]).Sum(sum);
    if (row < m && lane == 0) y[row] = total;
}
}  // namespace

void gemv(const std::vector<double> &A, const std::vector<double> &x, std::vector<double> &y, size_t m, size_t n) {
    double *dA = nullptr, *dx = nullptr, *dy = nullptr;
    cudaMalloc(&dA, m * n * sizeof(double));
    cudaMalloc(&dx, n * sizeof(double));
    cudaMalloc(&dy, m * sizeof(double));
    cudaMemcpy(dA, A.data(), m * n * sizeof(double), cudaMemcpyHostToDevice);
    cudaMemcpy(dx, x.data(), n * sizeof(double), cudaMemcpyHostToDevice);
    gemv_rows<<<static_cast<unsigned>((m + 7) / 8), 256>>>(dA, dx, dy, m, n);
    cudaMemcpy(y.data(), dy, m * sizeof(double), cudaMemcpyDeviceToHost);
    cudaFree(dA);
    cudaFree(dx);
    cudaFree(dy);
}
"""


def cuda_toolkit() -> str:
    toolkit = os.environ.get("HPCEVAL_CUDA_TOOLKIT", "/usr/local/cuda")
    if shutil.which("nvcc") is None or not Path(toolkit, "bin", "nvcc").exists():
        pytest.skip("the cuda model needs nvcc (the CUDA toolkit in /usr/local/cuda or $HPCEVAL_CUDA_TOOLKIT)")
    return toolkit


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_packs(["hpc"])[0]


@pytest.fixture(scope="module", params=["local", "docker"])
def box(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    toolkit = cuda_toolkit()
    if request.param == "local":
        sandbox = backend_sandbox("local")
    else:  # the CPU image has no CUDA: the host's toolkit is mounted read-only, as --cuda-toolkit does
        require_docker()
        from hpceval.sandbox.docker import DockerSandbox

        sandbox = DockerSandbox(slots=2, cuda_toolkit=toolkit)
    yield sandbox
    sandbox.close()


def task_of(pack: Pack, task_id: str):  # noqa: ANN201 - a Task
    return next(t for t in pack.tasks if t.task_id == task_id)


def test_every_cuda_attack_file_has_a_case():
    assert sorted(p.name for p in ATTACKS.iterdir()) == sorted(CASES)


@pytest.fixture(scope="module")
def local_box() -> Iterator[Sandbox]:
    cuda_toolkit()
    sandbox = backend_sandbox("local")
    yield sandbox
    sandbox.close()


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_cuda_attack_gets_the_verdict_it_deserves(pack: Pack, local_box: Sandbox, name: str):
    """The local backend: the policy and the source check are the same code in docker, whose toolkit mount the
    reference and CUB tests below cover."""
    outcome = evaluate(local_box, pack, task_of(pack, "hpc/gemv/cuda/generate"), (ATTACKS / name).read_text())
    assert outcome.verdict in CASES[name], (outcome.verdict, outcome.message[:400], outcome.log[-1500:])
    assert outcome.measurement is None or outcome.measurement.speedup is None


def test_the_cuda_reference_builds_and_without_a_gpu_is_skipped_not_failed(pack: Pack, box: Sandbox):
    task = task_of(pack, "hpc/axpy/cuda/generate")
    outcome = evaluate(box, pack, task, pack.evaluator.static_answer(pack, task, "reference"))
    assert outcome.built, outcome.log[-2000:]
    if HAS_GPU:
        assert outcome.verdict == Verdict.ok, (outcome.verdict, outcome.message)
        return
    assert outcome.verdict == Verdict.skipped_no_gpu, (outcome.verdict, outcome.message, outcome.log[-2000:])
    assert "no GPU in the sandbox" in outcome.message
    # the candidate was compiled by nvcc, passed the symbol policy and linked; no check or time step ran
    assert "=== build: ok" in outcome.log and "=== link: ok" in outcome.log and "=== build_worker: ok" in outcome.log
    assert "=== check:" not in outcome.log and "=== time:" not in outcome.log


def test_an_answer_using_cub_builds_and_passes_the_symbol_policy(pack: Pack, box: Sandbox):
    outcome = evaluate(box, pack, task_of(pack, "hpc/gemv/cuda/generate"), CUB_GEMV)
    assert outcome.built, outcome.log[-3000:]
    assert outcome.verdict == (Verdict.ok if HAS_GPU else Verdict.skipped_no_gpu), (outcome.verdict, outcome.message)


def _result(*steps: tuple[str, Verdict, int, str]) -> JobResult:
    done = [StepResult(name=name, kind=StepKind.build if name.startswith(("build", "policy", "link")) else StepKind.run,
                       verdict=verdict, exit_code=code, stdout=out) for name, verdict, code, out in steps]
    return JobResult(verdict=next((s.verdict for s in done if s.verdict != Verdict.ok), Verdict.ok), steps=done)


def test_only_the_probe_can_skip(pack: Pack):
    """The job's steps are the pack's probe, then the candidate's check: exit status 2 means "no GPU" from the
    probe alone (it runs before any code of the candidate's); the same status from the check is the candidate's
    failure. (The step results are written out here: no GPU-less check step can be produced for real.)"""
    job = make_job(pack, task_of(pack, "hpc/axpy/cuda/generate"), "// any answer\n")
    names = [step.name for step in job.job.steps]
    assert names.index(StepRole.gpu_probe) < names.index(StepRole.check)
    probe = next(step for step in job.job.steps if step.name == StepRole.gpu_probe)
    assert probe.argv == [sealed("gpu_probe")]  # the pack build, out of the candidate's reach
    built = [(role.value, Verdict.ok, 0, "") for role in (StepRole.build_trusted, StepRole.build_stub,
                                                          StepRole.build_gpu_probe, StepRole.build, StepRole.policy,
                                                          StepRole.link, StepRole.build_worker)]
    none = _result(*built, (StepRole.gpu_probe.value, Verdict.runtime_error, 2, "HPCEVAL_GPU none: no CUDA device\n"))
    assert interpret(none, job.result_key).verdict == Verdict.skipped_no_gpu
    broken = _result(*built, (StepRole.gpu_probe.value, Verdict.runtime_error, 3, "HPCEVAL_GPU unusable: sm_70\n"))
    assert interpret(broken, job.result_key).verdict == Verdict.infra_error
    forged = _result(*built, (StepRole.gpu_probe.value, Verdict.ok, 0, "HPCEVAL_GPU H200\n"),
                     (StepRole.check.value, Verdict.runtime_error, 2, "HPCEVAL_GPU none: no CUDA device\n"))
    assert interpret(forged, job.result_key).verdict == Verdict.runtime_error
    cpu_job = make_job(pack, task_of(pack, "hpc/axpy/omp/generate"), "// any answer\n").job
    assert StepRole.gpu_probe not in [step.name for step in cpu_job.steps]  # CPU models need no probe


def test_a_skipped_sample_neither_passes_nor_fails_and_is_scored_apart(tmp_path: Path):
    cuda_toolkit()
    if HAS_GPU:
        pytest.skip("on a GPU host the cuda reference is checked and timed, not skipped")
    out = tmp_path / "run"
    result = hpceval("run", "--suite", "hpc", "--agent", "reference", "--sandbox", "local", "--out", str(out),
                     "--task", "hpc/axpy/cuda/generate", "--task", "hpc/axpy/serial/generate")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"] == {"ok": 1, "skipped_no_gpu": 1}
    assert summary["n_tasks"] == 1 and summary["metrics"]["pass@1"] == 1.0  # the serial task alone
    assert summary["groups"]["verdict=skipped_no_gpu"] == {"n_tasks": 1.0, "build@1": 1.0}
    assert not any("cuda" in name for name in summary["groups"] if name.startswith("execution_model="))
    assert any("skipped_no_gpu" in note for note in summary["notes"])


def test_validate_counts_a_built_but_skipped_reference_as_holding_and_says_so():
    cuda_toolkit()
    result = hpceval("validate", "hpc", "--task", "hpc/axpy/cuda/generate", "--sandbox", "local",
                     "--max-sandboxes", "1")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "3 of 3 checks hold on 1 tasks" in result.stdout
    if not HAS_GPU:
        assert "1 of them built but were skipped_no_gpu" in result.stdout
    # a skipped case expected to fail has proven nothing
    assert not Check("t", "broken", Verdict.skipped_no_gpu, "", expected=None).holds
    assert Check("t", "reference", Verdict.skipped_no_gpu, "", expected=Verdict.ok).holds


def test_a_local_cuda_run_without_nvcc_stops_with_the_fix(tmp_path: Path):
    result = hpceval("run", "--suite", "hpc", "--agent", "reference", "--sandbox", "local", "--out",
                     str(tmp_path / "run"), "--task", "hpc/axpy/cuda/generate",
                     env={"PATH": path_without_mpi(tmp_path)})
    assert result.returncode == 2, result.stderr[-2000:]
    assert "nvcc not found but hpc/axpy/cuda/generate needs it" in result.stderr
    assert "CUDA toolkit" in result.stderr and "--task" in result.stderr


@pytest.mark.parametrize("command", ["run", "validate"])
def test_cuda_tasks_in_the_cpu_image_without_a_toolkit_stop_with_the_fix(tmp_path: Path, command: str):
    """A retry could never build them: say so before any job, not as an infra_error per sample."""
    args = ["--out", str(tmp_path / "run"), "--suite", "hpc"] if command == "run" else ["hpc"]
    result = hpceval(command, *args, "--sandbox", "docker", "--task", "hpc/axpy/cuda/generate",
                     env={"HPCEVAL_CUDA_TOOLKIT": ""})
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
    assert "hpc/axpy/cuda/generate needs nvcc, which the CPU image lacks" in result.stderr
    assert "--cuda-toolkit /usr/local/cuda" in result.stderr


class _NoJudge:
    def call(self, *args: object) -> None:
        raise AssertionError("the judge is not asked about an answer that nothing checked")


def test_a_coder_judge_loop_stops_at_a_skipped_round():
    loop = CoderLoop("coder-judge", 3, coder=_NoJudge(), judge=_NoJudge())  # type: ignore[arg-type]
    transcript = Transcript(loop="coder-judge", round=0, coder=[])
    reviewed, usage = loop.review(transcript, None, "code", Feedback(verdict="skipped_no_gpu"), 0)  # type: ignore[arg-type]
    assert reviewed.done and reviewed.next_message is None and usage.calls == 0
