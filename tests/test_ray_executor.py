"""`--executor ray` on a real local Ray cluster (a head and a worker node on 127.0.0.1): the worker node is killed
while it runs a job; the run still completes with exactly one attempt per (task, sample), every attempt names
the node it was measured on, and the scores equal those of the local executor."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, hpceval, read_jsonl
from tests.ray_support import LocalRayCluster, process_titles
from tests.test_cli_run import CORRECT, NOT_COMPILING, WRONG

needs_ray = pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                               reason="ray is not installed (pip install 'hpceval[ray]')")

TASK = "hpc/axpy/serial/generate"
ANSWERS = [WRONG, CORRECT, NOT_COMPILING, WRONG, CORRECT, WRONG]  # pass@1 = 1/3: not trivially 1


def run_args(samples: Path, out: Path, *extra: str) -> list[str]:
    return ["run", "--task", TASK, "--agent", f"replay:{samples}", "-n", str(len(ANSWERS)), "--k", "1,2",
            "--sandbox", "local", "--max-sandboxes", "2", "--timeout", "30", "--out", str(out), *extra]


@needs_ray
def test_ray_run_survives_a_dead_node_with_one_attempt_per_sample_and_local_scores(tmp_path):
    cache = {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": TASK, "completion": c}) + "\n" for c in ANSWERS))

    local = hpceval(*run_args(samples, tmp_path / "local"), env=cache)
    assert local.returncode == 0, local.stderr

    with LocalRayCluster(head_cpus=1) as cluster:
        worker = cluster.add_node(cpus=1)
        node_ids = {str(node["NodeID"]) for node in cluster.alive_nodes()}
        assert len(node_ids) == 2
        out = tmp_path / "ray"
        env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200", **cache}
        run = subprocess.Popen([sys.executable, "-m", "hpceval", *run_args(samples, out, "--executor", "ray",
                                                                           "--ray-address", cluster.address)],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # kill the worker node while one of its Ray workers runs a job (the task is retried on the head)
        deadline = time.monotonic() + 60
        while not any(title.startswith("ray::run_on_node") for title in process_titles(worker.pid)):
            assert run.poll() is None and time.monotonic() < deadline, "the worker node never ran a job"
            time.sleep(0.05)
        cluster.kill_node(worker)
        stdout, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr

    attempts = read_jsonl(out / "attempts.jsonl")
    keys = sorted((str(a["task_id"]), int(str(a["sample"]))) for a in attempts)
    assert keys == [(TASK, s) for s in range(len(ANSWERS))]  # exactly one attempt per (task, sample)

    manifest = json.loads((out / "run.json").read_text())
    assert manifest["config"]["executor"] == "ray" and manifest["config"]["ray_address"] == cluster.address
    assert {node["ray_node_id"] for node in manifest["fingerprint"]["nodes"]} == node_ids
    measured_on = set()
    for attempt in attempts:
        if attempt["verdict"] == "no_code":
            continue
        fingerprint = json.loads(next((out / "artifacts").glob(f"{attempt['fingerprint_sha']}.json")).read_text())
        assert fingerprint["node"]["ray_node_id"] in node_ids and fingerprint["cpu_model"]
        measured_on.add(fingerprint["node"]["ray_node_id"])
    assert measured_on  # each attempt names its node (the worker's jobs died with it, so maybe only the head)

    ray_summary = json.loads((out / "summary.json").read_text())
    local_summary = json.loads((tmp_path / "local" / "summary.json").read_text())
    verdicts = {(a["sample"]): a["verdict"] for a in attempts}
    assert verdicts == {a["sample"]: a["verdict"] for a in read_jsonl(tmp_path / "local" / "attempts.jsonl")}
    for metric in ("pass@1", "pass@2", "build@1", "build@2"):
        assert ray_summary["metrics"][metric] == local_summary["metrics"][metric], metric
    assert abs(ray_summary["metrics"]["pass@1"] - 1 / 3) < 1e-12


@needs_ray
def test_ray_executor_without_a_timing_resource_is_one_line_naming_the_fix(tmp_path):
    with LocalRayCluster(head_cpus=1, timing=0) as cluster:
        result = hpceval("run", "--task", TASK, "--sandbox", "local", "--executor", "ray", "--out",
                         str(tmp_path / "run"), env={"HPCEVAL_RAY_ADDRESS": cluster.address,
                                                     "HPCEVAL_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 2, result.stderr
    assert "timing" in result.stderr and "ray start" in result.stderr and "Traceback" not in result.stderr


def test_ray_executor_without_ray_installed_names_the_extra(monkeypatch):
    from hpceval.harness import executors
    from hpceval.harness.errors import UserError
    from hpceval.harness.sandboxes import SandboxOptions

    monkeypatch.setattr(executors, "ray_installed", lambda: False)
    with pytest.raises(UserError, match=r"pip install 'hpceval\[ray\]'"):
        executors.make_executor("ray", SandboxOptions("local"), None)


def test_the_executor_is_recorded_but_a_resume_may_change_it():
    from hpceval.harness.options import parse_run_options
    from hpceval.harness.records import RunConfig

    assert parse_run_options(executor="RAY", ray_address="10.0.0.1:6379").executor == "ray"
    local = RunConfig(suite="hpc", tasks=[], agent="reference")
    on_ray = local.model_copy(update={"executor": "ray", "ray_address": "10.0.0.1:6379"})
    assert local.differences(on_ray) == []
