"""`--timer instructions` end to end, through the real CLI, valgrind and a real sandbox (local, and Docker where it
runs), on ENAMEL's HumanEval/0 from ../shared/data/enamel: the same sample counts the same in two jobs (and the
reference's own count comes back exactly, eff 1.0); each attack on the count in tests/hostile_counted gains
nothing; the run records its timer; a kind that cannot count refuses the flag in one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, hpceval, read_jsonl
from tests.docker_support import backend_sandbox

CSV = REPO.parent / "shared" / "data" / "enamel" / "enamel.csv"
HOSTILE = Path(__file__).with_name("hostile_counted")
COUNTED = ("offload_to_child.py", "offload_to_thread.py")  # ok, and counted at least as much as the honest answer
# runtime_error: the seccomp filter refuses forge_count's reopening of the log for writing (confine.py); the trusted
# side's check for a second count per process stays behind it where no filter can be installed
REFUSED = {"forge_count.py": "Operation not permitted", "forge_and_vanish.py": "killed after its output",
           "names_by_raw_open.py": "left a file or folder behind"}
pytestmark = pytest.mark.skipif(not CSV.is_file(), reason="needs ../shared/data/enamel (see its README)")


@pytest.mark.parametrize("backend", ["local", "docker"])
def test_counts_repeat_exactly_and_no_attack_lowers_its_count(tmp_path, backend):
    if backend == "local" and shutil.which("valgrind") is None:
        pytest.skip("the local sandbox counts with the host's valgrind (scripts/setup.sh --dev installs it)")
    backend_sandbox(backend).close()  # skips where the backend cannot isolate a job here
    names = ["honest.py", "honest.py", *COUNTED, *REFUSED]
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": "HumanEval/0", "solution": (HOSTILE / n).read_text()}) + "\n"
                               for n in names))
    env = {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}
    common = ("--suite", "enamel", "--dataset", str(CSV), "--task", "enamel/HumanEval/0", "--sandbox", backend,
              "--timer", "instructions")
    run = hpceval("run", *common, "--agent", f"replay:{samples}", "-n", str(len(names)), "--out",
                  str(tmp_path / "attacks"), env=env)
    assert run.returncode == 0, run.stderr
    attempts = sorted(read_jsonl(tmp_path / "attacks" / "attempts.jsonl"), key=lambda a: a["sample"])
    verdicts = [(a["verdict"], a["message"]) for a in attempts]
    assert [v for v, _ in verdicts] == ["ok"] * (2 + len(COUNTED)) + ["runtime_error"] * len(REFUSED), verdicts
    for (_, message), needle in zip(verdicts[2 + len(COUNTED):], REFUSED.values(), strict=True):
        assert needle in message, (needle, message)
    counts = [a["measurement"]["level_times_s"] for a in attempts[:2 + len(COUNTED)]]
    assert all(a["measurement"]["timer"] == "instructions" for a in attempts[:2 + len(COUNTED)])
    honest = counts[0]
    assert counts[1] == honest, "two jobs counted the same sample differently"
    assert all(c is None for c in honest[:1]) and all(c and c > 1e4 for c in honest[1:]), honest
    for name, counted in zip(COUNTED, counts[2:], strict=True):  # each does the honest work, and more
        assert all(mine >= theirs for mine, theirs in zip(counted[1:], honest[1:], strict=True)), (name, counted,
                                                                                                   honest)
    config = json.loads((tmp_path / "attacks" / "run.json").read_text())["config"]
    assert config["timer"] == "instructions"

    reference = hpceval("run", *common, "--agent", "reference", "--out", str(tmp_path / "reference"), env=env)
    assert reference.returncode == 0, reference.stderr
    (own,) = read_jsonl(tmp_path / "reference" / "attempts.jsonl")
    assert own["measurement"]["level_times_s"] == own["measurement"]["reference_level_times_s"]
    assert own["measurement"]["efficiency"] == 1.0
    summary = json.loads((tmp_path / "reference" / "summary.json").read_text())
    assert summary["metrics"]["eff@1"] == 1.0 and summary["metrics"]["pass@1"] == 1.0


def test_a_kind_that_cannot_count_refuses_the_timer_in_one_line(tmp_path):
    result = hpceval("run", "--task", "hpc/axpy/serial/generate", "--timer", "instructions", "--out",
                     str(tmp_path / "r"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "--timer instructions" in result.stderr and "kind kernel" in result.stderr, result.stderr
    bad = hpceval("run", "--suite", "efficiency", "--timer", "cycles", "--out", str(tmp_path / "b"))
    assert bad.returncode == 2 and "--timer" in bad.stderr and bad.stderr.strip().count("\n") == 0, bad.stderr
