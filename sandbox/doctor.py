"""`hpceval sandbox doctor`: what works on this host, and the exact fix for what does not."""

from __future__ import annotations

import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hpceval.sandbox.base import SandboxError, Verdict


@dataclass
class Finding:
    check: str
    ok: bool
    detail: str
    fix: str = ""
    essential: bool = False  # the docker sandbox cannot run without it

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return None


def host_findings() -> list[Finding]:
    """Facts of this host that need no daemon: user namespaces, perf, the offline build's tools. With a remote
    DOCKER_HOST they are this machine's (where hpceval runs and an offline build debootstraps), so they say so."""
    from hpceval.sandbox.docker_host import docker_host, is_remote

    findings = _host_findings()
    if is_remote(docker_host()):
        for finding in findings:
            finding.check += " (this machine)"
    return findings


def _host_findings() -> list[Finding]:
    findings: list[Finding] = []
    max_userns = _read("/proc/sys/user/max_user_namespaces")
    findings.append(Finding(
        "user namespaces", max_userns not in (None, "0"), f"max_user_namespaces={max_userns}",
        "" if max_userns not in (None, "0") else "sysctl -w user.max_user_namespaces=15000 (for rootless Docker)",
    ))
    paranoid = _read("/proc/sys/kernel/perf_event_paranoid")
    perf_ok = paranoid is not None and int(paranoid) <= 2
    findings.append(Finding(
        "perf counters (host)", perf_ok, f"perf_event_paranoid={paranoid}",
        "" if perf_ok else "sysctl -w kernel.perf_event_paranoid=2 (counters for unprivileged processes)",
    ))
    findings.append(local_isolation())
    have = shutil.which("debootstrap") is not None
    findings.append(Finding(
        "offline image build", have, "debootstrap found" if have else "debootstrap missing",
        "" if have else "apt-get install debootstrap (for hpceval sandbox build --offline)",
    ))
    return findings


def local_isolation() -> Finding:
    """What a real local job got (not what it was asked for): namespaces, its own root, a dropped uid."""
    from hpceval.sandbox.local import LocalSandbox

    box = LocalSandbox(slots=1)
    try:
        got = box.isolation_report()
    finally:
        box.close()
    wanted = ("netns", "pidns", "mountns", "ipcns", "private_root", "uid_drop")
    have = [name for name in wanted if got.get(name)]
    ok = len(have) == len(wanted)
    detail = (f"a job got {', '.join(have) or 'no isolation'}"
              + (f"; not {', '.join(n for n in wanted if n not in have)}" if len(have) < len(wanted) else "")
              + "; always rlimits, timeouts, a cpuset, a scrubbed environment")
    if os.geteuid() != 0:
        fix = "run hpceval as root (or use --sandbox docker) for namespaces, a private root and uid separation"
    elif not ok:
        fix = ("the kernel refused the namespaces (an unprivileged container?): run with CAP_SYS_ADMIN or use "
               "--sandbox docker")
    else:
        fix = ""
    return Finding("local sandbox isolation", ok, detail, fix)


def docker_findings(image: str | None) -> list[Finding]:
    from hpceval.sandbox.docker import DockerSandbox
    from hpceval.sandbox.docker_host import connect, docker_host, is_remote
    from hpceval.sandbox.images import resolve_image

    findings: list[Finding] = []
    where = docker_host()
    remote = is_remote(where)
    try:
        client = connect(timeout_s=10)
    except SandboxError as exc:
        detail, _, fix = str(exc).partition("; ")
        return [Finding("docker daemon", False, detail,
                        fix if remote else "apt-get install docker.io && dockerd & (or systemctl start docker); "
                        "or set DOCKER_HOST", essential=True)]
    info: dict[str, Any] = client.info()
    findings.append(Finding("docker daemon", True, f"{where} (host {info.get('Name')}): Docker "
                            f"{client.version().get('Version')}, {info.get('NCPU')} CPUs, "
                            f"cgroup v{info.get('CgroupVersion')}", essential=True))
    security = " ".join(info.get("SecurityOptions") or [])
    findings.append(Finding("docker user namespaces", "userns" in security or "rootless" in security,
                            "daemon remaps container root" if "userns" in security else "container root is host uid 0 "
                            "(jobs still run as an unprivileged uid with no capabilities)",
                            "" if "userns" in security else "optional: dockerd --userns-remap=default"))
    runtimes = sorted((info.get("Runtimes") or {}).keys())
    has_gpu_runtime = "nvidia" in runtimes or (not remote and shutil.which("nvidia-container-cli") is not None)
    findings.append(Finding("GPUs", has_gpu_runtime, f"runtimes: {', '.join(runtimes)}",
                            "" if has_gpu_runtime else "on GPU hosts install the NVIDIA container toolkit, then "
                            "hpceval run --sandbox docker --image cuda --gpus all"))
    ref = resolve_image(image)
    import docker.errors

    try:
        found = client.images.get(ref)
    except docker.errors.ImageNotFound:
        findings.append(Finding("image", False, f"{ref} is not built" + (f" on {where}" if remote else ""),
                                "hpceval sandbox build (no registry: hpceval sandbox build --offline)"
                                + (", with this DOCKER_HOST: it builds there" if remote else ""), essential=True))
        return findings
    findings.append(Finding("image", True, f"{ref} ({found.id[:19]})", essential=True))
    try:
        box = DockerSandbox(slots=1, image=image, client=client)
    except SandboxError as exc:
        findings.append(Finding("sandbox job", False, str(exc), essential=True))
        return findings
    try:
        step = box.probe(["sh", "-c", "id -u; cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | sort | "
                                      "tr '\\n' ' '; echo; touch /etc/x 2>/dev/null && echo rw-root || echo ro-root"])
        lines = step.stdout.splitlines()
        ok = step.verdict == Verdict.ok and len(lines) == 3 and lines[0] != "0" and lines[1].split() == ["lo"] \
            and lines[2] == "ro-root"
        findings.append(Finding("sandbox job", ok,
                                f"uid {lines[0] if lines else '?'}, interfaces: {lines[1] if len(lines) > 1 else '?'}, "
                                f"{lines[2] if len(lines) > 2 else step.message}",
                                "" if ok else "the container is not isolated as expected; report docker info",
                                essential=True))
        facts = box.fingerprint()
        findings.append(Finding("perf counters (container)", bool(facts.get("perf_counters")),
                                "perf stat works in the sandbox" if facts.get("perf_counters") else
                                "perf_event_open is refused in the container",
                                "" if facts.get("perf_counters") else "hardware counters need a PMU (bare metal, or "
                                "a VM with a virtual PMU), perf_event_paranoid <= 2, and a seccomp profile allowing "
                                "perf_event_open; without them judges see no counters"))
    finally:
        box.close()
    return findings
