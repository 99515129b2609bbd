"""The efficiency suite's own packs whole: `hpceval validate` on every problem (CI validates a subset of the C++
pack), and the floor and the ceiling of eff@1 on the optimize tasks (the baseline agent, the reference agent).

    python benchmarks/efficiency_packs.py [--pack efficiency --pack efficiency-cpp] [--sandbox local]

Prints, per pack: problems, checks held, validate's wall time, and eff@1 of the baseline and of the reference.
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


def hpceval(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hpceval", *args], env=env, capture_output=True, text=True,
                          check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pack", action="append", help="a pack of the efficiency suite (repeatable; default both)")
    parser.add_argument("--sandbox", default="local")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        env = {**os.environ, "HPCEVAL_CACHE_DIR": str(Path(root) / "cache"), "PYTHONPATH": str(REPO)}
        for pack in args.pack or ["efficiency", "efficiency-cpp"]:
            started = time.perf_counter()
            validated = hpceval("validate", pack, "--sandbox", args.sandbox, env=env)
            validate_s = time.perf_counter() - started
            held = next((line for line in validated.stdout.splitlines() if "checks hold" in line), "no summary")
            for line in validated.stdout.splitlines():
                if line.startswith("FAIL"):
                    print(f"  {line}", flush=True)
            effs = {}
            for agent in ("baseline", "reference"):
                out = Path(root) / f"{pack}-{agent}"
                run = hpceval("run", "--suite", "efficiency", "--task", f"{pack}/*/optimize", "--agent", agent,
                              "--sandbox", args.sandbox, "--out", str(out), env=env)
                if run.returncode != 0:
                    sys.exit(f"{pack} {agent}: hpceval exited {run.returncode}\n{run.stderr[-2000:]}")
                effs[agent] = json.loads((out / "summary.json").read_text())["metrics"]["eff@1"]
            print(f"{pack}: {held} (validate rc {validated.returncode}, {validate_s:.0f} s); optimize eff@1: "
                  f"baseline {effs['baseline']:.3f}, reference {effs['reference']:.3f}", flush=True)


if __name__ == "__main__":
    main()
