"""Batches (tasks/kinds/function/runtime/generate.py): a timed level whose reference call is short becomes batches of
distinct inputs, each answer the reference's own; a level of large inputs stays small, since hundreds of copies
of a large input would not fit in memory (a C++ reference whose short call hid behind its hand-off once asked
for 512 copies of a 200 000-element case and ran out of its 8 GB)."""

from __future__ import annotations

import importlib.util
import json
import pickle
import subprocess
import sys
from pathlib import Path

from hpceval.tasks import packs_of_suite
from hpceval.tasks.kinds.function.evaluator import function_spec

RUNTIME = Path(__file__).resolve().parents[1] / "tasks" / "kinds" / "function" / "runtime"
sys.path.insert(0, str(RUNTIME))  # generate.py imports gen_helpers from its folder, as it does in the sandbox
spec = importlib.util.spec_from_file_location("generate", RUNTIME / "generate.py")
assert spec and spec.loader
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


def test_batch_size_follows_the_call_time_and_stops_at_the_memory_budget():
    assert generate.batch_size(1.0, 100) == 1
    assert generate.batch_size(generate.BATCH_TARGET_S / 10, 100) == 10
    assert generate.batch_size(0.0, 100) == generate.MAX_BATCH
    assert generate.batch_size(0.0, generate.BATCH_BYTES // 3) == 3
    assert generate.batch_size(0.0, generate.BATCH_BYTES * 2) == 1


def test_a_short_level_becomes_batches_of_distinct_inputs_with_the_references_answers(tmp_path):
    pack = next(p for p in packs_of_suite("efficiency") if p.name == "efficiency")
    problem = function_spec(pack.problems["merge_intervals"]).model_copy(update={"sizes": [3, 20, 40, 60]})
    (tmp_path / "problem.json").write_text(json.dumps(problem.trusted_view()))
    made = subprocess.run([sys.executable, "-I", "-S", str(RUNTIME / "generate.py"), "--problem", "problem.json",
                           "--out", "tests.pkl"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"HPCEVAL_RESULT_KEY": "k"})
    assert made.returncode == 0, made.stderr
    levels = pickle.loads((tmp_path / "tests.pkl").read_bytes())["levels"]
    assert "batches" not in levels[0]  # hardness 0: checked, never timed
    namespace: dict[str, object] = {}
    exec(problem.reference_module(), namespace)  # noqa: S102 - the pack's own reference
    solve = namespace[problem.entry_point]
    for level in levels[1:]:
        batches = level["batches"]
        assert len(batches) == len(level["cases"])
        for case, batch in zip(level["cases"], batches, strict=True):
            assert batch[0] == case and len(batch) > 10  # a 60-interval merge takes microseconds
            inputs = [pickle.dumps(args) for args, _ in batch]
            assert len(set(inputs)) == len(inputs), "an input repeats: a cache would win"
            assert all(answer == solve(*pickle.loads(pickle.dumps(args))) for args, answer in batch)
