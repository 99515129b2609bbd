"""Identical candidates are evaluated once per run: a sample whose answer is the same text as one already evaluated
for the task takes over that evaluation's outcome, marked `reused_from`; the sandbox never sees it again.

The sandbox's jobs are counted by a wrapper around the real local sandbox, in process (a job counts when the
answer's text is among its files); the real effect is also visible in the records: a reused sample carries the
very timings of the sample it reuses (two independent timings never agree to the nanosecond)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from hpceval.harness.logs import run_log
from hpceval.harness.options import parse_run_options
from hpceval.harness.pipeline import plan_run, run_plan, start_run
from hpceval.harness.records import Attempt, ReusedFrom
from hpceval.harness.reuse import Reuse
from hpceval.harness.sandboxes import SandboxOptions, make_sandbox
from hpceval.sandbox.base import Job, JobResult, Verdict
from hpceval.tasks.kinds import Outcome
from tests.conftest import hpceval, read_jsonl
from tests.fake_llm import FakeLLM
from tests.test_cli_run import CORRECT, NOT_COMPILING, WRONG

TASK = "hpc/axpy/serial/generate"
# samples 0, 1, 3 and 4 are the same answer, sample 2 another one
ANSWERS = [CORRECT, CORRECT, WRONG, CORRECT, CORRECT]


class CountingSandbox:
    """The real sandbox, counting the jobs that run a given answer's code."""

    def __init__(self, inner: Any, code_marks: list[str]) -> None:
        self.inner = inner
        self.marks = code_marks
        self.jobs: list[str] = []
        self.lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:  # name, fingerprint, isolation_report: the real sandbox's
        return getattr(self.inner, name)

    def run(self, job: Job) -> JobResult:
        texts = "\n".join(job.files.values())
        with self.lock:
            self.jobs += [mark for mark in self.marks if mark in texts]
        return self.inner.run(job)

    def close(self) -> None:
        self.inner.close()


def code_of(completion: str) -> str:
    return completion.split("```cpp\n", 1)[1].split("```", 1)[0].strip()


def write_samples(path: Path, answers: list[str]) -> Path:
    path.write_text("".join(json.dumps({"task_id": TASK, "completion": c}) + "\n" for c in answers))
    return path


def run_in_process(samples: Path, out: Path, *, reuse: bool = True, sample_ids: str | None = None,
                   max_sandboxes: int = 2) -> list[str]:
    """`hpceval run` in this process, through a counting wrapper of the real local sandbox: the answers it ran."""
    options = parse_run_options(suite="hpc", tasks=[TASK], agent=f"replay:{samples}", samples=len(ANSWERS),
                                k="1,2", sandbox="local", max_sandboxes=max_sandboxes, out=out, timeout=60,
                                sample_ids=sample_ids, no_reuse=not reuse)
    plan = plan_run(options)
    counting = CountingSandbox(make_sandbox(SandboxOptions("local", max_sandboxes)),
                               [code_of(CORRECT), code_of(WRONG)])
    config = plan.config("local")
    store = start_run(plan, config, counting)  # type: ignore[arg-type]
    try:
        with run_log(out, "info", config):
            run_plan(plan, config, counting, store)  # type: ignore[arg-type]
    finally:
        plan.agent.close()
    return counting.jobs


def by_sample(out: Path) -> dict[int, dict[str, Any]]:
    return {int(a["sample"]): a for a in read_jsonl(out / "attempts.jsonl")}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("HPCEVAL_CACHE_DIR", str(tmp_path / "cache"))
    return {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}


def test_identical_answers_run_once_and_score_as_with_reuse_off(tmp_path: Path, cache: dict[str, str]) -> None:
    samples = write_samples(tmp_path / "samples.jsonl", ANSWERS)
    ran = run_in_process(samples, tmp_path / "reuse")
    assert sorted(ran) == sorted([code_of(CORRECT), code_of(WRONG)])  # 2 evaluations, not 5
    attempts = by_sample(tmp_path / "reuse")
    assert len(attempts) == 5 and [attempts[s]["verdict"] for s in range(5)] == [
        "ok", "ok", "wrong_answer", "ok", "ok"]
    assert attempts[2]["reused_from"] is None
    correct = [attempts[s] for s in (0, 1, 3, 4)]
    sources = [a for a in correct if a["reused_from"] is None]
    assert len(sources) == 1  # the one that ran; the three others name it
    source = sources[0]
    for attempt in correct:
        if attempt is not source:
            assert attempt["reused_from"] == {"sample": source["sample"], "round": 0}
            # the very same measurement (timings to the nanosecond), log and machine: nothing was re-measured
            assert attempt["measurement"] == source["measurement"]
            assert (attempt["log_sha"], attempt["fingerprint_sha"]) == (source["log_sha"], source["fingerprint_sha"])
    log = (tmp_path / "reuse" / "hpceval.log").read_text()
    assert log.count("(reused from sample") == 3

    # --no-reuse: every sample is evaluated again; the scores are the same
    off = hpceval("run", "--task", TASK, "--agent", f"replay:{samples}", "-n", "5", "--k", "1,2", "--sandbox",
                  "local", "--max-sandboxes", "2", "--timeout", "60", "--no-reuse", "--out", str(tmp_path / "off"),
                  env=cache)
    assert off.returncode == 0, off.stderr
    independent = by_sample(tmp_path / "off")
    assert all(a["reused_from"] is None for a in independent.values())
    timings = {json.dumps(independent[s]["measurement"]["candidate_times"]) for s in (0, 1, 3, 4)}
    assert len(timings) == 4  # four timings of their own
    manifest = json.loads((tmp_path / "off" / "run.json").read_text())
    assert manifest["config"]["reuse"] is False
    summaries = [json.loads((tmp_path / name / "summary.json").read_text()) for name in ("reuse", "off")]
    assert {k: v for k, v in summaries[0]["metrics"].items() if k.startswith(("pass@", "build@"))} == \
        {k: v for k, v in summaries[1]["metrics"].items() if k.startswith(("pass@", "build@"))}

    shown = hpceval("show", str(tmp_path / "reuse"), TASK, "--sample", str(correct[-1]["sample"]
                                                                            if correct[-1] is not source
                                                                            else correct[0]["sample"]))
    assert shown.returncode == 0, shown.stderr
    assert f"reused from sample {source['sample']}" in shown.stdout


