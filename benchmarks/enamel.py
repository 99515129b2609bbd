"""ENAMEL under hpceval against ENAMEL's own evaluator (issue 12's target).

ENAMEL's evaluator needs 251 s of wall time on this machine kind for the HumanEval+ canonical samples (tests
generated, then 142 problems evaluated in-process, unsandboxed) and reports pass@1 0.958, eff@1 0.517. This
runs the same samples through `hpceval run --suite enamel`, sandboxed, from an empty cache (test generation
and the reference's timing included), then again on the warm cache, then the expert references; then ENAMEL's
own timing on the same tests (benchmarks/enamel_inprocess.py), plain and over hpceval's batches, which splits
the difference into what the batches change and what a fresh process per run adds.

    python benchmarks/enamel.py [--dataset ../shared/data/enamel] [--sandbox local] [--keep DIR]
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

REPO = Path(__file__).resolve().parents[1]
ENAMEL_WALL_S, ENAMEL_PASS, ENAMEL_EFF = 251.0, 0.958, 0.517


def run(label: str, data: Path, samples: str, out: Path, cache: Path, sandbox: str) -> dict[str, float]:
    argv = [sys.executable, "-m", "hpceval", "run", "--suite", "enamel", "--dataset", str(data / "enamel.csv"),
            "--agent", f"replay:{data / samples}", "--sandbox", sandbox, "--out", str(out)]
    if (os.cpu_count() or 1) >= 2:  # timed steps on the last CPU, test generation and builds beside them
        # one more job than CPUs: one waits for the timing CPU while the others make tests
        argv += ["--timing-cpus", str((os.cpu_count() or 2) - 1), "--max-sandboxes", str((os.cpu_count() or 2) + 1)]
    env = {**os.environ, "HPCEVAL_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{label}: hpceval exited {done.returncode}\n{done.stderr[-3000:]}")
    metrics = json.loads((out / "summary.json").read_text())["metrics"]
    counts = json.loads((out / "summary.json").read_text())["counts"]
    levels = " ".join(f"{metrics[f'eff_level{i}@1']:.3f}" for i in range(1, 4))
    print(f"{label:<34} wall {wall:7.1f} s   pass@1 {metrics['pass@1']:.3f}   eff@1 {metrics['eff@1']:.3f}   "
          f"levels 1-3 {levels}   {counts}", flush=True)
    return {"wall_s": wall, **metrics}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=REPO.parent / "shared" / "data" / "enamel")
    parser.add_argument("--sandbox", default="local")
    parser.add_argument("--keep", type=Path, help="keep the run dirs and the cache here")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="hpceval-enamel-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    cache = root / "cache"
    print(f"ENAMEL's own evaluator (published, this machine kind): wall {ENAMEL_WALL_S:.0f} s, pass@1 "
          f"{ENAMEL_PASS}, eff@1 {ENAMEL_EFF}")
    cold = run("canonical, empty cache", args.dataset, "humanevalplus-canonical.json", root / "cold", cache,
               args.sandbox)
    warm = run("canonical, cached tests and times", args.dataset, "humanevalplus-canonical.json", root / "warm",
               cache, args.sandbox)
    refs = run("expert references, cached", args.dataset, "enamel-references.json", root / "refs", cache,
               args.sandbox)
    print(f"\ncold run {cold['wall_s']:.1f} s = {cold['wall_s'] / ENAMEL_WALL_S:.2f} x ENAMEL's {ENAMEL_WALL_S:.0f} s;"
          f" cached re-run {warm['wall_s']:.1f} s")
    print(f"pass@1 {cold['pass@1']:.3f} (ENAMEL {ENAMEL_PASS}, |diff| {abs(cold['pass@1'] - ENAMEL_PASS):.3f}, "
          f"target <= 0.01); eff@1 {cold['eff@1']:.3f} (ENAMEL {ENAMEL_EFF}, |diff| "
          f"{abs(cold['eff@1'] - ENAMEL_EFF):.3f}, target <= 0.03); references eff@1 {refs['eff@1']:.3f}")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from enamel_inprocess import sandbox_python, yardstick  # noqa: PLC0415 - a sibling script, not a package

    samples, csv = args.dataset / "humanevalplus-canonical.json", args.dataset / "enamel.csv"
    _, in_process, seconds, _ = yardstick(cache, samples, csv)
    print(f"ENAMEL's timing (in-process, unsandboxed, {sandbox_python()}) on the same cached tests, this machine: "
          f"eff@1 {in_process:.3f} ({seconds:.0f} s; hpceval's cold run {cold['eff@1']:.3f}, difference "
          f"{cold['eff@1'] - in_process:+.3f})")
    _, batched, seconds, _ = yardstick(cache, samples, csv, batches=True)
    print(f"the same over hpceval's batches (what hpceval times, in one warm process): eff@1 {batched:.3f} "
          f"({seconds:.0f} s): the batches move ENAMEL's timing by {batched - in_process:+.3f}, a fresh process per "
          f"run adds {cold['eff@1'] - batched:+.3f} (cold run), {warm['eff@1'] - batched:+.3f} (cached)")
    print(f"run dirs and cache: {root}")


if __name__ == "__main__":
    main()
