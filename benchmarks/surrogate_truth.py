"""The surrogate suite's ground truth and its floor and ceiling (issue 15's figures).

From an empty cache: `hpceval validate surrogate` over every default item (zero-shot: the truth is per item, not per
prompt style), which builds and runs each item three times in the sandbox; then the same again on the warm cache;
then the `reference` agent (must score 1.0) and the `baseline` agent (the floor), with accuracy@1 per category.

    python benchmarks/surrogate_truth.py [--sandbox local|docker] [--seed N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SELECTION = "surrogate/*/*/zero-shot"


def hpceval(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "hpceval", *args], env=env, capture_output=True, text=True,
                          check=False)
    return time.perf_counter() - started, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sandbox", default="local")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--keep", type=Path, help="keep the cache and run dirs here")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="hpceval-surrogate-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HPCEVAL_CACHE_DIR": str(root / "cache"), "PYTHONPATH": str(REPO), "COLUMNS": "160"}
    seed = ["--seed", str(args.seed)] if args.seed is not None else []
    _, listed = hpceval(["list", "--suite", "surrogate", "--json", *seed], env)
    tasks = [t for t in json.loads(listed.stdout) if t["mode"] == "zero-shot"]
    categories = Counter(t["category"] for t in tasks)
    print(f"{len(tasks)} items at seed {args.seed or 0} in {len(categories)} categories: "
          + ", ".join(f"{c} {n}" for c, n in sorted(categories.items())))
    for label in ("empty cache", "warm cache"):
        # validate takes no --seed: it checks the default items (the seed's own are checked when a run makes them)
        seconds, done = hpceval(["validate", "surrogate", "--task", SELECTION, "--sandbox", args.sandbox], env)
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:]
        print(f"ground truth + validate, {label:<11}: {seconds:7.1f} s   {last}", flush=True)
        if done.returncode != 0:
            print(done.stdout[-4000:])
    for agent in ("reference", "baseline"):
        out = root / agent
        seconds, done = hpceval(["run", "--suite", "surrogate", "--agent", agent, "--sandbox", args.sandbox, "--out",
                                 str(out), *seed], env)
        if done.returncode != 0:
            sys.exit(f"{agent}: hpceval exited {done.returncode}\n{done.stderr[-3000:]}")
        summary = json.loads((out / "summary.json").read_text())
        groups = summary["groups"]
        per_category = ", ".join(f"{name.split('=', 1)[1]} {values['accuracy@1']:.3f}"
                                 for name, values in sorted(groups.items()) if name.startswith("problem_type="))
        print(f"{agent:<9} ({seconds:5.1f} s): pass@1 {summary['metrics']['pass@1']:.3f} accuracy@1 "
              f"{summary['metrics']['accuracy@1']:.3f}; per category: {per_category}", flush=True)
    print(f"cache and run dirs: {root}")


if __name__ == "__main__":
    main()