def test_a_resumed_run_reuses_what_the_run_dir_holds(tmp_path: Path, cache: dict[str, str]) -> None:
    samples = write_samples(tmp_path / "samples.jsonl", [WRONG, WRONG, NOT_COMPILING, WRONG, WRONG])
    out = tmp_path / "run"
    assert run_in_process(samples, out, sample_ids="0") == [code_of(WRONG)]
    # the resume evaluates only the answer it has not seen (sample 2); 1, 3 and 4 take over sample 0's outcome
    assert run_in_process(samples, out) == []  # NOT_COMPILING is not in the counted marks
    attempts = by_sample(out)
    assert [attempts[s]["verdict"] for s in range(5)] == [
        "wrong_answer", "wrong_answer", "build_error", "wrong_answer", "wrong_answer"]
    assert [attempts[s]["reused_from"] for s in range(5)] == [
        None, {"sample": 0, "round": 0}, None, {"sample": 0, "round": 0}, {"sample": 0, "round": 0}]


def test_repair_rounds_reuse_an_identical_answer_and_still_feed_back_its_log(tmp_path: Path,
                                                                              cache: dict[str, str]) -> None:
    env = {**cache, "OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""}
    with FakeLLM(lambda body: NOT_COMPILING) as server:
        result = hpceval("run", "--task", TASK, "--agent", "openai:fake-coder", "--base-url", server.url + "/v1",
                         "--loop", "repair", "--rounds", "3", "--out", str(tmp_path / "run"), env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        revisions = [body for _, body, _ in server.requests][1:]
    attempts = read_jsonl(tmp_path / "run" / "attempts.jsonl")
    final = {a["round"]: a for a in attempts}
    assert [final[r]["verdict"] for r in range(3)] == ["build_error"] * 3
    assert [final[r]["reused_from"] for r in range(3)] == [None, {"sample": 0, "round": 0}, {"sample": 0, "round": 0}]
    # the coder is told the build error after the reused round too
    assert len(revisions) == 2 and all("error" in body["messages"][-1]["content"] for body in revisions)


# -- the reuse table itself -----------------------------------------------------------------------------------------
def _attempt(sample: int, verdict: Verdict) -> Attempt:
    return Attempt(task_id=TASK, sample=sample, suite="hpc", pack="hpc", problem="axpy", problem_type="dense_la",
                   agent="replay:x", verdict=verdict, answer_sha="a" * 20, started_at="t", finished_at="t")


def test_a_second_identical_answer_in_flight_waits_for_the_first() -> None:
    reuse = Reuse()
    calls: list[int] = []
    got: dict[int, object] = {}

    def evaluate(sample: int) -> None:
        found = reuse.claim(TASK, "a" * 20)
        if found is None:
            calls.append(sample)
            time.sleep(0.3)
            reuse.publish(TASK, "a" * 20, reuse.entry_of(Outcome(verdict=Verdict.ok), "log", "fp", sample, 0))
        else:
            got[sample] = found.source

    threads = [threading.Thread(target=evaluate, args=(s,)) for s in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len(got) == 2
    assert all(source == ReusedFrom(sample=calls[0], round=0) for source in got.values())


def test_an_infra_error_is_never_reused_and_the_waiter_evaluates_itself() -> None:
    reuse = Reuse()
    assert reuse.claim(TASK, "b" * 20) is None
    result: list[object] = []
    waiter = threading.Thread(target=lambda: result.append(reuse.claim(TASK, "b" * 20)))
    waiter.start()
    time.sleep(0.1)
    reuse.publish(TASK, "b" * 20, reuse.entry_of(Outcome(verdict=Verdict.infra_error), None, None, 0, 0))
    waiter.join(5)
    assert result == [None]  # the waiter was let go, to evaluate the answer itself
    reuse.publish(TASK, "b" * 20, None)
    # from a run dir: real outcomes are kept, infra errors are not
    stored = Reuse()
    stored.seed([_attempt(0, Verdict.infra_error)])
    assert stored.claim(TASK, "a" * 20) is None
    stored.publish(TASK, "a" * 20, None)
    stored.seed([_attempt(1, Verdict.wrong_answer)])
    found = stored.claim(TASK, "a" * 20)
    assert found is not None and found.source == ReusedFrom(sample=1, round=0)
    off = Reuse(enabled=False)
    off.seed([_attempt(1, Verdict.wrong_answer)])
    assert off.claim(TASK, "a" * 20) is None and off.claim(TASK, "a" * 20) is None
