"""A new task kind plugs in without touching harness/: `stdout-predict` (tests/kind_plugin), registered the way a
third-party package registers one, through an `hpceval.evaluators` entry point of an installed distribution,
and run through the real CLI and the real sandbox. Its answers are predictions, not code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, hpceval, read_jsonl
from tests.docker_support import require_docker

PLUGIN = Path(__file__).resolve().parent / "kind_plugin"


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A site dir holding the plugin's distribution metadata: its entry point is what makes the kind known."""
    site = tmp_path_factory.mktemp("site")
    info = site / "hpceval_stdout_kind-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hpceval-stdout-kind\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[hpceval.evaluators]\nstdout-predict = hpceval_stdout_kind:StdoutPredictEvaluator\n")
    return {"PYTHONPATH": f"{REPO}:{PLUGIN}:{site}", "HPCEVAL_PACK_PATH": str(PLUGIN / "packs")}


def test_without_its_plugin_the_kind_is_named_with_the_fix():
    env = {"HPCEVAL_PACK_PATH": str(PLUGIN / "packs")}
    result = hpceval("list", "--suite", "shellpredict", env=env)
    assert result.returncode == 2
    assert "unknown task kind 'stdout-predict'" in result.stderr and "hpceval.evaluators" in result.stderr
    assert "Traceback" not in result.stderr
    listed = hpceval("list", "--json", env=env)  # the pack fails alone: the others are listed, it is named
    packs = {t["pack"] for t in json.loads(listed.stdout)}
    assert listed.returncode == 0 and packs == {"hpc", "efficiency", "efficiency-cpp", "surrogate"}
    assert "pack 'shellpredict' is skipped" in listed.stderr and "unknown task kind" in listed.stderr


def test_the_plugin_kind_lists_runs_scores_and_validates(plugin_env: dict[str, str], tmp_path: Path):
    require_docker()
    listed = hpceval("list", "--suite", "shellpredict", "--json", env=plugin_env)
    assert listed.returncode == 0, listed.stderr
    assert sorted(t["task_id"] for t in json.loads(listed.stdout)) == ["shellpredict/count", "shellpredict/fizz"]
    assert {t["kind"] for t in json.loads(listed.stdout)} == {"stdout-predict"}

    out = tmp_path / "reference"
    ran = hpceval("run", "--suite", "shellpredict", "--out", str(out), env=plugin_env)
    assert ran.returncode == 0, ran.stderr
    attempts = read_jsonl(out / "attempts.jsonl")
    assert [a["verdict"] for a in attempts] == ["ok", "ok"]
    assert {a["kind"] for a in attempts} == {"stdout-predict"}
    assert sorted(a["measurement"]["lines_matched"] for a in attempts) == [3, 4]

    # a prediction in prose is still an answer (wrong here), never `no_code`
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": "shellpredict/count", "completion": c}) + "\n" for c in (
        "It prints\n```\n16\n64\n144\n```", "16\n64\n128", "I think it prints nothing at all.")))
    out = tmp_path / "replay"
    ran = hpceval("run", "--suite", "shellpredict", "--task", "shellpredict/count", "--agent", f"replay:{samples}",
                  "-n", "3", "--out", str(out), env=plugin_env)
    assert ran.returncode == 0, ran.stderr
    verdicts = [a["verdict"] for a in sorted(read_jsonl(out / "attempts.jsonl"), key=lambda a: a["sample"])]
    assert verdicts == ["ok", "wrong_answer", "wrong_answer"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["metrics"]["pass@1"] == pytest.approx(1 / 3)

    checked = hpceval("validate", "shellpredict", env=plugin_env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "4 of 4 checks hold on 2 tasks" in checked.stdout


def test_the_prompt_asks_for_a_prediction_not_code(plugin_env: dict[str, str]):
    script = ("from hpceval.tasks import load_packs, task_prompts\n"
              "pack = load_packs(['shellpredict'])[0]\n"
              "p = task_prompts(pack, pack.tasks[0])\n"
              "print(p.coder_system); print('---'); print(p.prompt); print('---')\n"
              "print(p.revision('verdict: x', None))")
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ, **plugin_env},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    system, prompt, revision = done.stdout.split("---\n")
    assert "predict" in system.lower() and "C++" not in done.stdout
    assert "while [" in prompt and "code block" in prompt
    assert "prediction" in revision and "signature" not in revision
