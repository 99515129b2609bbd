"""ENAMEL's own way of timing, on this machine, on the tests hpceval made: the yardstick for eff@1.

ENAMEL's published eff@1 (0.517 for the HumanEval+ canonical solutions) was measured on other hardware with
another Python. This times the same samples as ENAMEL's evaluator does (in one process, unsandboxed: each run
execs the module afresh, deep-copies the input, and reads a clock around the bare call with the collector off;
the problem's runs a case (4), Hodges-Lehmann, the slowest case of a level, the reference timed the same way; a
run over the limit plus ENAMEL's 10 ms tolerance censors), on the tests of hpceval's cache, and prints eff@1 beside
what `hpceval run` measured for the same samples. Use it only on trusted samples (the dataset's own files): nothing
here is contained.

    python benchmarks/enamel_inprocess.py --cache DIR [--run RUN_DIR] [--samples FILE] [--dataset CSV] [--batches]

--cache: the HPCEVAL_CACHE_DIR of a run of the same dataset (benchmarks/enamel.py --keep DIR leaves DIR/cache);
benchmarks/enamel.py runs this at its end. Every output is checked, the timed runs' too (after the clock stops), as
ENAMEL's evaluator does: a sample wrong at a timed level scores 0. Without --batches only the cases are run, not
hpceval's batch inputs, so a sample wrong only on one of those passes (HumanEval/147's canonical solution returns
False for n = 2, where the reference returns 0: hpceval's level-1 batch holds n = 2).

--batches times a level that hpceval batches over the same batches, in-process: a run execs the module, deep-copies
the batch's inputs and calls the entry point on each inside one clock reading, and a call's time is the run's over
the batch's size (every output checked). It measures what hpceval measures, without the fresh process: beside the
plain yardstick it splits hpceval's difference from ENAMEL's timing into what the batches change (the mean over a
case's siblings instead of one input) and what a fresh process per run adds (see docs/measurement.md).

The timing runs under the interpreter the local sandbox runs candidates with (`python3` on its PATH; --python
names another), in a process of its own that imports only the standard library and hpceval's pure metrics: two
builds of one Python differ by more than the effect measured here. On this host the venv's pyenv 3.11.7 (built
without profile-guided optimisation) gave 0.519 and Debian's 3.11.2 gave 0.530 on the same tests.
"""

from __future__ import annotations

import argparse
import base64
import copy
import gc
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hpceval.metrics.enamel import enamel_level_scores
from hpceval.metrics.timing import hodges_lehmann

REPO = Path(__file__).resolve().parents[1]

TOLERANCE_S = 0.01  # ENAMEL's tolerence_sec


class Censored(Exception):
    pass


