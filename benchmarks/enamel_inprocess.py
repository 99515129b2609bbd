"""ENAMEL's own way of timing, on this machine, on the tests hpceval made: the yardstick for eff@1.

ENAMEL's published eff@1 (0.517 for the HumanEval+ canonical solutions) was measured on other hardware with
another Python. This times the same samples as ENAMEL's evaluator does (in this process, unsandboxed: each run
execs the module afresh, deep-copies the input, and reads a clock around the bare call with the collector off;
six runs a case, Hodges-Lehmann, the slowest case of a level, the reference timed the same way; a run over the
limit plus ENAMEL's 10 ms tolerance censors), on the tests of hpceval's cache, and prints eff@1 beside what
`hpceval run` measured for the same samples. Use it only on trusted samples (the dataset's own files): nothing
here is contained.

    python benchmarks/enamel_inprocess.py --cache DIR [--run RUN_DIR] [--samples FILE] [--dataset CSV]

--cache: the HPCEVAL_CACHE_DIR of a run of the same dataset (benchmarks/enamel.py --keep DIR leaves DIR/cache);
benchmarks/enamel.py runs this at its end. pass@1 here checks level 0's outputs only (the timed levels' outputs
are not compared), so it can be above what a checked run gives.
"""

from __future__ import annotations

import argparse
import base64
import copy
import gc
import json
import pickle
import signal
import time
from pathlib import Path

from hpceval.metrics.enamel import enamel_level_scores
from hpceval.metrics.timing import hodges_lehmann
from hpceval.tasks.kinds.function.cache import TestsCache
from hpceval.tasks.kinds.function.dataset import load_enamel
from hpceval.tasks.kinds.function.schema import FunctionProblem

REPO = Path(__file__).resolve().parents[1]

TOLERANCE_S = 0.01  # ENAMEL's tolerence_sec


class Censored(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise Censored


def _runs(module: str, entry: str, args: tuple, reps: int, limit_s: float | None) -> list[float] | None:
    """`reps` timed calls, each after a fresh exec of the module; None when one ran past the limit."""
    times = []
    for _ in range(reps):
        scope: dict[str, object] = {"__name__": "__main__"}
        exec(module, scope)  # noqa: S102 - trusted samples only (see the module docstring)
        function = scope[entry]
        data = copy.deepcopy(args)
        gc.disable()
        if limit_s is not None:
            signal.setitimer(signal.ITIMER_REAL, limit_s + TOLERANCE_S)
        try:
            started = time.perf_counter()
            function(*data)  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        except Censored:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            gc.enable()
    return times


def _correct(problem: FunctionProblem, module: str, levels: list[dict]) -> bool:
    namespace: dict[str, object] = {"__name__": "__checker__"}
    exec(problem.prompt.rstrip("\n") + "\n    pass\n\n" + problem.checker, namespace)  # noqa: S102
    check = namespace["__check"]
    scope: dict[str, object] = {"__name__": "__main__"}
    try:
        exec(module, scope)  # noqa: S102
        for level in levels[:1]:  # level 0 (weight 0) only: the timed levels are checked as they are timed below
            for args, answer in level["cases"]:
                if not check(args, answer, scope[problem.entry_point](*copy.deepcopy(args))):  # type: ignore
                    return False
    except Exception:  # noqa: BLE001 - a sample that raises is wrong
        return False
    return True


def score(problem: FunctionProblem, tests: dict, sample: str) -> tuple[bool, float]:
    levels = tests["levels"]
    timed = [i for i, level in enumerate(levels) if float(level["hardness"]) > 0]
    reference = problem.reference_module()
    ref_times: list[float] = [1.0] * len(levels)
    for i in timed:
        per_case = [hodges_lehmann(_runs(reference, problem.entry_point, args, problem.reps, None) or [0.0])
                    for args, _ in levels[i]["cases"]]
        ref_times[i] = max(per_case)
    limit = problem.alpha * max(ref_times[i] for i in timed)
    if not _correct(problem, sample, levels):
        return False, 0.0
    own: list[float | None] = [0.0] * len(levels)
    for i in timed:
        per_case = []
        for args, _ in levels[i]["cases"]:
            try:
                runs = _runs(sample, problem.entry_point, args, problem.reps, limit)
            except Exception:  # noqa: BLE001
                return False, 0.0
            if runs is None:
                break
            per_case.append(hodges_lehmann(runs))
        if len(per_case) < len(levels[i]["cases"]):
            own[i:] = [None] * (len(levels) - i)
            break
        own[i] = max(per_case)
    scores = enamel_level_scores(own, ref_times, problem.hardness, alpha=problem.alpha)
    return True, sum(h * e for h, e in zip(problem.hardness, scores, strict=True)) / sum(problem.hardness)


def yardstick(cache_root: Path, samples: Path, dataset: Path) -> tuple[float, float, float, dict[str, float]]:
    """pass@1, eff@1, the wall seconds, and each problem's eff, by ENAMEL's timing on the tests cached under
    `cache_root` (an HPCEVAL_CACHE_DIR)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    problems, _ = load_enamel(str(dataset))
    chosen = json.loads(samples.read_text())
    cache = TestsCache(cache_root / "function")
    started = time.perf_counter()
    passed, effs = [], {}
    try:
        for problem in problems:
            stored = cache.tests(problem)
            if stored is None:
                raise SystemExit(f"{problem.name}: no tests under {cache_root}; run benchmarks/enamel.py --keep DIR")
            ok, eff = score(problem, pickle.loads(base64.b64decode(stored)), chosen[problem.source_index][0])
            passed.append(ok)
            effs[problem.name] = eff
    finally:
        signal.signal(signal.SIGALRM, previous)
    return sum(passed) / len(passed), sum(effs.values()) / len(effs), time.perf_counter() - started, effs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = REPO.parent / "shared" / "data" / "enamel"
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--run", type=Path, help="a run dir of the same samples: its per-problem scores beside")
    parser.add_argument("--samples", type=Path, default=data / "humanevalplus-canonical.json")
    parser.add_argument("--dataset", type=Path, default=data / "enamel.csv")
    args = parser.parse_args()
    pass_at_1, eff_at_1, wall, effs = yardstick(args.cache, args.samples, args.dataset)
    print(f"ENAMEL's timing, in-process, this machine: pass@1 {pass_at_1:.3f} eff@1 {eff_at_1:.3f} "
          f"({len(effs)} problems, {wall:.0f} s)")
    if args.run:
        theirs = {}
        for line in (args.run / "attempts.jsonl").read_text().splitlines():
            row = json.loads(line)
            theirs[row["problem"]] = (row.get("measurement") or {}).get("efficiency") or 0.0
        print(f"hpceval run {args.run}: eff@1 {sum(theirs.values()) / len(theirs):.3f}; largest per-problem "
              "differences (in-process, hpceval):")
        for name in sorted(effs, key=lambda n: -abs(effs[n] - theirs.get(n, 0.0)))[:15]:
            print(f"  {name:<16} {effs[name]:.3f} {theirs.get(name, 0.0):.3f}")


if __name__ == "__main__":
    main()
