from __future__ import annotations

import json

import pytest

from hpceval.harness.errors import UserError
from hpceval.harness.records import SCHEMA_VERSION, Attempt, RunConfig, RunManifest
from hpceval.harness.scoring import score
from hpceval.harness.store import RunStore
from hpceval.metrics import pass_at_k, speedup_at_k
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds.kernel import KernelMeasurement
from hpceval.tasks.kinds.kernel.interpret import Evaluation
from tests.conftest import hpceval


def attempt(task: str, sample: int, verdict: Verdict, speedup: float | None = None, threads: int = 2,
            model: str = "omp", built: bool = True) -> Attempt:
    return Attempt(
        task_id=task, sample=sample, suite="hpc", pack="hpc", problem=task.split("/")[1], problem_type="dense_la",
        execution_model=model, agent="test", verdict=verdict, built=built,
        measurement=KernelMeasurement(threads=threads, cores=threads, speedup=speedup), started_at="t0",
        finished_at="t1",
    )


def test_append_read_and_torn_last_line_is_cut(tmp_path):
    store = RunStore(tmp_path)
    store.append_attempt(attempt("hpc/a/omp/generate", 0, Verdict.ok, 1.5))
    store.append_attempt(attempt("hpc/a/omp/generate", 1, Verdict.wrong_answer))
    with open(store.attempts_path, "ab") as handle:  # what a kill -9 in the middle of a write leaves
        handle.write(b'{"task_id": "hpc/a/omp/generate", "sam')
    assert [a.sample for a in store.read_attempts()] == [0, 1]
    store.read_attempts(repair=True)
    assert store.attempts_path.read_bytes().endswith(b"}\n")
    store.append_attempt(attempt("hpc/a/omp/generate", 2, Verdict.ok, 1.0))
    assert [a.sample for a in store.read_attempts()] == [0, 1, 2]


def test_malformed_middle_line_is_a_user_error(tmp_path):
    store = RunStore(tmp_path)
    store.attempts_path.write_text('{"bad": 1}\n')
    with pytest.raises(UserError, match="attempts.jsonl:1"):
        store.read_attempts()


def test_infra_errors_are_not_finished_and_later_records_win(tmp_path):
    store = RunStore(tmp_path)
    store.append_attempt(attempt("hpc/a/omp/generate", 0, Verdict.infra_error))
    store.append_attempt(attempt("hpc/a/omp/generate", 1, Verdict.ok, 2.0))
    assert store.finished_keys(store.read_attempts()) == {("hpc/a/omp/generate", 1)}
    store.append_attempt(attempt("hpc/a/omp/generate", 0, Verdict.ok, 2.0))
    assert store.finished_keys(store.read_attempts()) == {("hpc/a/omp/generate", 0), ("hpc/a/omp/generate", 1)}


def test_artifacts_are_content_addressed(tmp_path):
    store = RunStore(tmp_path)
    sha = store.put_artifact("int main() {}", ".cpp")
    assert store.put_artifact("int main() {}", ".cpp") == sha
    assert store.artifact_path(sha).read_text() == "int main() {}"


def test_score_matches_the_estimators_task_by_task():
    attempts = [
        attempt("hpc/a/omp/generate", 0, Verdict.ok, 1.8),
        attempt("hpc/a/omp/generate", 1, Verdict.wrong_answer),
        attempt("hpc/a/omp/generate", 2, Verdict.build_error, built=False),
        attempt("hpc/b/serial/generate", 0, Verdict.ok, 1.0, threads=1, model="serial"),
        attempt("hpc/b/serial/generate", 1, Verdict.ok, 1.2, threads=1, model="serial"),
        attempt("hpc/b/serial/generate", 2, Verdict.infra_error, threads=1, model="serial"),  # not counted
        attempt("hpc/b/serial/generate", 3, Verdict.timeout, threads=1, model="serial"),
    ]
    summary = score(attempts, [1, 2])
    expected_pass1 = (pass_at_k(3, 1, 1) + pass_at_k(3, 2, 1)) / 2
    assert summary.metrics["pass@1"] == pytest.approx(expected_pass1)
    assert summary.metrics["build@1"] == pytest.approx((pass_at_k(3, 2, 1) + 1.0) / 2)
    expected_speedup2 = (speedup_at_k([1.8, 0, 0], 2) + speedup_at_k([1.0, 1.2, 0.0], 2)) / 2
    assert summary.metrics["speedup_n@2"] == pytest.approx(expected_speedup2)
    assert summary.groups["execution_model=omp"]["efficiency_n@1"] == pytest.approx(1.8 / 3 / 2)
    assert summary.counts == {"build_error": 1, "infra_error": 1, "ok": 3, "timeout": 1, "wrong_answer": 1}
    assert summary.n_tasks == 2


def test_k_larger_than_n_is_skipped_with_a_note():
    summary = score([attempt("hpc/a/omp/generate", 0, Verdict.ok, 1.0)], [1, 5])
    assert "pass@5" not in summary.metrics
    assert any("k=5" in note for note in summary.notes)


