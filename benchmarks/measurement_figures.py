"""Figures of the measurement path: reference speedups per task, and the spread of the baseline timed
against itself (one task per execution model, n runs each).

    python -m benchmarks.measurement_figures [--sandbox local|docker] [--runs 10] [--out DIR]

Prints a Markdown table of reference speedups (problem x model), then, per baseline task, the median and
min-max of its speedup over `--runs` samples, and (where the driver reports it) the median empty-call
handshake round trip in microseconds. Timings on a shared 2-core VM are noisy: compare medians and
ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SPREAD_TASKS = ["hpc/axpy/serial/generate", "hpc/gemv/omp/generate", "hpc/spmv/mpi/generate",
                "hpc/jacobi2d/mpi+omp/generate"]


def hpceval(*args: str) -> None:
    command = [sys.executable, "-c", "import sys; sys.path.insert(0, '.'); from harness.cli import main; main()",
               *args]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def attempts(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "attempts.jsonl").read_text().splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sandbox", default="local")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--skip-reference", action="store_true")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="hpceval-figures-"))

    if not args.skip_reference:
        ref_dir = out / "reference"
        hpceval("run", "--agent", "reference", "--sandbox", args.sandbox, "--out", str(ref_dir))
        rows: dict[str, dict[str, str]] = {}
        for a in attempts(ref_dir):
            _, problem, model = a["task_id"].split("/")[:3]
            speedup = (a.get("measurement") or {}).get("speedup")
            cell = f"{speedup:.2f}" if speedup else a["verdict"]
            rows.setdefault(problem, {})[model] = cell
        models = ["serial", "omp", "mpi", "mpi+omp"]
        print("| problem | " + " | ".join(models) + " |")
        print("|---|" + "---|" * len(models))
        for problem in sorted(rows):
            print(f"| {problem} | " + " | ".join(rows[problem].get(m, "-") for m in models) + " |")

    print("\n| baseline task | median | min | max | verdicts | handshake us |")
    print("|---|---|---|---|---|---|")
    for task in SPREAD_TASKS:
        run_dir = out / ("baseline-" + task.replace("/", "_").replace("+", "_"))
        hpceval("run", "--agent", "baseline", "--sandbox", args.sandbox, "--task", task, "-n", str(args.runs),
                "--max-sandboxes", "1", "--out", str(run_dir))
        rows_a = attempts(run_dir)
        # the timing ratio whatever the verdict (the baseline is `wrong_model` on parallel tasks now)
        measured = [a["measurement"] for a in rows_a if a.get("measurement")]
        speedups = [statistics.median(m["baseline_times"]) / statistics.median(m["candidate_times"])
                    for m in measured if m.get("baseline_times") and m.get("candidate_times")]
        verdicts = ",".join(sorted({a["verdict"] for a in rows_a}))
        handshakes = [m["handshake_us"] for m in measured if m.get("handshake_us")]
        hs = f"{statistics.median(handshakes):.1f}" if handshakes else "-"
        if speedups:
            print(f"| {task} | {statistics.median(speedups):.3f} | {min(speedups):.3f} | {max(speedups):.3f} | "
                  f"{verdicts} | {hs} |")
        else:
            print(f"| {task} | - | - | - | {verdicts} | {hs} |")
    print(f"\nrun dirs: {out}")


if __name__ == "__main__":
    main()
