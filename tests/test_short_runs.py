"""A case whose runs hold little work is run more often (tasks/kinds/function/runtime/trusted.py, `_short`): the
exchange's jitter of some tens of microseconds is then a large part of every run, and with four runs a case a
level's time moved by a third from one run of ENAMEL's suite to the next (HumanEval/13, /28, /84). The runs of a
case that holds a millisecond or more of work are left as many as the problem asks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hpceval.tasks.kinds.function.schema import FunctionProblem

RUNTIME = Path(__file__).resolve().parents[1] / "tasks" / "kinds" / "function" / "runtime"
sys.path.insert(0, str(RUNTIME))  # trusted.py imports its neighbours by name, as it does in the sandbox
import trusted  # noqa: E402

PROBLEM = FunctionProblem(
    name="triangle", title="Triangle numbers", problem_type="other", description="A loop of n additions.",
    entry_point="triangle",
    prompt='def triangle(n: int) -> int:\n    """The sum 0 + 1 + ... + n - 1, added one by one."""\n',
    # level 1: three distinct inputs of a microsecond (a batch of three); level 2: one call of some milliseconds
    generator="def generate_input(size, lid, cid):\n    return random.randint(0, 2) if lid == 1 else size + cid\n",
    reference="    total = 0\n    for i in range(n):\n        total += i\n    return total\n",
    checker="def __check(args, answer, output):\n    return answer == output\n",
    sizes=[1, 1, 300_000], hardness=[0.0, 3.0, 4.0], cases=[1, 2, 2], reps=2)


def run(tmp_path: Path, script: str, *argv: str) -> str:
    done = subprocess.run([sys.executable, "-I", "-S", str(RUNTIME / script), *argv], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env={"HPCEVAL_RESULT_KEY": "k"})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_a_case_of_short_runs_is_run_four_times_as_often_as_one_of_long_runs(tmp_path):
    (tmp_path / "problem.json").write_text(json.dumps(PROBLEM.trusted_view()))
    (tmp_path / "solution.py").write_text(PROBLEM.reference_module())
    run(tmp_path, "generate.py", "--problem", "problem.json", "--out", "tests.pkl")
    out = run(tmp_path, "trusted.py", "--problem", "problem.json", "--tests", "tests.pkl", "--reps", "2", "--echo",
              "1")
    line = next(line for line in out.splitlines() if line.startswith("HPCEVAL_RESULT k "))
    report = json.loads(line.removeprefix("HPCEVAL_RESULT k "))
    assert report["verdict"] == "ok", report
    short, long = (report["levels"][level]["times"] for level in (1, 2))
    assert [len(runs) for runs in short] == [2 * trusted.SHORT_REPS_FACTOR] * 2, short
    assert [len(runs) for runs in long] == [2, 2], long
    assert min(min(runs) for runs in long) > trusted.SHORT_RUN_S  # what made them long


def test_either_sides_short_runs_make_the_case_short():
    assert trusted._short(3, [1e-6, 2e-6], [])
    assert not trusted._short(1, [2e-3, 3e-3], [])
    assert trusted._short(1, [2e-3, 3e-3], [1e-4, 1e-4])  # an answer slower than the reference is timed as finely
    assert not trusted._short(100, [1e-5, 2e-5], [1e-5])  # a batch of 100 calls: 1 ms a run
