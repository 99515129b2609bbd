"""The sandbox's build cache (sandbox/build_cache.py), in both backends for real: a cacheable step runs once per
run and toolchain, later jobs get its files (executable, sealed where the step seals them) without running it, and
nothing a job does after the step reaches a later job. The attack: the candidate's steps overwrite what the cached
step made, in its own job, to poison every job after it."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from hpceval.sandbox.base import Job, Sandbox, Step, StepKind, Verdict, sealed
from tests.docker_support import backend_sandbox

MAKE_TOOL = "printf '#!/bin/sh\\necho made-by-the-pack\\n' > tool && chmod 755 tool && date +%s%N >> count"


@pytest.fixture(scope="module", params=["local", "docker"])
def box(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    sandbox = backend_sandbox(request.param, slots=1)
    yield sandbox
    sandbox.close()


def pack_step(key: str, seal: bool) -> Step:
    return Step(name="build_pack", kind=StepKind.build, argv=["sh", "-c", MAKE_TOOL], cache_key=key, keep=["tool"],
                seal=["tool"] if seal else [])


def job(key: str, seal: bool, attack: bool = False) -> Job:
    tool = sealed("tool") if seal else "./tool"
    steps = [pack_step(key, seal),
             Step(name="count", argv=["sh", "-c", "cat count 2>/dev/null | wc -l"]),
             Step(name="use", argv=[tool])]
    if attack and not seal:  # the candidate's step, after the cached one, overwrites the tool in its job
        steps.append(Step(name="attack", argv=["sh", "-c", "printf '#!/bin/sh\\necho poisoned\\n' > tool"]))
    return Job(files={}, steps=steps)


@pytest.mark.parametrize("seal", [False, True], ids=["plain", "sealed"])
def test_a_cached_build_runs_once_and_cannot_be_poisoned(box: Sandbox, seal: bool):
    key = f"test-build-cache {seal}"
    first = box.run(job(key, seal, attack=True))
    assert first.verdict == Verdict.ok, first.steps
    assert first.step("count").stdout.strip() == "1" and first.step("use").stdout.strip() == "made-by-the-pack"
    for _ in range(2):
        later = box.run(job(key, seal))
        assert later.verdict == Verdict.ok, later.steps
        assert later.step("build_pack").message.startswith("cached")
        assert later.step("count").stdout.strip() == "0", "the cached step ran again"
        assert later.step("use").stdout.strip() == "made-by-the-pack"  # executable, and not the attack's


def test_another_key_builds_again_and_a_failed_build_is_not_kept(box: Sandbox):
    failing = Step(name="build_pack", kind=StepKind.build, argv=["sh", "-c", "exit 1"], cache_key="test-fails",
                   keep=["tool"])
    for _ in range(2):
        result = box.run(Job(files={}, steps=[failing]))
        assert result.verdict == Verdict.build_error and not result.steps[0].message.startswith("cached")
    other = box.run(job("test-build-cache other", seal=False))
    assert other.step("count").stdout.strip() == "1"


@pytest.mark.parametrize("backend", ["local", "docker"])
def test_concurrent_jobs_build_a_step_once_and_a_failed_build_wakes_the_waiter(backend: str):
    """Two jobs that need the same cacheable step at once: one builds it, the other waits and takes its files
    (before, both missed and built it: a quarter of `hpceval validate hpc`'s pack builds). A build that fails
    stores nothing; the job waiting on it then builds the step itself instead of waiting for ever."""
    slow = "sleep 1 && " + MAKE_TOOL
    box = backend_sandbox(backend, slots=2)
    try:
        def slow_job(key: str, script: str) -> Job:
            step = Step(name="build_pack", kind=StepKind.build, argv=["sh", "-c", script], cache_key=key,
                        keep=["tool"])
            return Job(files={}, steps=[step, Step(name="use", argv=["./tool"])])

        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(box.run, [slow_job(f"test-single-flight {backend}", slow)] * 2))
        assert [r.verdict for r in results] == [Verdict.ok, Verdict.ok], results
        cached = sorted(r.step("build_pack").message.startswith("cached") for r in results)
        assert cached == [False, True], "both jobs built the step"
        assert all(r.step("use").stdout.strip() == "made-by-the-pack" for r in results)

        with ThreadPoolExecutor(max_workers=2) as pool:
            failed = list(pool.map(box.run, [slow_job(f"test-single-flight-fails {backend}", "sleep 1; exit 1")] * 2))
        assert [r.verdict for r in failed] == [Verdict.build_error, Verdict.build_error]
        assert not any(r.steps[0].message.startswith("cached") for r in failed)
    finally:
        box.close()
