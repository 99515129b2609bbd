"""DOCKER_HOST=ssh://user@host:port for real: Debian's openssh-server (`sshd -D`) on 127.0.0.1 with a config, host
key and client key made here, in front of this machine's Docker daemon, reached the way a remote one is (the docker
SDK's paramiko transport, which runs `docker system dial-stdio` over ssh). The client side sees only a HOME of the
test's own (its .ssh holds the key and known_hosts): the real ~/.ssh is never read or touched. A task runs through
the CLI and its fingerprint names the ssh host; the warm pool, files in and out, replacement, cleanup, the doctor and
the errors a user can cause are checked over the same connection."""

from __future__ import annotations

import getpass
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hpceval.sandbox.base import Job, Limits, SandboxError, Step, Verdict
from tests.conftest import hpceval, read_jsonl
from tests.docker_support import require_docker

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


@dataclass(frozen=True)
class SshHost:
    url: str  # ssh://user@127.0.0.1:PORT
    home: Path  # HOME of the client side: .ssh/id_ed25519 and .ssh/known_hosts
    env: dict[str, str]  # what a client process needs: DOCKER_HOST, HOME, its own cache dir


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _missing(reason: str) -> None:
    """sshd is part of `scripts/setup.sh --dev`: CI (HPCEVAL_REQUIRE_DOCKER=1) fails without it, others skip."""
    if os.environ.get("HPCEVAL_REQUIRE_DOCKER") == "1":
        pytest.fail(f"HPCEVAL_REQUIRE_DOCKER=1 but {reason}")
    pytest.skip(reason)


def _keygen(path: Path) -> str:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "hpceval-test", "-f", str(path)],
                   check=True, capture_output=True)
    return " ".join(path.with_name(path.name + ".pub").read_text().split()[:2])


def _start_sshd(config: Path, log: Path, port: int) -> subprocess.Popen[bytes] | None:
    """sshd in the foreground; None when the port was taken meanwhile."""
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            if "Address already in use" in log.read_text(errors="replace"):
                return None
            pytest.fail(f"sshd exited ({proc.returncode}): {log.read_text(errors='replace')[-500:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    pytest.fail(f"sshd did not listen on 127.0.0.1:{port} within 10 s: {log.read_text(errors='replace')[-500:]}")


@pytest.fixture(scope="module")
def ssh_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshHost]:
    require_docker()  # the daemon behind sshd, and the image
    if not Path(SSHD).exists() or shutil.which("ssh-keygen") is None:
        _missing("no sshd or ssh-keygen here (apt-get install openssh-server openssh-client; scripts/setup.sh --dev)")
    if os.geteuid() != 0 and not Path("/run/sshd").is_dir():
        _missing("sshd needs its privilege separation dir /run/sshd, which only root can make")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # what Debian's ssh.service makes at boot
    root = tmp_path_factory.mktemp("ssh")
    host_key = root / "host_key"
    host_public = _keygen(host_key)
    home = root / "home"
    (home / ".ssh").mkdir(parents=True, mode=0o700)
    client_public = _keygen(home / ".ssh" / "id_ed25519")  # found by paramiko like a user's own default key
    authorized = root / "authorized_keys"
    authorized.write_text(client_public + "\n")
    authorized.chmod(0o600)
    user = getpass.getuser()
    for _ in range(3):
        port = _free_port()
        config = root / "sshd_config"
        config.write_text("\n".join([
            f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {host_key}", f"AuthorizedKeysFile {authorized}",
            "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password", "UsePAM no", "StrictModes no", "PidFile none",
            f"AllowUsers {user}", "LogLevel VERBOSE", "",
        ]))
        (home / ".ssh" / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_public}\n")
        proc = _start_sshd(config, root / "sshd.log", port)
        if proc is not None:
            break
    else:
        pytest.fail("no free port for sshd after 3 tries")
    url = f"ssh://{user}@127.0.0.1:{port}"
    cache = root / "cache"
    try:
        yield SshHost(url=url, home=home, env={"DOCKER_HOST": url, "HOME": str(home), "HPCEVAL_CACHE_DIR": str(cache),
                                                   "SSH_AUTH_SOCK": ""})  # no agent: only the key made here
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def over_ssh(ssh_host: SshHost, monkeypatch: pytest.MonkeyPatch) -> SshHost:
    """This process talks to the daemon through the ssh host."""
    for name, value in ssh_host.env.items():
        monkeypatch.setenv(name, value)
    return ssh_host


