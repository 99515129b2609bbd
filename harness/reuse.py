"""Work done once: within a run, an answer identical to one already evaluated for the same task is not sent to the
sandbox again; its attempt takes over that evaluation's outcome (verdict, message, measurement, log, the machine it
was measured on) and names it in `reused_from`.

The key is (task id, content hash of the answer): the run's measure settings are fixed, so the same answer to the
same task would be measured the same way. Samples of one task often carry the same answer (low temperature), and a
repair loop's later round may hand back the answer it was told to change.

- Two identical answers in flight at once: the first to `claim` the key evaluates it; the others wait for it, and
  take over its outcome, or, if it ended without a real result, the next one evaluates it itself.
- Only real results are kept: an `infra_error` (the sandbox's fault, retried) or a `skipped_no_gpu` (the machine's
  lack) is never reused.
- A resumed run seeds the table from the attempts its run dir holds.
- `--no-reuse` (RunConfig.reuse False) turns it off: every sample is measured on its own."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from hpceval.harness.records import Attempt, ReusedFrom
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds import Measurement, Outcome

NOT_REUSED = (Verdict.infra_error, Verdict.skipped_no_gpu)


@dataclass(frozen=True)
class Evaluated:
    """What a later identical answer takes over: an evaluation's outcome, where its log is stored, and where it ran."""

    verdict: Verdict
    message: str
    built: bool
    measurement: Measurement | None
    log_sha: str | None
    fingerprint_sha: str | None
    source: ReusedFrom  # the sample and round that were really evaluated


def reusable(attempt: Attempt) -> bool:
    """A stored attempt whose answer was evaluated and got a real result."""
    return (attempt.answer_sha is not None and attempt.verdict not in NOT_REUSED and attempt.origin == "hpceval"
            and attempt.verdict != Verdict.no_code and not attempt.message.startswith("the completion holds no"))


class Reuse:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._done: dict[tuple[str, str], Evaluated] = {}
        self._evaluating: dict[tuple[str, str], threading.Event] = {}
        self._lock = threading.Lock()
        self.reused = 0

    @staticmethod
    def entry_of(outcome: Outcome, log_sha: str | None, fingerprint_sha: str | None, sample: int,
                 round_number: int) -> Evaluated:
        return Evaluated(verdict=outcome.verdict, message=outcome.message, built=outcome.built,
                         measurement=outcome.measurement, log_sha=log_sha, fingerprint_sha=fingerprint_sha,
                         source=ReusedFrom(sample=sample, round=round_number))

    def seed(self, attempts: Iterable[Attempt]) -> None:
        """Take in the evaluations a run dir holds (the last record of each round wins; a reused one names its
        source)."""
        if not self.enabled:
            return
        latest: dict[tuple[str, int, int], Attempt] = {}
        for attempt in attempts:
            latest[(attempt.task_id, attempt.sample, attempt.round)] = attempt
        with self._lock:
            for attempt in latest.values():
                if not reusable(attempt) or attempt.answer_sha is None:
                    continue
                key = (attempt.task_id, attempt.answer_sha)
                if key not in self._done:
                    self._done[key] = Evaluated(
                        verdict=attempt.verdict, message=attempt.message, built=attempt.built,
                        measurement=attempt.measurement, log_sha=attempt.log_sha,
                        fingerprint_sha=attempt.fingerprint_sha,
                        source=attempt.reused_from or ReusedFrom(sample=attempt.sample, round=attempt.round))

    def claim(self, task_id: str, answer_sha: str) -> Evaluated | None:
        """The evaluation of this answer to this task, waiting for one in flight; or None: then the caller
        evaluates it and must `publish` (with None if it got no result), whatever happens."""
        if not self.enabled:
            return None
        key = (task_id, answer_sha)
        while True:
            with self._lock:
                found = self._done.get(key)
                if found is not None:
                    self.reused += 1
                    return found
                evaluating = self._evaluating.get(key)
                if evaluating is None:
                    self._evaluating[key] = threading.Event()
                    return None
            evaluating.wait()

    def publish(self, task_id: str, answer_sha: str, entry: Evaluated | None) -> None:
        """The claimed evaluation is done: keep it when it is a real result, and wake the answers waiting on it."""
        if not self.enabled:
            return
        key = (task_id, answer_sha)
        with self._lock:
            if entry is not None and entry.verdict not in NOT_REUSED:
                self._done.setdefault(key, entry)
            evaluating = self._evaluating.pop(key, None)
        if evaluating is not None:
            evaluating.set()
