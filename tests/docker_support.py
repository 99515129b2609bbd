"""Whether the Docker tests can run here. In CI (`HPCEVAL_REQUIRE_DOCKER=1`, set by `.ci/run`) a missing
daemon or image fails the tests loudly instead of skipping them."""

from __future__ import annotations

import os
from functools import cache

import pytest


@cache
def docker_unavailable() -> str | None:
    from harness.sandboxes import docker_ready

    return docker_ready(None)


def require_docker() -> None:
    reason = docker_unavailable()
    if reason is None:
        return
    if os.environ.get("HPCEVAL_REQUIRE_DOCKER") == "1":
        pytest.fail(f"HPCEVAL_REQUIRE_DOCKER=1 but {reason}")
    pytest.skip(reason)
