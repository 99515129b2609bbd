"""How long `hpceval leaderboard build` takes for 100 run dirs (issue 16's target: under 10 s).

The 100 run dirs are copies of a few real ones (given with --runs, or made here: the reference and baseline agents
on six `hpc` tasks and on 200 `surrogate` items), each copy a run of its own (its own run id and agent name), so the
board has 100 rows over two suites. Prints the wall time of the whole command (Python start-up and imports
included), median of --repeats builds.

    python benchmarks/leaderboard_build.py [--runs RUN_DIR ...] [--count 100] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def hpceval(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hpceval", *args], cwd=REPO, env={**os.environ, **env},
                          capture_output=True, text=True, check=False)


def make_runs(work: Path, env: dict[str, str]) -> list[Path]:
    runs = []
    for suite, selection in (("hpc", ["--limit", "6"]), ("surrogate", ["--limit", "200"])):
        for agent in ("reference", "baseline"):
            out = work / f"{suite}-{agent}"
            done = hpceval("run", "--suite", suite, *selection, "--agent", agent, "--sandbox", "local",
                           "--out", str(out), env=env)
            if done.returncode != 0:
                sys.exit(f"making {out} failed:\n{done.stderr[-2000:]}")
            runs.append(out)
    return runs


def copies(templates: list[Path], count: int, into: Path) -> list[Path]:
    out = []
    for index in range(count):
        template = templates[index % len(templates)]
        target = into / f"run{index:03d}"
        shutil.copytree(template, target, ignore=shutil.ignore_patterns("artifacts", "hpceval.log"))
        manifest = json.loads((target / "run.json").read_text())
        manifest["run_id"] = f"bench{index:07d}"
        manifest["config"]["agent"] = f"{manifest['config']['agent']}-{index:03d}"
        (target / "run.json").write_text(json.dumps(manifest))
        out.append(target)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", nargs="*", type=Path, default=[], help="real run dirs to copy (default: make some)")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {"HPCEVAL_CACHE_DIR": str(work / "cache")}
        templates = args.runs or make_runs(work, env)
        for template in templates:  # the templates' summaries are current (per-task labels), as a new run's are
            done = hpceval("score", str(template), env=env)
            if done.returncode != 0:
                sys.exit(f"hpceval score {template} failed: {done.stderr.strip()}")
        runs = copies(templates, args.count, work / "copies")
        times = []
        for repeat in range(args.repeats):
            started = time.perf_counter()
            done = hpceval("leaderboard", "build", *map(str, runs), "--out", str(work / f"site{repeat}"), env=env)
            times.append(time.perf_counter() - started)
            if done.returncode != 0:
                sys.exit(f"leaderboard build failed: {done.stderr.strip()}")
        board = json.loads((work / "site0" / "leaderboard.json").read_text())
        rows = sum(len(section["rows"]) for suite in board["suites"] for section in suite["sections"])
        plots = len(list((work / "site0" / "plots").glob("*.png")))
        print(f"leaderboard build: {len(runs)} run dirs -> {rows} rows, {len(board['suites'])} suites, {plots} plots")
        print(f"wall time (whole command), median of {len(times)}: {statistics.median(times):.2f} s "
              f"(min {min(times):.2f}, max {max(times):.2f}); target < 10 s")


if __name__ == "__main__":
    main()
