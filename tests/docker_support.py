"""Whether the sandbox tests can run here. In CI (`HPCEVAL_REQUIRE_DOCKER=1`, set by `.ci/run`) a missing
daemon or image, or a local sandbox that the kernel denies its isolation, fails the tests loudly instead of
skipping them."""

from __future__ import annotations

import os
from functools import cache

import pytest

from hpceval.sandbox.base import Sandbox


@cache
def docker_unavailable() -> str | None:
    from hpceval.harness.sandboxes import docker_ready

    return docker_ready(None)


def backend_sandbox(backend: str, slots: int = 2) -> Sandbox:
    """A real sandbox of `backend`. "local" only where it isolates a job (as root, with the namespaces and its own
    root granted: not in an unprivileged container); "docker" where a daemon and the image are there."""
    if backend == "local":
        if os.geteuid() != 0:
            pytest.skip("the local sandbox isolates a job (namespaces, its own root, a uid) only as root")
        from hpceval.sandbox.local import LocalSandbox

        box = LocalSandbox(slots=slots)
        missing = [name for name, granted in box.isolation_report().items() if not granted]
        if missing:
            box.close()
            reason = f"the kernel denies the local sandbox {', '.join(missing)} (an unprivileged container?)"
            if os.environ.get("HPCEVAL_REQUIRE_DOCKER") == "1":
                pytest.fail(f"HPCEVAL_REQUIRE_DOCKER=1 (CI) but {reason}")
            pytest.skip(reason)
        return box
    require_docker()
    from hpceval.sandbox.docker import DockerSandbox

    return DockerSandbox(slots=slots)


def require_docker() -> None:
    reason = docker_unavailable()
    if reason is None:
        return
    if os.environ.get("HPCEVAL_REQUIRE_DOCKER") == "1":
        pytest.fail(f"HPCEVAL_REQUIRE_DOCKER=1 but {reason}")
    pytest.skip(reason)