class WrongOutput(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise Censored


def _runs(module: str, entry: str, inputs: list[tuple], reps: int, limit_s: float | None,
          check: Callable[[tuple, object, object], bool] | None = None,
          answers: list[object] | None = None) -> list[float] | None:
    """`reps` timed runs, each after a fresh exec of the module: a run calls the entry point on each of `inputs` (one
    case, or hpceval's batch of it) and its time is a call's, the run's over len(inputs); None when a run went past
    the limit (per call). With `check`, every output is checked against its answer after the clock stops
    (WrongOutput when one is rejected)."""
    times = []
    for _ in range(reps):
        scope: dict[str, object] = {"__name__": "__main__"}
        exec(module, scope)  # noqa: S102 - trusted samples only (see the module docstring)
        function = scope[entry]
        data = copy.deepcopy(inputs)
        gc.disable()
        if limit_s is not None:
            signal.setitimer(signal.ITIMER_REAL, (limit_s + TOLERANCE_S) * len(data))
        try:
            started = time.perf_counter()
            outputs = [function(*args) for args in data]  # type: ignore[operator]
            times.append((time.perf_counter() - started) / len(data))
        except Censored:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            gc.enable()
        if check is not None and answers is not None and not all(
                check(args, answer, output) for args, answer, output in zip(inputs, answers, outputs, strict=True)):
            raise WrongOutput
    return times


def _checker(problem: dict[str, Any]) -> Callable[[tuple, object, object], bool]:
    namespace: dict[str, Any] = {"__name__": "__checker__"}
    exec(problem["prompt"].rstrip("\n") + "\n    pass\n\n" + problem["checker"], namespace)  # noqa: S102
    return namespace["__check"]


def _correct(problem: dict[str, Any], check: Callable[[tuple, object, object], bool], module: str,
             levels: list[dict]) -> bool:
    scope: dict[str, object] = {"__name__": "__main__"}
    try:
        exec(module, scope)  # noqa: S102
        for level in levels[:1]:  # level 0 (weight 0) only: the timed levels are checked as they are timed below
            for args, answer in level["cases"]:
                if not check(args, answer, scope[problem["entry"]](*copy.deepcopy(args))):  # type: ignore
                    return False
    except Exception:  # noqa: BLE001 - a sample that raises is wrong
        return False
    return True


def _timed_cases(level: dict, batches: bool) -> list[list[tuple[tuple, object]]]:
    """A level's timed cases, each a list of (input, answer): the case alone (ENAMEL), or with `batches` the case's
    hpceval batch where the level has batches (the case and its siblings, called in one run)."""
    if batches and level.get("batches"):
        return [list(batch) for batch in level["batches"]]
    return [[case] for case in level["cases"]]


def score(problem: dict[str, Any], sample: str, batches: bool = False) -> tuple[bool, float]:
    """One problem (the facts `_facts` gives, its tests included) and one sample: whether it passed, its eff."""
    levels, entry, reps, alpha, hardness = (problem[key] for key in ("levels", "entry", "reps", "alpha", "hardness"))
    timed = [i for i, level in enumerate(levels) if float(level["hardness"]) > 0]
    cases_of = {i: _timed_cases(levels[i], batches) for i in timed}
    ref_times: list[float] = [1.0] * len(levels)
    for i in timed:
        per_case = [hodges_lehmann(_runs(problem["reference"], entry, [args for args, _ in case], reps, None)
                                   or [0.0])
                    for case in cases_of[i]]
        ref_times[i] = max(per_case)
    limit = alpha * max(ref_times[i] for i in timed)
    check = _checker(problem)
    if not _correct(problem, check, sample, levels):
        return False, 0.0
    own: list[float | None] = [0.0] * len(levels)
    for i in timed:
        per_case = []
        cases = cases_of[i]
        for case in cases:
            try:
                runs = _runs(sample, entry, [args for args, _ in case], reps, limit, check,
                             [answer for _, answer in case])
            except Exception:  # noqa: BLE001 - an error or a wrong output (WrongOutput) fails the sample
                return False, 0.0
            if runs is None:
                break
            per_case.append(hodges_lehmann(runs))
        if len(per_case) < len(cases):
            own[i:] = [None] * (len(levels) - i)
            break
        own[i] = max(per_case)
    scores = enamel_level_scores(own, ref_times, hardness, alpha=alpha)
    return True, sum(h * e for h, e in zip(hardness, scores, strict=True)) / sum(hardness)


def _facts(cache_root: Path, samples: Path, dataset: Path, batches: bool) -> list[tuple[dict[str, Any], str]]:
    """Each problem's facts and tests (from hpceval's cache; a level's batches only with `batches`) with its sample,
    as plain data: the timing process imports nothing of hpceval's but its pure metrics (pydantic and datasets are
    the venv's, not its Python's)."""
    from hpceval.tasks.kinds.function.cache import TestsCache  # noqa: PLC0415 - the venv's side only
    from hpceval.tasks.kinds.function.dataset import load_enamel  # noqa: PLC0415

    problems, _ = load_enamel(str(dataset))
    chosen = json.loads(samples.read_text())
    cache = TestsCache(cache_root / "function")
    facts = []
    for problem in problems:
        stored = cache.tests(problem)
        if stored is None:
            raise SystemExit(f"{problem.name}: no tests under {cache_root}; run benchmarks/enamel.py --keep DIR")
        levels = pickle.loads(base64.b64decode(stored))["levels"]
        facts.append(({"name": problem.name, "entry": problem.entry_point, "reference": problem.reference_module(),
                       "prompt": problem.prompt, "checker": problem.checker, "reps": problem.reps,
                       "alpha": problem.alpha, "hardness": list(problem.hardness),
                       "levels": [{"hardness": level["hardness"], "cases": level["cases"],
                                   "batches": level.get("batches") if batches else None} for level in levels]},
                      chosen[problem.source_index][0]))
    return facts


def sandbox_python() -> str:
    """The interpreter the local sandbox runs a candidate's code with: `python3` on its PATH."""
    from hpceval.sandbox.local import SAFE_PATH  # noqa: PLC0415 - the venv's side only

    return shutil.which("python3", path=SAFE_PATH) or sys.executable


def _time_all(facts_file: Path, out: Path, batches: bool) -> None:
    """The timing process: score every problem of `facts_file`, write {name: [passed, eff]} to `out`."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        results = {problem["name"]: score(problem, sample, batches)
                   for problem, sample in pickle.loads(facts_file.read_bytes())}
    finally:
        signal.signal(signal.SIGALRM, previous)
    out.write_text(json.dumps(results))


def yardstick(cache_root: Path, samples: Path, dataset: Path, python: str | None = None,
              batches: bool = False) -> tuple[float, float, float, dict[str, float]]:
    """pass@1, eff@1, the wall seconds, and each problem's eff, by ENAMEL's timing on the tests cached under
    `cache_root` (an HPCEVAL_CACHE_DIR), under `python` (default: the sandbox's interpreter); with `batches`, a
    batched level's cases are timed over hpceval's batches (see the module docstring)."""
    with tempfile.TemporaryDirectory(prefix="hpceval-yardstick-") as scratch:
        facts, out = Path(scratch) / "facts.pkl", Path(scratch) / "scores.json"
        facts.write_bytes(pickle.dumps(_facts(cache_root, samples, dataset, batches), protocol=5))
        started = time.perf_counter()
        env = {"PATH": os.environ.get("PATH", os.defpath), "PYTHONPATH": str(REPO), "HOME": scratch}
        done = subprocess.run([python or sandbox_python(), "-s", __file__, "--time-all", str(facts), str(out)]
                              + (["--batches"] if batches else []),
                              env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"the yardstick's timing process failed:\n{done.stderr[-3000:]}")
        results = json.loads(out.read_text())
    effs = {name: eff for name, (_, eff) in results.items()}
    passed = [ok for ok, _ in results.values()]
    return sum(passed) / len(passed), sum(effs.values()) / len(effs), wall, effs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = REPO.parent / "shared" / "data" / "enamel"
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--run", type=Path, help="a run dir of the same samples: its per-problem scores beside")
    parser.add_argument("--samples", type=Path, default=data / "humanevalplus-canonical.json")
    parser.add_argument("--dataset", type=Path, default=data / "enamel.csv")
    parser.add_argument("--python", help="the interpreter to time under (default: the local sandbox's python3)")
    parser.add_argument("--batches", action="store_true",
                        help="time a batched level's cases over hpceval's batches, a run calling the whole batch")
    args = parser.parse_args()
    python = args.python or sandbox_python()
    pass_at_1, eff_at_1, wall, effs = yardstick(args.cache, args.samples, args.dataset, python, args.batches)
    print(f"ENAMEL's timing{' over hpceval batches' if args.batches else ''}, in-process, this machine, {python}: "
          f"pass@1 {pass_at_1:.3f} eff@1 {eff_at_1:.3f} ({len(effs)} problems, {wall:.0f} s)")
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
    if sys.argv[1:2] == ["--time-all"]:  # the timing process (yardstick): standard library and metrics only
        _time_all(Path(sys.argv[2]), Path(sys.argv[3]), "--batches" in sys.argv[4:])
    else:
        main()
