"""Runs the machine stalled are made again (tasks/kinds/function/runtime/trusted.py, `_stalled`), by one rule
for the answer and the reference: this VM stalls a run by 0.3-0.5 ms every few dozen runs, and two stalls among a
case's four runs moved its Hodges-Lehmann estimate halfway to them, which the level's maximum over cases kept."""

from __future__ import annotations

import sys
from pathlib import Path

RUNTIME = Path(__file__).resolve().parents[1] / "tasks" / "kinds" / "function" / "runtime"
sys.path.insert(0, str(RUNTIME))  # trusted.py imports its neighbours by name, as it does in the sandbox
import trusted  # noqa: E402

from hpceval.metrics.timing import hodges_lehmann  # noqa: E402


def remade(times: list[float], again: list[float]) -> tuple[list[float], int]:
    made = iter(again)
    stalled = trusted._stalled(times)
    for index in stalled:  # as _measure does: the new run's time replaces the stalled one's
        times[index] = next(made)
    return times, len(stalled)


def test_two_stalls_in_four_runs_are_made_again_and_the_estimate_is_the_calls():
    stalled = [5e-6, 420e-6, 6e-6, 380e-6]
    assert hodges_lehmann(stalled) > 150e-6  # what a level's maximum used to keep
    times, count = remade(list(stalled), [5.5e-6, 6.5e-6])
    assert count == 2 and times == [5e-6, 5.5e-6, 6e-6, 6.5e-6]
    assert hodges_lehmann(times) < 7e-6


def test_steady_runs_and_small_differences_are_left_alone():
    for times in ([5e-6, 6e-6, 7e-6, 8e-6], [1e-3, 2.5e-3, 1.1e-3, 1.2e-3], [10e-6, 90e-6, 10e-6, 11e-6]):
        assert remade(list(times), []) == (times, 0)  # 90 us is 9x the fastest but only 80 us over it


def test_a_remade_run_counts_whatever_it_costs_and_no_more_than_two_are_made():
    times, count = remade([5e-6, 900e-6, 800e-6, 700e-6, 6e-6, 5e-6], [850e-6, 7e-6, 1.0])
    assert count == 2 and times == [5e-6, 850e-6, 7e-6, 700e-6, 6e-6, 5e-6]