def test_summary_carries_bootstrap_intervals_over_tasks():
    attempts = [attempt(f"hpc/p{i}/omp", 0, Verdict.ok if i % 2 else Verdict.wrong_answer, 1.5) for i in range(8)]
    summary = score(attempts, [1])
    low, high = summary.intervals["all"]["pass@1"]
    assert low <= summary.metrics["pass@1"] == 0.5 <= high and low < high
    assert summary.intervals["execution_model=omp"]["pass@1"] == [low, high]


def write_run(root, values: dict[str, bool]) -> None:
    store = RunStore(root)
    store.write_manifest(RunManifest(
        run_id="r", created_at="t", hpceval_version="0", git_revision=None, packs=[], fingerprint={},
        config=RunConfig(suite="hpc", agent="test"),
    ))
    for task, ok in values.items():
        store.append_attempt(attempt(task, 0, Verdict.ok if ok else Verdict.wrong_answer, 1.0))


def test_compare_two_runs_through_the_cli(tmp_path):
    tasks = [f"hpc/p{i}/omp" for i in range(10)]
    write_run(tmp_path / "a", {t: i < 3 for i, t in enumerate(tasks)})
    write_run(tmp_path / "b", {t: i < 8 for i, t in enumerate(tasks)})
    result = hpceval("compare", str(tmp_path / "a"), str(tmp_path / "b"), "--metric", "pass@1", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["difference"] == pytest.approx(0.5) and data["wins"] == 5 and data["ties"] == 5
    assert data["interval"][0] <= 0.5 <= data["interval"][1]
    bad = hpceval("compare", str(tmp_path / "a"), str(tmp_path / "b"), "--metric", "pass@x")
    assert bad.returncode == 2 and "--k" in bad.stderr


def test_evaluation_speedup_and_its_paired_interval():
    baseline = [1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1.00, 1.01, 0.99]
    candidate = [t / 2 for t in baseline]
    evaluation = Evaluation(verdict=Verdict.ok, baseline_times=baseline, candidate_times=candidate)
    assert evaluation.speedup == pytest.approx(2.0)
    low, high = evaluation.speedup_interval()
    assert low == pytest.approx(2.0) and high == pytest.approx(2.0)  # every pair has ratio exactly 2
    assert Evaluation(verdict=Verdict.wrong_answer, baseline_times=baseline, candidate_times=candidate
                      ).speedup_interval() is None


V1_ATTEMPT = {  # a record as hpceval 0.1.0 wrote it: flat, kernel fields at the top, no schema_version
    "task_id": "hpc/axpy/omp/generate", "sample": 0, "round": 0, "suite": "hpc", "pack": "hpc", "problem": "axpy",
    "problem_type": "dense_la", "execution_model": "omp", "agent": "reference", "judge": None, "verdict": "ok",
    "message": "", "built": True, "code_sha": "abc", "log_sha": None, "threads": 2, "ranks": 1, "build_s": 0.5,
    "check_s": 0.1, "time_s": 1.0, "baseline_times": [2.0, 2.0], "candidate_times": [1.0, 1.0],
    "baseline_median_s": 2.0, "candidate_median_s": 1.0, "speedup": 2.0, "speedup_ci": [2.0, 2.0],
    "efficiency": 1.0, "suspect": False, "speedup_bound": 16.0, "handshake_us": 20.0, "untimed_cpu_s": {},
    "usage": {}, "roles": {}, "counters": {}, "transcript_sha": None, "loop_done": True, "fingerprint_sha": None,
    "origin": "hpceval", "runs": None, "started_at": "t0", "finished_at": "t1",
}
V1_MANIFEST = {"run_id": "r1", "created_at": "t0", "hpceval_version": "0.1.0", "git_revision": None,
               "config": {"suite": "hpc", "agent": "reference"}, "packs": [], "fingerprint": {}}


def test_a_run_dir_of_0_1_0_still_scores_and_a_newer_schema_names_the_fix(tmp_path):
    (tmp_path / "run.json").write_text(json.dumps(V1_MANIFEST))
    (tmp_path / "attempts.jsonl").write_text(json.dumps(V1_ATTEMPT) + "\n")
    (attempt_v2,) = RunStore(tmp_path).read_attempts()
    assert attempt_v2.schema_version == SCHEMA_VERSION
    assert attempt_v2.answer_sha == "abc" and attempt_v2.kind == "kernel"
    measured = KernelMeasurement.model_validate(attempt_v2.measurement.model_dump())
    assert measured.speedup == 2.0 and measured.cores == 2 and measured.baseline_times == [2.0, 2.0]
    result = hpceval("score", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["speedup_n@1"] == 2.0 and metrics["efficiency_n@1"] == 1.0
    (tmp_path / "attempts.jsonl").write_text(json.dumps({**V1_ATTEMPT, "schema_version": 99}) + "\n")
    result = hpceval("score", str(tmp_path))
    assert result.returncode == 2 and "attempts.jsonl:1" in result.stderr and "upgrade hpceval" in result.stderr
