"""The ENAMEL yardstick (benchmarks/enamel_inprocess.py), which the eff@1 figures of issue 12 are read against:
over hpceval's batches (--batches) it must time and check every input of a batch, not only the case."""

from __future__ import annotations

import importlib.util
import signal
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "enamel_inprocess.py"


def _yardstick() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enamel_inprocess", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = "def double(x):\n    return 2 * x\n"
WRONG_ON_SIBLING = "def double(x):\n    return 0 if x == 3 else 2 * x\n"  # the case is 2; 3 is only in its batch


def _problem() -> dict:
    level0 = {"hardness": 0.0, "cases": [((1,), 2)], "batches": None}
    timed = {"hardness": 1.0, "cases": [((2,), 4)], "batches": [[((2,), 4), ((3,), 6), ((5,), 10)]]}
    return {"name": "double", "entry": "double", "reference": REFERENCE, "prompt": "def double(x):\n",
            "checker": "def __check(args, answer, output):\n    return answer == output\n", "reps": 2, "alpha": 2.0,
            "hardness": [0.0, 1.0], "levels": [level0, timed]}


def test_the_batched_yardstick_times_the_batch_and_the_plain_one_the_case() -> None:
    yardstick = _yardstick()
    level = _problem()["levels"][1]
    assert yardstick._timed_cases(level, batches=False) == [[((2,), 4)]]
    assert yardstick._timed_cases(level, batches=True) == [[((2,), 4), ((3,), 6), ((5,), 10)]]
    assert yardstick._timed_cases(_problem()["levels"][0], batches=True) == [[((1,), 2)]]


def test_a_sample_wrong_only_on_a_batch_sibling_fails_over_the_batches() -> None:
    yardstick = _yardstick()
    previous = signal.signal(signal.SIGALRM, yardstick._alarm)
    try:
        passed_plain, eff_plain = yardstick.score(_problem(), WRONG_ON_SIBLING, batches=False)
        passed_batched, eff_batched = yardstick.score(_problem(), WRONG_ON_SIBLING, batches=True)
        passed_reference, _ = yardstick.score(_problem(), REFERENCE, batches=True)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert passed_plain and eff_plain > 0  # the case alone (ENAMEL's way) never meets 3
    assert (passed_batched, eff_batched) == (False, 0.0)
    assert passed_reference


def test_a_batched_run_reports_the_time_of_one_call() -> None:
    yardstick = _yardstick()
    slow = "import time\ndef wait(x):\n    time.sleep(x)\n    return x\n"
    times = yardstick._runs(slow, "wait", [(0.01,), (0.01,), (0.01,), (0.01,)], 2, None)
    assert times is not None and len(times) == 2
    assert all(0.01 <= t < 0.03 for t in times)  # a call's share: 4 sleeps of 10 ms over 4, where the run is 40 ms
