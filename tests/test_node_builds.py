"""Trusted builds shared by the processes of one node (sandbox/build_cache.py `shared`, issue 17 "the trusted side
of each task is built once per node"): the Ray workers of a node are separate processes, each with its own sandbox,
and before this each built every trusted step again. Real processes, a real Ray cluster, real sandboxes.

The attack: a job writes the node's shared entry (the files every later job of the node takes as the pack's own)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from hpceval.sandbox.base import Job, Step, StepKind, Verdict
from hpceval.sandbox.build_cache import BuildCache, Kept, shared_directory
from tests.conftest import REPO
from tests.docker_support import backend_sandbox

MAKE_TOOL = "printf '#!/bin/sh\\necho made-by-the-pack\\n' > tool && chmod 755 tool"
STEP = Step(name="build_pack", kind=StepKind.build, argv=["true"], cache_key="node-builds", keep=["tool"])

# one process of a node: looks the step up, "builds" it where it missed (a line in builds.log), prints what it got
PROCESS = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from hpceval.sandbox.base import Step, StepKind
    from hpceval.sandbox.build_cache import BuildCache, Kept
    shared, log = Path(sys.argv[1]), Path(sys.argv[2])
    step = Step(name="build_pack", kind=StepKind.build, argv=["true"], cache_key="node-builds", keep=["tool"])
    cache = BuildCache("toolchain", shared=shared)
    found = cache.lookup(step)
    if found is None:
        with log.open("a") as handle:
            handle.write("built\\n")
        time.sleep(1)
        found = {"tool": Kept(b"made-by-the-pack", 0o755)}
        cache.store(step, found)
    print(found["tool"].data.decode(), oct(found["tool"].mode))
""")