def local_daemon() -> dict[str, object]:
    """`docker info` of the daemon behind sshd, asked over its unix socket."""
    import docker

    client = docker.DockerClient(base_url="unix:///var/run/docker.sock")
    try:
        return dict(client.info())
    finally:
        client.close()


def session_containers(client: object, session: str) -> list[object]:
    from hpceval.sandbox.docker_host import LABEL_SESSION

    return client.containers.list(all=True, filters={"label": f"{LABEL_SESSION}={session}"})  # type: ignore[attr-defined]


def test_a_task_runs_through_ssh_and_its_fingerprint_names_the_remote_host(ssh_host, tmp_path):
    out = tmp_path / "run"
    result = hpceval("run", "--sandbox", "docker", "--task", "hpc/axpy/serial/generate", "--agent", "reference",
                     "--out", str(out), env=ssh_host.env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert [a["verdict"] for a in read_jsonl(out / "attempts.jsonl")] == ["ok"]
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["config"]["sandbox"] == "docker"
    fingerprint = manifest["fingerprint"]
    daemon = local_daemon()  # the daemon behind sshd: what the fingerprint must describe
    assert fingerprint["docker_host"] == ssh_host.url and not fingerprint["docker_host"].startswith("unix://")
    assert fingerprint["docker_host_name"] == daemon["Name"]
    assert fingerprint["cpu_count"] == daemon["NCPU"] and fingerprint["memory_bytes"] == daemon["MemTotal"]
    assert fingerprint["kernel"] == daemon["KernelVersion"]
    assert fingerprint["cpu_model"] and fingerprint["gcc"]  # probed in a container on that host
    assert json.loads((out / "summary.json").read_text())["metrics"]["pass@1"] == 1.0


def test_the_warm_pool_files_and_replacement_work_over_ssh(over_ssh):
    from hpceval.sandbox.docker import DockerSandbox

    box = DockerSandbox(slots=2)
    client = box.client
    try:
        assert box.remote and type(client.api._custom_adapter).__name__ == "SSHHTTPAdapter"
        assert box.fingerprint()["docker_host"] == over_ssh.url
        # files in (the job's), a result out (the step's stdout), and a kept build out and back in (put)
        payload = "".join(f"line {i}\n" for i in range(20000))  # ~200 KB through the attached stream
        build = Step(name="build", kind="build", argv=["sh", "-c", "sha256sum in.txt > digest; chmod +x digest"],
                     cache_key="digest-of-in", keep=["digest"])
        show = Step(name="show", argv=["sh", "-c", "cat digest; wc -l < in.txt; ls -l digest | cut -c1-10"])
        first = box.run(Job(files={"in.txt": payload}, steps=[build, show]))
        assert first.verdict == Verdict.ok, first.steps[-1].message
        digest, lines, mode = first.steps[1].stdout.splitlines()
        assert lines == "20000" and mode == "-rwxr-xr-x"
        again = box.run(Job(files={"in.txt": payload}, steps=[build, show]))
        assert again.steps[0].message.startswith("cached") and again.steps[1].stdout.splitlines()[0] == digest
        # the warm pool: a clean job reuses its container, a dirty one is replaced, two slots run at once
        kept = {slot: b.id for slot, b in box._boxes.items()}
        assert kept and box.run(Job(files={}, steps=[Step(name="s", argv=["true"])])).verdict == Verdict.ok
        assert {slot: b.id for slot, b in box._boxes.items()} == kept
        spans: list[list[float]] = []  # each job's start and end, by the (shared) clock of the daemon's host

        def sleeper() -> None:
            step = Step(name="s", argv=["sh", "-c", "date +%s.%N; sleep 1; date +%s.%N"])
            spans.append([float(t) for t in box.run(Job(files={}, steps=[step])).steps[0].stdout.split()])

        threads = [threading.Thread(target=sleeper) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(spans) == 2 and max(s[0] for s in spans) < min(s[1] for s in spans), "the slots did not overlap"
        assert len(session_containers(client, box.session)) == 2
        timed_out = box.run(Job(files={}, steps=[Step(name="s", argv=["sleep", "30"], limits=Limits(wall_s=1))]))
        assert timed_out.verdict == Verdict.timeout
        assert len(box._boxes) == 1  # the timed-out container was retired
    finally:
        box.close()
    deadline = time.monotonic() + 15
    while session_containers(client, box.session) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert session_containers(client, box.session) == []
    client.close()


def test_cleanup_doctor_and_errors_over_ssh(over_ssh, tmp_path, monkeypatch):
    from hpceval.sandbox.docker_host import LABEL_HOST, LABEL_PID, LABEL_SANDBOX, LABEL_SESSION, connect
    from hpceval.sandbox.images import resolve_image

    client = connect()
    dead = subprocess.Popen(["true"])
    dead.wait()
    labels = {LABEL_SANDBOX: "1", LABEL_SESSION: "ssh-straggler", LABEL_HOST: socket.gethostname(),
              LABEL_PID: str(dead.pid)}
    straggler = client.containers.create(resolve_image(None), ["sleep", "600"], labels=labels)
    cleaned = hpceval("sandbox", "cleanup", env=over_ssh.env)
    assert cleaned.returncode == 0, cleaned.stderr
    assert straggler.name in cleaned.stderr and session_containers(client, "ssh-straggler") == []
    client.close()

    doctor = hpceval("sandbox", "doctor", "--json", env=over_ssh.env, timeout=120)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    report = json.loads(doctor.stdout)
    findings = {f["check"]: f for f in report["findings"]}
    assert report["docker_usable"] and findings["sandbox job"]["ok"] and findings["image"]["ok"]
    assert findings["docker daemon"]["detail"].startswith(f"{over_ssh.url} (host {local_daemon()['Name']})")
    assert "user namespaces (this machine)" in findings  # this machine's facts say whose they are

    # a local path cannot be mounted into a remote daemon's containers: one clear line, no traceback
    toolkit = hpceval("run", "--sandbox", "docker", "--cuda-toolkit", str(tmp_path), "--task",
                      "hpc/axpy/serial/generate", "--out", str(tmp_path / "cuda"), env=over_ssh.env)
    assert toolkit.returncode == 2 and "cannot see" in toolkit.stderr and "Traceback" not in toolkit.stderr

    # an ssh host whose key is not known here: the fix is named, nothing is accepted blindly
    stranger = tmp_path / "stranger"
    (stranger / ".ssh").mkdir(parents=True)
    shutil.copy(over_ssh.home / ".ssh" / "id_ed25519", stranger / ".ssh" / "id_ed25519")
    unknown = hpceval("run", "--sandbox", "docker", "--task", "hpc/axpy/serial/generate", "--out",
                      str(tmp_path / "unknown"), env={**over_ssh.env, "HOME": str(stranger)})
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert "known_hosts" in unknown.stderr and f"ssh -p {over_ssh.url.rsplit(':', 1)[1]}" in unknown.stderr
    # and one with no key that logs in
    (stranger / ".ssh" / "id_ed25519").unlink()
    shutil.copy(over_ssh.home / ".ssh" / "known_hosts", stranger / ".ssh" / "known_hosts")
    monkeypatch.setenv("HOME", str(stranger))
    with pytest.raises(SandboxError, match="login was refused"):
        connect(timeout_s=10)
