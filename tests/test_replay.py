import json
from pathlib import Path

import pytest

from hpceval.agents import AgentError
from hpceval.agents.replay import ReplayAgent, read_replay_file
from hpceval.tasks import Task


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def test_several_lines_are_several_samples_and_solution_is_a_synonym(tmp_path):
    path = write(tmp_path / "s.jsonl", [
        json.dumps({"task_id": "hpc/axpy/serial/generate", "completion": "a"}),
        json.dumps({"task_id": "hpc/axpy/serial/generate", "solution": "b"}),
        "",
        json.dumps({"task_id": "hpc/gemm/omp/generate", "completion": "c"}),
    ])
    assert read_replay_file(path) == {"hpc/axpy/serial/generate": ["a", "b"], "hpc/gemm/omp/generate": ["c"]}


@pytest.mark.parametrize("line, needle", [
    ("{not json", "not valid JSON"),
    (json.dumps({"completion": "x"}), '"task_id"'),
    (json.dumps({"task_id": "t"}), '"completion"'),
])
def test_malformed_lines_name_the_line_and_the_fix(tmp_path, line, needle):
    path = write(tmp_path / "bad.jsonl", [json.dumps({"task_id": "t", "completion": "x"}), line])
    with pytest.raises(AgentError, match=needle) as info:
        read_replay_file(path)
    assert "bad.jsonl:2" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(AgentError, match="not found"):
        ReplayAgent("replay:x", tmp_path / "none.jsonl")


def test_unknown_task_ids_are_refused(tmp_path):
    path = write(tmp_path / "s.jsonl", [json.dumps({"task_id": "hpc/nope/serial/generate", "completion": "x"})])
    agent = ReplayAgent("replay:" + str(path), path)
    task = Task(task_id="hpc/axpy/serial/generate", suite="hpc", pack="hpc", problem="axpy", title="", problem_type="")
    with pytest.raises(AgentError, match="hpc/nope/serial/generate"):
        agent.check_task_ids([task])
