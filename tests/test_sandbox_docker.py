"""The Docker backend for real: warm pool, replacement after dirty jobs, no leaked containers (even after
kill -9 of the harness), infrastructure faults retried then `infra_error`, cgroup limits, the CLI around it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hpceval.sandbox.base import Job, Limits, Step, Verdict
from tests.conftest import REPO, hpceval, read_jsonl
from tests.docker_support import require_docker

pytestmark = pytest.mark.usefixtures("docker_required")


@pytest.fixture(scope="module")
def docker_required() -> None:
    require_docker()


@pytest.fixture
def client() -> Iterator[object]:
    from hpceval.sandbox.docker_host import connect

    docker_client = connect()
    yield docker_client
    docker_client.close()


def session_containers(client: object, session: str) -> list[object]:
    from hpceval.sandbox.docker_host import LABEL_SESSION

    return client.containers.list(all=True, filters={"label": f"{LABEL_SESSION}={session}"})  # type: ignore[attr-defined]


def job(script: str, **limits: float) -> Job:
    return Job(files={"in.txt": "x\n"}, steps=[Step(name="s", argv=["sh", "-c", script], limits=Limits(**limits))])


def wait_until(predicate, timeout_s: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def test_warm_pool_reuses_a_container_and_replaces_a_dirty_one(client):
    from hpceval.sandbox.docker import DockerSandbox

    box = DockerSandbox(slots=1, client=client)
    try:
        assert box.run(job("echo one")).verdict == Verdict.ok
        first = box._boxes[0].id
        assert box.run(job("echo two > /tmp/left-behind")).verdict == Verdict.ok  # a file outside the work dir
        assert 0 not in box._boxes  # ... so the container was replaced
        assert box.run(job("ls /tmp; cat in.txt")).steps[0].stdout == "x\n"  # the new one starts clean
        second = box._boxes[0].id
        assert second != first
        assert box.run(job("true")).verdict == Verdict.ok and box._boxes[0].id == second  # clean jobs reuse it
        assert box.run(job("sleep 30", wall_s=1)).verdict == Verdict.timeout
        assert 0 not in box._boxes
        assert len(session_containers(client, box.session)) <= 1
    finally:
        box.close()
    assert wait_until(lambda: session_containers(client, box.session) == [])


def test_cgroup_memory_limit_catches_what_per_process_limits_miss(client):
    from hpceval.sandbox.docker import HEADROOM_MB, DockerSandbox

    box = DockerSandbox(slots=1, client=client)
    try:
        # four processes of 300 MB each stay under the 400 MB per-process limit but not under the job's cgroup
        script = ("for i in 1 2 3 4; do python3 -c 'import time; x = bytearray(300 << 20); x[::4096] = b\"y\" * "
                  "len(x[::4096]); time.sleep(5)' & done; wait")
        result = box.run(job(script, memory_mb=400, wall_s=30))
        assert 4 * 300 > 400 + HEADROOM_MB
        assert result.verdict == Verdict.memory_limit, result.steps[0]
        assert box.run(job("cat in.txt")).verdict == Verdict.ok
    finally:
        box.close()


def test_a_container_killed_mid_job_is_retried_once(client):
    from hpceval.sandbox.docker import DockerSandbox

    box = DockerSandbox(slots=1, client=client)
    try:
        box.run(job("true"))
        victim = box._boxes[0].id
        threading.Timer(1.0, lambda: client.api.kill(victim)).start()  # type: ignore[attr-defined]
        result = box.run(job("sleep 2; echo finished"))
        assert result.verdict == Verdict.ok and result.steps[0].stdout == "finished\n"
        assert box._boxes[0].id != victim
    finally:
        box.close()


def test_a_container_that_keeps_dying_is_an_infra_error(client):
    from hpceval.sandbox.docker import DockerSandbox

    box = DockerSandbox(slots=1, client=client)
    stop = threading.Event()

    def killer() -> None:
        while not stop.is_set():
            for container in session_containers(client, box.session):
                try:
                    container.kill()  # type: ignore[attr-defined]
                except Exception:  # noqa: BLE001 - it may be gone already
                    pass
            time.sleep(0.2)

    thread = threading.Thread(target=killer)
    thread.start()
    try:
        result = box.run(job("sleep 3; echo never"))
        assert result.verdict == Verdict.infra_error
        assert "docker sandbox failed" in result.steps[0].message
    finally:
        stop.set()
        thread.join()
        box.close()


def test_kill_minus_9_of_the_harness_leaks_no_container(client):
    script = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from sandbox.docker import DockerSandbox\n"
        "from sandbox.base import Job, Step\n"
        "box = DockerSandbox(slots=1)\n"
        "print(box.session, flush=True)\n"
        "box.run(Job(files={}, steps=[Step(name='s', argv=['true'])]))\n"
        "print('ready', flush=True)\n"
        "box.run(Job(files={}, steps=[Step(name='s', argv=['sleep', '300'])]))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    session = proc.stdout.readline().strip()
    assert proc.stdout.readline().strip() == "ready"
    assert wait_until(lambda: len(session_containers(client, session)) == 1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert wait_until(lambda: session_containers(client, session) == [], timeout_s=20)


def test_cleanup_removes_stragglers_of_dead_runs(client):
    import socket

    from hpceval.sandbox.docker_host import LABEL_HOST, LABEL_PID, LABEL_SANDBOX, LABEL_SESSION
    from hpceval.sandbox.images import resolve_image

    dead = subprocess.Popen(["true"])
    dead.wait()
    labels = {LABEL_SANDBOX: "1", LABEL_SESSION: "straggler", LABEL_HOST: socket.gethostname(),
              LABEL_PID: str(dead.pid)}
    container = client.containers.create(resolve_image(None), ["sleep", "600"], labels=labels)  # type: ignore[attr-defined]
    result = hpceval("sandbox", "cleanup")
    assert result.returncode == 0, result.stderr
    assert container.name in result.stderr
    assert session_containers(client, "straggler") == []
    container = client.containers.create(resolve_image(None), ["sleep", "600"], labels=labels)  # type: ignore[attr-defined]
    from hpceval.sandbox.docker import DockerSandbox

    box = DockerSandbox(slots=1, client=client)  # a new sandbox sweeps what dead runs left
    box.close()
    assert container.name in box.swept and session_containers(client, "straggler") == []


def test_cli_errors_name_the_fix_when_docker_cannot_run(tmp_path):
    no_daemon = hpceval("run", "--sandbox", "docker", "--task", "hpc/axpy/serial/generate", "--out",
                        str(tmp_path / "a"),
                        env={"DOCKER_HOST": f"unix://{tmp_path}/no.sock"})
    assert no_daemon.returncode == 2
    assert no_daemon.stderr.startswith("error: no Docker daemon answers")
    assert "dockerd" in no_daemon.stderr and "Traceback" not in no_daemon.stderr
    no_image = hpceval("run", "--sandbox", "docker", "--image", "hpceval-cpu:missing", "--task",
                       "hpc/axpy/serial/generate",
                       "--out", str(tmp_path / "b"))
    assert no_image.returncode == 2
    assert "hpceval sandbox build" in no_image.stderr and "Traceback" not in no_image.stderr
    fallback = hpceval("run", "--task", "hpc/axpy/serial/generate", "--out", str(tmp_path / "c"),
                       env={"DOCKER_HOST": f"unix://{tmp_path}/no.sock"})
    assert fallback.returncode == 0, fallback.stderr
    assert "using the local sandbox" in fallback.stderr
    assert json.loads((tmp_path / "c" / "run.json").read_text())["config"]["sandbox"] == "local"


def test_doctor_says_docker_works():
    result = hpceval("sandbox", "doctor", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["docker_usable"] is True
    checks = {f["check"]: f for f in report["findings"]}
    assert checks["sandbox job"]["ok"] and "interfaces: lo" in checks["sandbox job"]["detail"]


HOSTILE = {
    "fork_bomb": "#include <unistd.h>\n#include <vector>\nvoid axpy(double a, const std::vector<double> &x, "
                 "std::vector<double> &y) { for (;;) fork(); }",
    "flood": "#include <cstdio>\n#include <vector>\nvoid axpy(double a, const std::vector<double> &x, "
             "std::vector<double> &y) { for (;;) std::fputs(\"flood flood flood flood\\n\", stdout); }",
    "secrets": "#include <cstdlib>\n#include <cstdio>\n#include <vector>\nvoid axpy(double a, "
               "const std::vector<double> &x, std::vector<double> &y) { std::system(\"env; cat /proc/1/environ\"); "
               "for (std::size_t i = 0; i < y.size(); ++i) y[i] += a * x[i]; }",
    "correct": "#include <vector>\nvoid axpy(double a, const std::vector<double> &x, std::vector<double> &y) "
               "{ for (std::size_t i = 0; i < y.size(); ++i) y[i] += a * x[i]; }",
}


def test_hostile_samples_in_a_docker_run_leave_the_rest_scored(tmp_path):
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": "hpc/axpy/serial/generate",
                                           "completion": f"```cpp\n{code}\n```"}) + "\n"
                               for code in HOSTILE.values()))
    out = tmp_path / "run"
    secret = "sk-hostile-test-secret"
    result = hpceval("run", "--sandbox", "docker", "--task", "hpc/axpy/serial/generate", "--agent", f"replay:{samples}",
                     "-n", "4", "--timeout", "20", "--out", str(out), env={"OPENAI_API_KEY": secret})
    assert result.returncode == 0, result.stderr
    verdicts = {a["sample"]: a["verdict"] for a in read_jsonl(out / "attempts.jsonl")}
    assert verdicts[0] in ("runtime_error", "timeout")  # fork bomb
    assert verdicts[1] == "output_limit"
    assert verdicts[2] == "ok" and verdicts[3] == "ok"
    for path in Path(out).rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(errors="replace"), path


def test_reference_run_through_docker_records_the_image(tmp_path):
    out = tmp_path / "run"
    # auto: docker wherever it works; every model but cuda, which the CPU image cannot build without a toolkit
    result = hpceval("run", "--task", "hpc/axpy/[!c]*/generate", "--out", str(out))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["config"]["sandbox"] == "docker"
    fingerprint = manifest["fingerprint"]
    assert fingerprint["image_id"].startswith("sha256:") and fingerprint["gcc"] and fingerprint["mpirun"]
    attempts = read_jsonl(out / "attempts.jsonl")
    assert [a["verdict"] for a in attempts] == ["ok"] * 5  # serial, omp, mpi, mpi+omp, kokkos
    shas = {a["fingerprint_sha"] for a in attempts}
    assert len(shas) == 1
    stored = json.loads(next((out / "artifacts").glob(f"{shas.pop()}*")).read_text())
    assert stored == fingerprint
    summary = json.loads((out / "summary.json").read_text())
    assert summary["metrics"]["pass@1"] == 1.0


CUDA_PROGRAM = """#include <cstdio>
__global__ void scale(float *x, float a, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] *= a; }
int main() {
    float *d = nullptr;
    cudaError_t e = cudaMalloc(&d, 256 * sizeof(float));
    if (e == cudaSuccess) { scale<<<1, 256>>>(d, 2.0f, 256); e = cudaDeviceSynchronize(); }
    std::printf("%s\\n", cudaGetErrorString(e));
    return e != cudaSuccess;
}
"""


@pytest.mark.skipif(not Path("/usr/local/cuda/bin/nvcc").exists(), reason="no CUDA toolkit on this host")
def test_cuda_builds_with_the_hosts_toolkit_mounted_read_only(client):
    """No GPU here (and none in CI): the build is real, the run can only report that no device exists."""
    from hpceval.sandbox.docker import DockerSandbox

    box = DockerSandbox(slots=1, client=client, cuda_toolkit="/usr/local/cuda")
    try:
        steps = [Step(name="build", kind="build", argv=["nvcc", "-O2", "-o", "scale", "scale.cu"],
                      limits=Limits(wall_s=180)),
                 Step(name="readonly", argv=["sh", "-c", "touch /usr/local/cuda/x 2>&1 || echo read-only"]),
                 Step(name="run", argv=["./scale"])]
        result = box.run(Job(files={"scale.cu": CUDA_PROGRAM}, steps=steps))
        build, readonly, run = result.steps
        assert build.verdict == Verdict.ok, build.stderr
        assert readonly.stdout.rstrip().endswith("read-only")
        if run.verdict != Verdict.ok:  # the expected outcome without a GPU
            assert run.verdict == Verdict.runtime_error and "cuda" in run.stdout.lower()  # no driver or device
    finally:
        box.close()


def test_timed_steps_move_onto_the_reserved_timing_cpuset(client):
    from hpceval.sandbox.docker import DockerSandbox

    if (client.info().get("NCPU") or 1) < 2:  # type: ignore[attr-defined]
        pytest.skip("a reserved timing cpuset needs at least 2 CPUs")
    box = DockerSandbox(slots=1, client=client, timing_cpus="1")
    try:
        show = ["sh", "-c", "grep Cpus_allowed_list /proc/self/status | cut -f2"]
        steps = [Step(name="check", argv=show), Step(name="time", argv=show, exclusive=True),
                 Step(name="after", argv=show)]
        result = box.run(Job(files={}, steps=steps, cores=1))
        assert [s.stdout.strip() for s in result.steps] == ["0", "1", "0"]
        assert box.fingerprint()["timing_cpus"] == "1"
    finally:
        box.close()
