"""Repeats adapt (issue 13): the trusted driver keeps timing until the speedup's 95% interval is at most the pack's
`ci_width` wide (relative), or max_reps or the budget ends it, and says which; run for real on
hpc/axpy/serial/generate with its reference in the local sandbox."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from hpceval.harness.evaluate import evaluate
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds.kernel import KernelMeasurement
from hpceval.tasks.loader import load_pack
from tests.docker_support import backend_sandbox

REPO = Path(__file__).resolve().parents[1]


def measured(tmp_path: Path, timing: dict[str, float]) -> KernelMeasurement:
    root = tmp_path / "hpc"
    shutil.copytree(REPO / "tasks" / "packs" / "hpc", root)
    spec = yaml.safe_load((root / "pack.yaml").read_text())
    spec["defaults"]["timing"] = timing
    (root / "pack.yaml").write_text(yaml.safe_dump(spec))
    problem = root / "problems" / "axpy" / "problem.yaml"
    data = yaml.safe_load(problem.read_text())
    data["sizes"]["time"] = 200_000
    problem.write_text(yaml.safe_dump(data))
    pack = load_pack(root)
    task = next(t for t in pack.tasks if t.task_id == "hpc/axpy/serial/generate")
    box = backend_sandbox("local", slots=1)
    try:
        outcome = evaluate(box, pack, task, (root / "problems" / "axpy" / "reference" / "serial.cpp").read_text())
    finally:
        box.close()
    assert outcome.verdict == Verdict.ok, outcome.message
    assert isinstance(outcome.measurement, KernelMeasurement)
    return outcome.measurement


@pytest.mark.parametrize("width, stop, repeats", [(100.0, "interval", 3), (0.0, "max_reps", 12)])
def test_repeats_stop_at_the_interval_width_or_run_to_the_limit(tmp_path: Path, width: float, stop: str,
                                                               repeats: int):
    m = measured(tmp_path, {"warmup": 1, "min_reps": 3, "max_reps": 12, "budget_s": 60.0, "ci_width": width})
    assert m.timing_stop == stop
    assert len(m.candidate_times) == len(m.baseline_times) == repeats
    assert m.speedup_ci is not None and m.speedup_ci[0] <= m.speedup_ci[1]
