"""Make a `function` problem's tests on the trusted side: inputs from the problem's seeded generator, expected
outputs from its reference solution. Shipped into the sandbox; no candidate code is near it.

    python3 -I -S generate.py --problem problem.json --out tests.pkl

problem.json gives the prompt, the generator source (defining `generate_input(size, lid, cid)`), the reference
(the prompt's body, or a whole module), the entry point, the level sizes, hardness and cases per level, and a
seed. Case `cid` of level `lid` is generated right after `random.seed(f"{seed}:{lid}:{cid}")`. The generator
sees the prompt's other definitions, the `random` and `string` modules, and gen_helpers.py's functions. The
line `HPCEVAL_RESULT <key> {"tests_b64": ...}` carries the pickle back to the harness, which caches it. A C++
problem (language cpp) gets its inputs here and its answers from `trusted.py --record` (the reference built).
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import os
import pickle
import random
import string
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
import gen_helpers  # noqa: E402

HELPERS = ("rand_parens", "miller_rabin", "rand_probably_prime", "rand_primality")


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
    base: dict[str, object] = {"__name__": "__problem__"}
    if not native:
        exec(problem["prompt"].rstrip("\n") + "\n    pass\n", base)  # noqa: S102 - the dataset's own code
    generator = dict(base, random=random, string=string, **{name: getattr(gen_helpers, name) for name in HELPERS})
    exec(problem["generator"], generator)  # noqa: S102
    solve = None
    if not native:
        reference: dict[str, object] = {"__name__": "__reference__"}
        exec(reference_module(problem), reference)  # noqa: S102
        solve = reference[problem["entry_point"]]
    started = time.perf_counter()
    levels = []
    for lid, (size, hardness, count) in enumerate(zip(problem["sizes"], problem["hardness"], problem["cases"],
                                                      strict=True)):
        cases = []
        for cid in range(count):
            random.seed(f"{problem['seed']}:{lid}:{cid}")
            made = generator["generate_input"](size, lid, cid)  # type: ignore[operator]
            made = made if isinstance(made, tuple) else (made,)
            answer = solve(*copy.deepcopy(made)) if solve else None  # type: ignore[operator]
            cases.append((made, answer))
        levels.append({"size": size, "hardness": hardness, "cases": cases})
    data = pickle.dumps({"levels": levels}, protocol=5)
    with open(args.out, "wb") as handle:
        handle.write(data)
    result = {"tests_b64": base64.b64encode(data).decode(), "generate_s": time.perf_counter() - started}
    sys.stdout.write(f"HPCEVAL_RESULT {key} {json.dumps(result)}\n")


if __name__ == "__main__":
    main()
