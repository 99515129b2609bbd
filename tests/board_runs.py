"""The run dirs behind the leaderboard tests (tests/test_leaderboard.py, tests/test_browser.py), made once per
session by the `board` fixture of conftest.py: two agents on this machine, the same run as if measured on a second
machine, and a run of a pack that has moved on since (its row is stale)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import REPO, hpceval

HPC_TASKS = ["--task", "hpc/axpy/serial/generate", "--task", "hpc/axpy/omp/generate"]
# A second machine cannot exist here: its run is this machine's reference run with run.json's fingerprint rewritten
# to what a 64-core AMD host would record. Everything else about the run (attempts, summary) is real.
OTHER_MACHINE = {"sandbox": "local", "cpu_model": "AMD EPYC 9554 64-Core Processor", "cpu_count": 64,
                 "cpuset": list(range(64)), "memory_bytes": 512 * 1024**3, "machine": "x86_64"}


class Board:
    def __init__(self, root: Path, runs: dict[str, Path], env: dict[str, str]) -> None:
        self.root, self.runs, self.env = root, runs, env
        self.site = root / "site"
        self.json = json.loads((self.site / "leaderboard.json").read_text())

    def rows(self) -> list[tuple[dict[str, object], dict[str, object]]]:
        return [(section, row) for suite in self.json["suites"] for section in suite["sections"]
                for row in section["rows"]]


def make_board(root: Path) -> Board:
    packs = root / "packs"
    shutil.copytree(REPO / "tests" / "predict_pack", packs)
    env = {"HPCEVAL_CACHE_DIR": str(root / "cache"), "HPCEVAL_PACK_PATH": str(packs)}
    runs = {name: root / name for name in ("reference", "baseline", "other", "stale")}
    for agent in ("reference", "baseline"):
        done = hpceval("run", "--suite", "hpc", *HPC_TASKS, "--agent", agent, "--sandbox", "local",
                       "--out", str(runs[agent]), env=env)
        assert done.returncode == 0, done.stderr
    shutil.copytree(runs["reference"], runs["other"])
    manifest = json.loads((runs["other"] / "run.json").read_text())
    manifest.update(run_id="0the0machine", fingerprint=OTHER_MACHINE)
    (runs["other"] / "run.json").write_text(json.dumps(manifest))
    done = hpceval("run", "--suite", "predicttest", "--task", "predicttest/halves/*/zero-shot", "--agent",
                   "reference", "--sandbox", "local", "--out", str(runs["stale"]), env=env)
    assert done.returncode == 0, done.stderr
    spec = packs / "predicttest" / "pack.yaml"  # the pack moves on after the run: its row is stale now
    spec.write_text(spec.read_text().replace("version: 0.1.0", "version: 0.2.0"))
    built = hpceval("leaderboard", "build", *(str(p) for p in runs.values()), "--out", str(root / "site"),
                    "--reports", env=env)
    assert built.returncode == 0, built.stderr
    assert "board of 4 runs in 2 suites" in built.stdout
    return Board(root, runs, env)
