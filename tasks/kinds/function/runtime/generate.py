"""Make a `function` problem's tests on the trusted side: inputs from the problem's seeded generator, expected
outputs from its reference solution. Shipped into the sandbox; no candidate code is near it.

    python3 -I -S generate.py --problem problem.json --out tests.pkl

problem.json gives the prompt, the generator source (defining `generate_input(size, lid, cid)`), the reference
(the prompt's body, or a whole module), the entry point, the level sizes, hardness and cases per level, and a
seed. Case `cid` of level `lid` is generated right after `random.seed(f"{seed}:{lid}:{cid}")`. The generator
sees the prompt's other definitions, the `random` and `string` modules, and gen_helpers.py's functions. The
line `HPCEVAL_RESULT <key> {"tests_b64": ...}` carries the pickle back to the harness, which caches it. A C++
problem (language cpp) gets its inputs here and its answers from `trusted.py --record` (the reference built).

Batches. A run is a fresh process, and its exchange with the trusted side costs about 0.1 ms with some tens of
microseconds of jitter, so a call far shorter than that cannot be timed alone. Where the reference's call at a
timed level takes less than BATCH_TARGET_S, each of the level's cases
becomes a batch: the case and B - 1 more inputs from the same generator and level
(`random.seed(f"{seed}:{lid}:{cid}:{k}")`, k = 1, 2, ...), all distinct, so that a run calls the entry point B
times in one process and the time per call is the run's time over B. No input repeats within a batch, so an answer
that keeps a cache between calls gains nothing from it (a table it builds is paid for inside the run); where the
generator cannot make B distinct inputs (a level of fixed inputs), the batch is smaller; so it is where the level's
inputs are large (BATCH_BYTES). `levels[l]["batches"][c]` is case c's batch, the case first; a level of single
calls has none.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import math
import os
import pickle
import random
import statistics
import string
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
import gen_helpers  # noqa: E402

HELPERS = ("rand_parens", "miller_rabin", "rand_probably_prime", "rand_primality")
BATCH_TARGET_S = 1e-3  # a timed run should hold at least this much of the reference's work
MAX_BATCH = 512
BATCH_BYTES = 16 << 20  # a batch's inputs, pickled, stay under this (every answer's job carries the tests)
SIBLING_TRIES = 4  # generator calls per wanted input before a batch settles for fewer


def batch_size(seconds_per_call: float, input_bytes: int) -> int:
    """The calls per timed run for a level whose reference takes `seconds_per_call` a call, on inputs of about
    `input_bytes` pickled: hundreds of copies of a large input would swell the tests every answer's job carries."""
    by_time = math.ceil(BATCH_TARGET_S / max(seconds_per_call, 1e-7))
    return max(1, min(MAX_BATCH, by_time, BATCH_BYTES // max(input_bytes, 1)))


def load_generator(problem: dict) -> dict[str, object]:
    """The namespace in which `generate_input` runs (the prompt's definitions, random, string, the helpers)."""
    base: dict[str, object] = {"__name__": "__problem__"}
    if problem.get("language") != "cpp":
        exec(problem["prompt"].rstrip("\n") + "\n    pass\n", base)  # noqa: S102 - the dataset's own code
    generator = dict(base, random=random, string=string, **{name: getattr(gen_helpers, name) for name in HELPERS})
    exec(problem["generator"], generator)  # noqa: S102
    return generator


def make_input(generator: dict[str, object], problem: dict, lid: int, cid: int, sibling: int = 0) -> tuple:
    random.seed(f"{problem['seed']}:{lid}:{cid}" + (f":{sibling}" if sibling else ""))
    made = generator["generate_input"](problem["sizes"][lid], lid, cid)  # type: ignore[operator]
    return made if isinstance(made, tuple) else (made,)


def siblings(generator: dict[str, object], problem: dict, lid: int, cid: int, first: tuple, count: int) -> list[tuple]:
    """Up to `count` more inputs for case `cid`'s batch, distinct from `first` and from each other."""
    seen = {pickle.dumps(first, protocol=5)}
    found: list[tuple] = []
    for sibling in range(1, SIBLING_TRIES * count + 1):
        if len(found) == count:
            break
        made = make_input(generator, problem, lid, cid, sibling)
        key = pickle.dumps(made, protocol=5)
        if key not in seen:
            seen.add(key)
            found.append(made)
    return found


def reference_module(problem: dict) -> str:
    reference = problem["reference"]
    if f"def {problem['entry_point']}" in reference:
        return reference
    return problem["prompt"].rstrip("\n") + "\n" + reference


def main() -> None:
    key = os.environ.pop("HPCEVAL_RESULT_KEY", "")
    parser = argparse.ArgumentParser()
    parser.add_argument("--problem", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.problem, encoding="utf-8") as handle:
        problem = json.load(handle)
    native = problem.get("language") == "cpp"  # the answers come later, from the built reference (trusted.py)
    generator = load_generator(problem)
    solve = None
    if not native:
        reference: dict[str, object] = {"__name__": "__reference__"}
        exec(reference_module(problem), reference)  # noqa: S102
        solve = reference[problem["entry_point"]]
    started = time.perf_counter()
    levels = []
    for lid, (size, hardness, count) in enumerate(zip(problem["sizes"], problem["hardness"], problem["cases"],
                                                      strict=True)):
        cases, seconds = [], []
        for cid in range(count):
            made = make_input(generator, problem, lid, cid)
            argument = copy.deepcopy(made)
            clock = time.perf_counter()
            answer = solve(*argument) if solve else None  # type: ignore[operator]
            seconds.append(time.perf_counter() - clock)
            cases.append((made, answer))
        level: dict[str, object] = {"size": size, "hardness": hardness, "cases": cases}
        largest = max((len(pickle.dumps(made, protocol=5)) for made, _ in cases), default=0)
        wanted = batch_size(statistics.median(seconds), largest) if solve and hardness > 0 else 1
        if wanted > 1:
            level["batches"] = [[case] + [(more, solve(*copy.deepcopy(more)))  # type: ignore[misc, operator]
                                          for more in siblings(generator, problem, lid, cid, case[0], wanted - 1)]
                                for cid, case in enumerate(cases)]
        levels.append(level)
    data = pickle.dumps({"levels": levels}, protocol=5)
    with open(args.out, "wb") as handle:
        handle.write(data)
    result = {"tests_b64": base64.b64encode(data).decode(), "generate_s": time.perf_counter() - started}
    sys.stdout.write(f"HPCEVAL_RESULT {key} {json.dumps(result)}\n")


if __name__ == "__main__":
    main()
