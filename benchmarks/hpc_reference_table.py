"""The reference speedups of the hpc pack, per problem and execution model, as the Markdown table of
docs/hpc-pack.md: runs the reference agent over the pack (or reads a run dir it made) and prints, per problem, its
type, the baseline's median call at the time size, and each model's speedup with its 95% interval; a parallel
speedup under 1.2x is marked with an asterisk.

    python benchmarks/hpc_reference_table.py [--run RUN_DIR] [--sandbox docker] [--task GLOB ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MODELS = ["serial", "omp", "mpi", "mpi+omp", "kokkos", "cuda"]  # cuda: skipped_no_gpu without a GPU
WEAK = 1.2  # a parallel reference below this speedup at 2 cores is named in the docs


def cell(measurement: dict | None, verdict: str, model: str) -> str:
    if verdict != "ok" or not measurement or measurement.get("speedup") is None:
        return verdict
    low, high = measurement.get("speedup_ci") or [float("nan"), float("nan")]
    mark = "*" if model != "serial" and measurement["speedup"] < WEAK else ""
    return f"{measurement['speedup']:.2f}{mark} ({low:.2f}-{high:.2f})"


def table(run: Path) -> str:
    return markdown([json.loads(line) for line in (run / "attempts.jsonl").read_text().splitlines()])


def markdown(attempts: list[dict]) -> str:
    """The table from attempts (dicts with problem, problem_type, execution_model, verdict, measurement)."""
    rows: dict[str, dict[str, str]] = {}
    info: dict[str, tuple[str, str]] = {}
    for attempt in attempts:
        if attempt.get("mode", "generate") != "generate" or not attempt["task_id"].endswith("/generate"):
            continue  # translate and optimize tasks run the same jobs
        measurement = attempt.get("measurement")
        rows.setdefault(attempt["problem"], {})[attempt["execution_model"]] = cell(
            measurement, attempt["verdict"], attempt["execution_model"])
        if attempt["execution_model"] == "serial" and measurement and measurement.get("baseline_median_s"):
            info[attempt["problem"]] = (attempt["problem_type"], f"{measurement['baseline_median_s'] * 1000:.1f}")
        info.setdefault(attempt["problem"], (attempt["problem_type"], "-"))
    lines = ["| problem | type | baseline ms | " + " | ".join(MODELS) + " |",
             "| --- | --- | ---: | " + " | ".join("---:" for _ in MODELS) + " |"]
    for problem in sorted(rows, key=lambda p: (info[p][0], p)):
        kind, base = info[problem]
        lines.append(f"| `{problem}` | {kind} | {base} | " + " | ".join(rows[problem].get(m, "-") for m in MODELS)
                     + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", type=Path, help="a run dir of the reference agent on the hpc suite")
    parser.add_argument("--sandbox", default="docker")
    parser.add_argument("--task", action="append", default=[], help="task-id glob (repeatable; default "
                                                                     "hpc/*/*/generate, all 372: a run without --task "
                                                                     "takes 24)")
    args = parser.parse_args()
    run = args.run
    if run is None:
        run = Path(tempfile.mkdtemp(prefix="hpc-reference-")) / "run"
        command = [sys.executable, "-m", "hpceval", "run", "--suite", "hpc", "--agent", "reference", "--sandbox",
                   args.sandbox, "--out", str(run),
                   *[a for glob in args.task or ["hpc/*/*/generate"] for a in ("--task", glob)]]
        done = subprocess.run(command, check=False)
        if done.returncode != 0:
            sys.exit(f"hpceval run exited {done.returncode}")
    print(table(run))


if __name__ == "__main__":
    main()
