"""The `predict` kind: items made from a seed, ground truth from really building and running them in the (local)
sandbox, predictions scored with partial credit, through the real CLI. tests/predict_pack holds families that
probe the kind (a non-deterministic program, a crash, a build error, timed versions, numeric output)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hpceval.sandbox.base import Job, JobResult, Verdict
from hpceval.sandbox.local import LocalSandbox
from hpceval.tasks import load_pack, packs_of_suite, task_prompts
from hpceval.tasks.kinds.predict import PredictEvaluator
from hpceval.tasks.kinds.predict.truths import TruthCache
from tests.conftest import hpceval, read_jsonl

PACK = Path(__file__).resolve().parent / "predict_pack"
SURROGATE = Path(__file__).resolve().parents[1] / "tasks" / "packs" / "surrogate"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"HPCEVAL_PACK_PATH": str(PACK), "HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}


def _truths(cache: Path) -> dict[str, dict[str, object]]:
    return {t["item_id"]: t for t in (json.loads(p.read_text()) for p in cache.glob("predict/*/*.json"))}


def test_items_are_fixed_by_their_seed_and_another_seed_gives_others():
    pack = load_pack(SURROGATE)
    again = load_pack(SURROGATE)
    other = replace(load_pack(SURROGATE), seed=7)
    first = {t.task_id: pack.evaluator.item(pack, t) for t in pack.tasks if t.problem == "c_modular_sum"}
    assert first == {t.task_id: again.evaluator.item(again, t) for t in again.tasks if t.problem == "c_modular_sum"}
    sevens = [other.evaluator.item(other, t) for t in other.tasks if t.problem == "c_modular_sum"]
    assert all("/s7-" in item.item_id for item in sevens)
    assert {i.key() for i in first.values()}.isdisjoint({i.key() for i in sevens})
    assert len({i.key() for i in first.values()}) == len(first) // 3  # a family's items differ; three styles each


def test_list_json_names_each_items_category_and_seed_changes_the_items():
    listed = hpceval("list", "--suite", "surrogate", "--json")
    assert listed.returncode == 0, listed.stderr
    tasks = json.loads(listed.stdout)
    assert {t["category"] for t in tasks} == {t["problem_type"] for t in tasks}
    assert {t["mode"] for t in tasks} == {"zero-shot", "cot", "few-shot"}
    seeded = json.loads(hpceval("list", "--suite", "surrogate", "--json", "--seed", "3").stdout)
    assert len(seeded) == len(tasks) and all("/s3-" in t["task_id"] for t in seeded)


def test_prompt_styles_show_the_program_and_ask_for_an_output_marker():
    pack = load_pack(SURROGATE)
    by_style = {t.mode: t for t in pack.tasks if t.task_id.startswith("surrogate/c_modular_sum/s0-000/")}
    prompts = {style: task_prompts(pack, task).prompt for style, task in by_style.items()}
    program = pack.evaluator.item(pack, by_style["zero-shot"]).files["main.c"].strip()
    for text in prompts.values():
        assert program in text and "Output:" in text and "gcc -O2" in text
    assert "step by step" in prompts["cot"] and "step by step" not in prompts["zero-shot"]
    assert "Example 1" in prompts["few-shot"] and "Example 1" not in prompts["cot"]


def test_the_truth_comes_from_running_each_item(env: dict[str, str], tmp_path: Path):
    checked = hpceval("validate", "predicttest", "--sandbox", "local", "--task", "predicttest/null_write/*",
                      "--task", "predicttest/slow_or_fast/*", "--task", "predicttest/halves/*", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    truths = _truths(tmp_path / "cache")
    crashes = {t["answer"] for key, t in truths.items() if key.startswith("null_write/")}
    assert crashes and crashes <= {"signal SIGSEGV", "signal SIGABRT"} | {f"exit {n}" for n in range(2, 121)}
    assert "signal SIGSEGV" in crashes or "signal SIGABRT" in crashes  # the program's own signal, not a shell's
    assert {t["answer"] for key, t in truths.items() if key.startswith("slow_or_fast/")} <= {"A", "B"}
    assert all(t["stable"] for t in truths.values()) and len(truths) == 4 + 2 + 3


def test_the_timed_truth_names_the_fast_label(env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HPCEVAL_PACK_PATH", env["HPCEVAL_PACK_PATH"])
    (pack,) = packs_of_suite("predicttest")
    evaluator = PredictEvaluator(TruthCache(tmp_path / "truths"))
    box = LocalSandbox(slots=1)
    try:
        for task in (t for t in pack.tasks if t.problem == "slow_or_fast" and t.mode == "zero-shot"):
            item = evaluator.item(pack, task)
            evaluator.ready(pack, task, box, "m")
            assert evaluator.truth_of(pack, task).answer == item.params["fast"]
    finally:
        box.close()


def test_validate_rejects_an_item_whose_runs_disagree_and_one_that_does_not_build(env: dict[str, str]):
    checked = hpceval("validate", "predicttest", "--sandbox", "local", "--task", "predicttest/wobbly/*/zero-shot",
                      "--task", "predicttest/broken_build/*/zero-shot", "--task", "predicttest/silent/*/zero-shot",
                      env=env)
    assert checked.returncode != 0
    assert "FAIL predicttest/wobbly/s0-000/zero-shot reference" in checked.stdout
    assert "not deterministic" in checked.stdout
    assert "FAIL predicttest/broken_build/s0-000/zero-shot setup: infra_error" in checked.stdout
    assert "did not build" in checked.stdout and "undeclared" in checked.stdout
    assert "FAIL predicttest/silent/s0-000/zero-shot reference" in checked.stdout
    assert "wrote nothing to standard error" in checked.stdout


def test_reference_scores_one_the_baseline_is_the_floor_and_a_broken_item_is_the_packs_fault(
        env: dict[str, str], tmp_path: Path):
    selection = ["--task", "predicttest/null_write/*/zero-shot", "--task", "predicttest/halves/*/zero-shot"]
    ran = hpceval("run", "--suite", "predicttest", "--agent", "reference", "--sandbox", "local", "--out",
                  str(tmp_path / "ref"), *selection, env=env)
    assert ran.returncode == 0, ran.stderr
    summary = json.loads((tmp_path / "ref" / "summary.json").read_text())
    assert summary["metrics"]["pass@1"] == 1.0 and summary["metrics"]["accuracy@1"] == 1.0
    assert set(summary["groups"]) >= {"problem_type=buggy", "problem_type=scientific"}

    base = hpceval("run", "--suite", "predicttest", "--agent", "baseline", "--sandbox", "local", "--out",
                   str(tmp_path / "base"), *selection, env=env)
    assert base.returncode == 0, base.stderr
    floor = json.loads((tmp_path / "base" / "summary.json").read_text())
    assert floor["metrics"]["pass@1"] == 0.0 and floor["metrics"]["accuracy@1"] < 0.5

    # the reference agent answers with the truth, so the truth must exist before it answers: a program that does
    # not build is an infra_error of the pack (no answer is asked for), never a crash or a model's failure
    broken = hpceval("run", "--suite", "predicttest", "--agent", "reference", "--sandbox", "local", "--out",
                     str(tmp_path / "broken"), "--task", "predicttest/broken_build/*/zero-shot", env=env)
    (attempt,) = read_jsonl(tmp_path / "broken" / "attempts.jsonl")
    assert attempt["verdict"] == "infra_error" and "did not build" in str(attempt["message"])
    assert "Traceback" not in broken.stderr


def test_partial_credit_and_the_truth_never_reaches_the_answer_side(env: dict[str, str], tmp_path: Path):
    listed = json.loads(hpceval("list", "--suite", "predicttest", "--json", env=env).stdout)
    halves = [t["task_id"] for t in listed if t["problem"] == "halves" and t["mode"] == "zero-shot"]
    hpceval("run", "--suite", "predicttest", "--agent", "reference", "--sandbox", "local", "--out",
            str(tmp_path / "ref"), "--task", "predicttest/halves/*/zero-shot", env=env)
    truths = {t["item_id"]: t["answer"] for t in _truths(tmp_path / "cache").values()}
    rows = []
    for task_id in halves:
        truth = str(truths[task_id.split("/", 1)[1].rsplit("/", 1)[0]])
        value, steps = truth.split()
        off = f"{float(value) * 1.05:.6f} {steps}"  # 5% off in the value, the count right
        rows.append({"task_id": task_id, "completion": f"Let me see.\nOutput:\n```\n{off}\n```\n"})
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps(r) + "\n" for r in rows))
    ran = hpceval("run", "--suite", "predicttest", "--agent", f"replay:{samples}", "--sandbox", "local", "--out",
                  str(tmp_path / "off"), env=env)
    assert ran.returncode == 0, ran.stderr
    attempts = read_jsonl(tmp_path / "off" / "attempts.jsonl")
    assert {a["verdict"] for a in attempts} == {"wrong_answer"}
    scores = [a["measurement"]["score"] for a in attempts]  # type: ignore[index]
    assert all(0.5 < s < 1.0 for s in scores), scores  # the count earns full credit, the value most of it
    for attempt in attempts:
        truth = truths[str(attempt["task_id"]).split("/", 1)[1].rsplit("/", 1)[0]]
        assert str(truth).split()[0] not in json.dumps(attempt)  # neither message nor log holds the truth
    summary = json.loads((tmp_path / "off" / "summary.json").read_text())
    assert summary["metrics"]["pass@1"] == 0.0 and 0.5 < summary["metrics"]["accuracy@1"] < 1.0


class NoJobs:
    """A sandbox that fails any job: proves that a cached truth needs none (a stand-in, not a sandbox)."""

    name = "local"

    def run(self, job: Job) -> JobResult:
        raise AssertionError(f"a job ran: {[s.name for s in job.steps]}")

    def close(self) -> None:
        pass


def test_a_cached_truth_needs_no_job_and_a_prediction_no_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HPCEVAL_PACK_PATH", str(PACK))
    (pack,) = packs_of_suite("predicttest")
    tasks = [t for t in pack.tasks if t.problem == "halves" and t.mode == "zero-shot"]
    box = LocalSandbox(slots=1)
    try:
        first = PredictEvaluator(TruthCache(tmp_path / "truths"))
        first.ready(pack, tasks[0], box, "machine-a")
    finally:
        box.close()
    again = PredictEvaluator(TruthCache(tmp_path / "truths"))  # a new process: memory empty, the cache on disk
    for task in tasks:
        again.ready(pack, task, NoJobs(), "machine-a")  # type: ignore[arg-type]
        truth = again.truth_of(pack, task).answer
        prepared = again.prepare(pack, task, truth, None)
        assert prepared.job.steps == []  # scored here: the harness runs no sandbox job for it
        outcome = again.interpret(pack, task, truth, prepared, JobResult(verdict=Verdict.ok, steps=[]))
        assert outcome.verdict == Verdict.ok and outcome.measurement.score == 1.0  # type: ignore[union-attr]
    with pytest.raises(AssertionError, match="a job ran"):  # another machine has its own truths
        again.ready(pack, tasks[0], NoJobs(), "machine-b")  # type: ignore[arg-type]


def test_the_surrogate_pack_validates_on_ci_subset(tmp_path: Path):
    """CI's subset, stated in the README: item s0-000 of every family, asked zero-shot, in the local sandbox (its
    truth job also makes s0-001..003's, except a timed item's, which runs alone); `benchmarks/surrogate_truth.py`
    validates every default item."""
    listed = json.loads(hpceval("list", "--suite", "surrogate", "--json").stdout)
    families = {t["problem"] for t in listed}
    assert len({t["category"] for t in listed}) >= 8
    assert sum(t["mode"] == "zero-shot" for t in listed) >= 1000  # items at the default seed
    checked = hpceval("validate", "surrogate", "--sandbox", "local", "--task", "surrogate/*/s0-000/zero-shot",
                      env={"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")})
    assert checked.returncode == 0, checked.stdout[-3000:] + checked.stderr[-2000:]
    assert f"{2 * len(families)} of {2 * len(families)} checks hold on {len(families)} tasks" in checked.stdout


def test_validate_takes_problems_in_turn():
    from hpceval.harness.validate import in_turn

    pack = load_pack(SURROGATE)
    pairs = [(pack, t) for t in pack.tasks if t.problem in ("c_modular_sum", "py_index_error") and t.mode == "cot"]
    ordered = [t.problem for _, t in in_turn(pairs)]
    assert ordered[:4] == ["c_modular_sum", "py_index_error", "c_modular_sum", "py_index_error"]
    assert sorted(t.task_id for _, t in in_turn(pairs)) == sorted(t.task_id for _, t in pairs)
