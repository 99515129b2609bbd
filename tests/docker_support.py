"""Whether the Docker tests can run here. In CI (`HPCEVAL_REQUIRE_DOCKER=1`, set by `.ci/run`) a missing
daemon or image fails the tests loudly instead of skipping them."""

from __future__ import annotations

import os
from functools import cache

import pytest

from sandbox.base import Sandbox


@cache
def docker_unavailable() -> str | None:
    from harness.sandboxes import docker_ready

    return docker_ready(None)


def backend_sandbox(backend: str, slots: int = 2) -> Sandbox:
    """A real sandbox of `backend` ("local": only as root, where it isolates a job; "docker": see below)."""
    if backend == "local":
        if os.geteuid() != 0:
            pytest.skip("the local sandbox isolates a job (namespaces, its own root, a uid) only as root")
        from sandbox.local import LocalSandbox

        return LocalSandbox(slots=slots)
    require_docker()
    from sandbox.docker import DockerSandbox

    return DockerSandbox(slots=slots)


def require_docker() -> None:
    reason = docker_unavailable()
    if reason is None:
        return
    if os.environ.get("HPCEVAL_REQUIRE_DOCKER") == "1":
        pytest.fail(f"HPCEVAL_REQUIRE_DOCKER=1 but {reason}")
    pytest.skip(reason)