def test_the_processes_of_a_node_build_a_step_once(tmp_path: Path):
    shared = shared_directory(tmp_path / "node", "run-1")
    log = tmp_path / "builds.log"
    processes = [subprocess.Popen([sys.executable, "-c", PROCESS, str(shared), str(log)], cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [process.communicate(timeout=60) for process in processes]
    assert all(process.returncode == 0 for process in processes), outputs
    assert log.read_text().splitlines() == ["built"], "more than one process of the node built the step"
    assert [out for out, _ in outputs] == ["made-by-the-pack 0o755\n"] * 3
    assert oct(shared.stat().st_mode & 0o777) == "0o700" and oct(shared.parent.stat().st_mode & 0o777) == "0o700"


def test_a_shared_entry_that_does_not_match_its_manifest_is_built_again(tmp_path: Path):
    shared = shared_directory(tmp_path / "node", "run-1")
    first = BuildCache("toolchain", shared=shared)
    assert first.lookup(STEP) is None
    first.store(STEP, {"tool": Kept(b"made-by-the-pack", 0o755)})
    entry = next(path for path in shared.iterdir() if path.is_dir())
    assert BuildCache("toolchain", shared=shared).lookup(STEP) == {"tool": Kept(b"made-by-the-pack", 0o755)}
    (entry / "0").write_bytes(b"poisoned")
    rebuilder = BuildCache("toolchain", shared=shared)
    assert rebuilder.lookup(STEP) is None, "a tampered entry was taken"
    rebuilder.store(STEP, {"tool": Kept(b"made-by-the-pack", 0o755)})
    # the entry is made again, not left rejected for every later process to build the step once more
    assert BuildCache("toolchain", shared=shared).lookup(STEP) == {"tool": Kept(b"made-by-the-pack", 0o755)}
    assert BuildCache("another toolchain", shared=shared).lookup(STEP) is None  # the toolchain is in the key


def test_a_build_is_shared_even_when_the_processs_memory_cache_is_full(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    from hpceval.sandbox import build_cache

    shared = shared_directory(tmp_path / "node", "run-1")
    monkeypatch.setattr(build_cache, "MAX_BYTES", 4)  # no room in this process's memory for the 16 bytes
    full = BuildCache("toolchain", shared=shared)
    assert full.lookup(STEP) is None
    full.store(STEP, {"tool": Kept(b"made-by-the-pack", 0o755)})
    assert BuildCache("toolchain", shared=shared).lookup(STEP) == {"tool": Kept(b"made-by-the-pack", 0o755)}


@pytest.mark.parametrize("backend", ["local", "docker"])
def test_a_job_cannot_reach_the_nodes_shared_builds(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from hpceval.harness import ray_executor

    monkeypatch.setattr(ray_executor, "NODE_BUILDS", tmp_path / "node-builds")
    box = backend_sandbox(backend, slots=1)
    try:
        ray_executor.share_builds(box, "run-1")
        shared = box.builds.shared  # type: ignore[attr-defined]
        assert shared == tmp_path / "node-builds" / "run-1"
        build = Step(name="build_pack", kind=StepKind.build, argv=["sh", "-c", MAKE_TOOL], cache_key="attack",
                     keep=["tool"])
        poison = f"for f in {shared}/*/0 {shared}/*/manifest.json; do printf poisoned > $f; done; ls {shared}"
        result = box.run(Job(files={}, steps=[build, Step(name="attack", argv=["sh", "-c", poison])]))
        assert result.step("build_pack").verdict == Verdict.ok
        # the next worker process of the node takes the pack's tool, not the attack's
        assert BuildCache(box.builds.toolchain, shared=shared).lookup(build) == {  # type: ignore[attr-defined]
            "tool": Kept(b"#!/bin/sh\necho made-by-the-pack\n", 0o755)}
    finally:
        box.close()


def test_a_local_sandbox_without_root_keeps_its_builds_to_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Without root, the local sandbox runs jobs as the harness's own uid, which can write a directory of that
    uid: the node's builds are then not shared, each worker process builds its own."""
    from hpceval.harness import ray_executor
    from hpceval.sandbox.local import LocalSandbox

    monkeypatch.setattr(ray_executor, "NODE_BUILDS", tmp_path / "node-builds")
    box = LocalSandbox(slots=1)
    try:
        box.is_root = False
        ray_executor.share_builds(box, "run-1")
        assert box.builds.shared is None
        box.is_root = True
        ray_executor.share_builds(box, "run-1")
        assert box.builds.shared == tmp_path / "node-builds" / "run-1"
    finally:
        box.close()


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed (pip install 'hpceval[ray]')")
def test_the_ray_workers_of_a_node_build_a_trusted_step_once():
    """A node of 2 CPUs runs two jobs at once in two Ray worker processes; both need the same trusted build. Before,
    each worker process built it (2 builds); now one builds it and the other waits for its files."""
    from hpceval.harness.ray_executor import RaySandbox
    from hpceval.harness.sandboxes import SandboxOptions
    from tests.ray_support import LocalRayCluster

    backend_sandbox("local", slots=1).close()  # skips where the local sandbox cannot isolate a job
    build = Step(name="build_pack", kind=StepKind.build, argv=["sh", "-c", "sleep 1 && " + MAKE_TOOL],
                 cache_key="ray-node-builds", keep=["tool"])
    job = Job(files={}, steps=[build, Step(name="hold", argv=["sleep", "1"]), Step(name="use", argv=["./tool"])])
    with LocalRayCluster(head_cpus=2) as cluster:
        box = RaySandbox(SandboxOptions(name="local"), cluster.address)
        try:
            with ThreadPoolExecutor(max_workers=4) as pool:
                results = list(pool.map(box.run, [job] * 4))
        finally:
            box.close()
    assert [result.verdict for result in results] == [Verdict.ok] * 4, results
    assert all(result.step("use").stdout.strip() == "made-by-the-pack" for result in results)
    built = [result for result in results if not result.step("build_pack").message.startswith("cached")]
    assert len(built) == 1, f"{len(built)} of 4 jobs built the trusted step on one node"
