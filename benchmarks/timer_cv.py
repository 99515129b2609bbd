"""The two timers of the `function` kind side by side: the coefficient of variation of each timed level's
cost over repeated jobs of the same answer (ENAMEL's expert reference), by wall clock and by instructions.

Each repeat is its own sandbox job (`hpceval run -n REPEATS --agent reference`), so the figure is what a
user sees between runs: by wall, the spread of the Hodges-Lehmann level time; by instructions, the spread
of the count (0 when the count repeats exactly).

    python benchmarks/timer_cv.py [--dataset ../shared/data/enamel/enamel.csv] [--repeats 10] [--task ID ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import mean, pstdev

REPO = Path(__file__).resolve().parents[1]
TASKS = ("enamel/HumanEval/0", "enamel/HumanEval/12", "enamel/HumanEval/26", "enamel/HumanEval/46",
         "enamel/HumanEval/106")


def level_costs(dataset: Path, timer: str, tasks: list[str], repeats: int, sandbox: str,
                root: Path) -> tuple[dict[str, list[list[float]]], float]:
    """Per task, per repeat: the timed levels' costs; and the run's wall seconds."""
    out = root / timer
    argv = [sys.executable, "-m", "hpceval", "run", "--suite", "enamel", "--dataset", str(dataset), "--agent",
            "reference", "-n", str(repeats), "--sandbox", sandbox, "--timer", timer, "--out", str(out),
            "--max-sandboxes", "1"]
    for task in tasks:
        argv += ["--task", task]
    env = {**os.environ, "HPCEVAL_CACHE_DIR": str(root / "cache"), "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"--timer {timer}: hpceval exited {done.returncode}\n{done.stderr[-3000:]}")
    costs: dict[str, list[list[float]]] = {task: [] for task in tasks}
    for line in (out / "attempts.jsonl").read_text().splitlines():
        attempt = json.loads(line)
        costs[attempt["task_id"]].append([t for t in attempt["measurement"]["level_times_s"] if t is not None])
    return costs, time.perf_counter() - started


def cv(values: list[float]) -> float:
    return pstdev(values) / mean(values) if values and mean(values) > 0 else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=REPO.parent / "shared" / "data" / "enamel" / "enamel.csv")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--task", action="append", help="a task id (repeatable; default: five HumanEval tasks)")
    parser.add_argument("--sandbox", default="local")
    args = parser.parse_args()
    tasks = args.task or list(TASKS)
    with tempfile.TemporaryDirectory(prefix="hpceval-timer-cv-") as temporary:
        root = Path(temporary)
        wall, wall_s = level_costs(args.dataset, "wall", tasks, args.repeats, args.sandbox, root)
        counted, counted_s = level_costs(args.dataset, "instructions", tasks, args.repeats, args.sandbox, root)
    print(f"{args.repeats} jobs per task and timer ({args.sandbox} sandbox); CV of each timed level's cost over them")
    print(f"{'task':<22} {'level':>5} {'wall CV':>9} {'instr. CV':>10} {'wall median':>12} {'instructions':>13}")
    for task in tasks:
        for level in range(len(wall[task][0])):
            by_wall = [repeat[level] for repeat in wall[task]]
            by_count = [repeat[level] for repeat in counted[task]]
            print(f"{task:<22} {level + 1:>5} {cv(by_wall):>8.2%} {cv(by_count):>9.4%} "
                  f"{sorted(by_wall)[len(by_wall) // 2] * 1e3:>9.3f} ms {sorted(by_count)[len(by_count) // 2]:>13,.0f}")
    print(f"run wall time: wall timer {wall_s:.1f} s, instruction timer {counted_s:.1f} s")


if __name__ == "__main__":
    main()
