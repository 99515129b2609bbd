"""`hpceval report`: static pages of real run dirs (the real CLI, the local sandbox, real compilers): a reference run
of two syrk tasks, and a replay run whose answers do not build, are wrong, or attack the page. Plus a run dir written
record by record for what no quick real run has here: the function and predict kinds, a scaling sweep, a suspect
speedup and a judged loop."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from typer.testing import CliRunner, Result

from hpceval.agents.base import Message, Usage
from hpceval.agents.loops import Transcript
from hpceval.harness.cli import app
from hpceval.harness.records import Attempt, RunManifest
from hpceval.harness.report_pages import build_report
from hpceval.harness.store import RunStore
from hpceval.leaderboards.report_model import task_page_name
from hpceval.leaderboards.run_report import write_report
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds.base import Measurement
from tests.conftest import hpceval
from tests.test_cli_run import NOT_COMPILING, WRONG

SERIAL = "hpc/axpy/serial/generate"  # the replay run's task
REFERENCE = ("hpc/syrk/omp/generate", "hpc/syrk/serial/generate")  # sorted; one trusted build, a short timing
ATTACK = "</pre><script>alert(1)</script><img src=http://evil/x>"
# the attack in the reply around the code, in a comment, and in a line the compiler quotes back in its error
ATTACK_ANSWER = f"""Here you go {ATTACK}
```cpp
#include <vector>
// {ATTACK}
void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {{ {ATTACK} }}
```"""
ESCAPED = "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=http://evil/x&gt;"


class Page(HTMLParser):
    """A page's tags (name, attributes) in order, its text, and its element ids."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if "id" in attrs}

    def all_text(self) -> str:
        return "".join(self.text)


def page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two runs, side by side (each a few seconds: only the reference answers are timed)."""
    root = tmp_path_factory.mktemp("report")
    env = {"HPCEVAL_CACHE_DIR": str(root / "cache")}
    samples = root / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": SERIAL, "completion": c}) + "\n"
                               for c in (NOT_COMPILING, WRONG, ATTACK_ANSWER)))
    commands = {
        "reference": ["run", "--task", REFERENCE[0], "--task", REFERENCE[1], "--agent", "reference", "--sandbox",
                      "local", "--timeout", "20", "--out", str(root / "reference")],
        "replay": ["run", "--task", SERIAL, "--agent", f"replay:{samples}", "-n", "3", "--sandbox", "local",
                   "--max-sandboxes", "1", "--timeout", "20", "--out", str(root / "replay")],
    }
    with ThreadPoolExecutor(2) as pool:
        done = {name: pool.submit(hpceval, *args, env=env) for name, args in commands.items()}
    for name, future in done.items():
        result = future.result()
        assert result.returncode == 0, (name, result.stderr)
    out: dict[str, Path] = {"root": root}
    for name in commands:
        report = hpceval("report", str(root / name), "--out", str(root / f"{name}-report"), env=env)
        assert report.returncode == 0, report.stderr
        assert str(root / f"{name}-report" / "index.html") in report.stdout
        out[name] = root / name
        out[f"{name}-report"] = root / f"{name}-report"
    return out


def task_rows(index: Path) -> list[list[tuple[str, dict[str, str]]]]:
    """The tags of each row of the index's tasks table, checking the table's shape on the way."""
    tags = page(index).tags
    start = tags.index(("table", {"id": "tasks", "class": "sortable"}))
    end = next((i for i in range(start + 1, len(tags)) if tags[i][0] == "table"), len(tags))
    table = tags[start:end]
    names = [tag for tag, _ in table]
    assert "thead" in names and "tbody" in names and names.index("thead") < names.index("tbody")
    body = table[names.index("tbody"):]
    rows: list[list[tuple[str, dict[str, str]]]] = []
    for tag, attrs in body[1:]:
        if tag == "tr":
            rows.append([])
        elif rows:
            rows[-1].append((tag, attrs))
    return rows


def test_the_index_lists_every_task_and_links_to_its_page(runs: dict[str, Path]):
    for name, tasks in (("reference", list(REFERENCE)), ("replay", [SERIAL])):
        out = runs[f"{name}-report"]
        index = out / "index.html"
        rows = task_rows(index)
        assert len(rows) == len(tasks)
        text = page(index).all_text()
        for task in tasks:
            assert task in text
        for row in rows:
            first_link = next(attrs for tag, attrs in row if tag == "a")
            assert first_link["class"] == "task-link"
            target = out / first_link["href"]
            assert target.is_file() and target.parent == out / "tasks"
            # every number cell sorts numerically: a float, or empty where undefined
            values = [attrs["data-value"] for tag, attrs in row if tag == "td" and "data-value" in attrs]
            assert len(values) >= 4  # samples, pass@1, build@1, speedup
            for value in values:
                assert value == "" or float(value) == float(value)
        manifest = json.loads((runs[name] / "run.json").read_text())
        for shown in (manifest["run_id"], manifest["created_at"], manifest["packs"][0]["content_hash"],
                      manifest["packs"][0]["version"], "pass@1", "95% interval"):
            assert shown in text, shown
    replay = page(runs["replay-report"] / "index.html").all_text()
    assert "0.000" in replay and "build_error 2" in replay and "wrong_answer 1" in replay


def test_a_task_page_has_the_prompt_every_answer_its_verdict_and_build_log(runs: dict[str, Path]):
    out = runs["replay-report"]
    text = page(out / "tasks" / task_page_name(SERIAL)).all_text()
    assert "## Problem: AXPY" in text  # the prompt the model saw
    assert "y[i] = alpha * x[i] - y[i];" in text  # the wrong answer's code
    assert "{ oops }" in text  # the one that does not build
    for verdict in ("build_error", "wrong_answer"):
        assert verdict in text
    assert re.search(r"\$ g\+\+ .*-c solution\.cpp -o candidate\.o", text), text  # the build command
    assert re.search(r"solution\.cpp:\d+:\d+: error: ", text)  # and the compiler's output
    assert re.search(r"first mismatch at index \d+: expected ", text)  # where the wrong one went wrong
    ref = page(runs["reference-report"] / "tasks" / task_page_name(REFERENCE[0])).all_text()
    assert "#pragma omp" in ref and "ok" in ref
    for shown in ("baseline median", "candidate median", "speedup 95% interval", "efficiency", "2 thread(s)"):
        assert shown in ref, shown
    assert re.search(r"speedup\s*\d+\.\d{3}x", ref)


def test_pages_link_to_each_other(runs: dict[str, Path]):
    out = runs["reference-report"]
    first, second = (out / "tasks" / task_page_name(task) for task in REFERENCE)  # in the order of their ids
    links = {attrs.get("class"): attrs["href"] for tag, attrs in page(first).tags if tag == "a"}
    assert links["index-link"] == "../index.html" and links["next-link"] == second.name
    links = {attrs.get("class"): attrs["href"] for tag, attrs in page(second).tags if tag == "a"}
    assert links["prev-link"] == first.name and "next-link" not in links


def test_every_link_and_source_stays_inside_the_report(runs: dict[str, Path]):
    for name in ("reference-report", "replay-report"):
        out = runs[name].resolve()
        pages = sorted(out.rglob("*.html"))
        assert len(pages) >= 2
        for path in pages:
            parsed = page(path)
            for tag, attrs in parsed.tags:
                for attr in ("href", "src", "action", "data", "poster", "srcset"):
                    if attr not in attrs:
                        continue
                    url = attrs[attr]
                    parts = urlsplit(url)
                    assert not parts.scheme and not parts.netloc, f"{path.name}: <{tag} {attr}={url!r}>"
                    if not parts.path:  # a fragment of this page
                        assert parts.fragment in parsed.ids, (path.name, url)
                        continue
                    target = (path.parent / unquote(parts.path)).resolve()
                    assert target.is_file() and target.is_relative_to(out), (path.name, url)
                    if parts.fragment:
                        assert parts.fragment in page(target).ids, (path.name, url)
        css = (out / "assets" / "hpceval.css").read_text()
        assert "url(" not in css and "@import" not in css


def test_the_attack_is_escaped(runs: dict[str, Path]):
    path = runs["replay-report"] / "tasks" / task_page_name(SERIAL)
    raw = path.read_text()
    parsed = page(path)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{"src": "../assets/sort.js", "defer": ""}]
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "iframe", "object", "embed")]
    assert not any("evil" in value for _, attrs in parsed.tags for value in attrs.values())
    assert "<script>alert" not in raw and "<img" not in raw
    assert raw.count(ESCAPED) >= 3  # the answer, the model's whole reply, the compiler quoting the line
    assert ATTACK in parsed.all_text()  # shown as the text it is
    assert "Content-Security-Policy" in raw  # and, should a text ever slip through, no inline script runs


def report(*args: str) -> Result:
    """`hpceval report ARGS` in this process (the subprocess CLI is the fixture's)."""
    return CliRunner().invoke(app, ["report", *args])


def test_bad_input_is_one_line_with_exit_status_2(runs: dict[str, Path], tmp_path: Path):
    empty = tmp_path / "empty-run"
    empty.mkdir()
    (empty / "run.json").write_text((runs["replay"] / "run.json").read_text())
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    cases = [
        ([str(tmp_path / "nowhere")], "is not a run dir (no run.json)"),
        ([str(empty)], "has no attempts yet"),
        ([str(runs["replay"]), "--out", str(mine)], "is not empty and holds no hpceval report"),
        ([str(runs["replay"]), "--out", str(mine / "notes.txt")], "is a file"),
    ]
    for args, error in cases:
        result = report(*args)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert error in result.stderr
    assert (mine / "notes.txt").read_text() == "keep me" and sorted(p.name for p in mine.iterdir()) == ["notes.txt"]


def test_the_default_out_is_in_the_run_dir_and_a_report_is_rewritten_in_place(runs: dict[str, Path]):
    for _ in range(2):  # the second time over the first report
        result = report(str(runs["replay"]))
        assert result.exit_code == 0, result.output
        assert str(runs["replay"] / "report" / "index.html") in result.stdout
    out = runs["replay"] / "report"
    assert sorted(p.name for p in (out / "tasks").iterdir()) == [task_page_name(SERIAL)]
    assert (out / "assets" / "sort.js").is_file() and (out / "assets" / "hpceval.css").is_file()


def test_page_names_are_safe_unique_and_deterministic():
    ids = ["hpc/axpy/mpi+omp/translate-from-serial", "hpc_axpy_mpi_omp_translate-from-serial", "enamel/HumanEval/0",
           "A/b", "a/b", "../../etc/passwd", "x" * 400, "surrogate/c/loops/k=3 ?&#"]
    names = [task_page_name(task) for task in ids]
    assert len(set(names)) == len(ids) and len({n.lower() for n in names}) == len(ids)
    assert names == [task_page_name(task) for task in ids]
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", name) and len(name) < 120, name


# -- what no quick real run gives here (other kinds, a sweep, a judge): a run dir written record by record --------
def record(task: str, kind: str, sample: int, verdict: Verdict, measurement: dict[str, object], **more: Any
           ) -> Attempt:
    return Attempt(task_id=task, sample=sample, suite="mixed", pack=task.split("/")[0], problem=task.split("/")[1],
                   problem_type="t", kind=kind, agent="openai:m", verdict=verdict, built=True,
                   measurement=Measurement.model_validate(measurement), started_at="2026-01-01T00:00:00+00:00",
                   finished_at="2026-01-01T00:00:01+00:00", **more)


def test_kinds_a_sweep_a_suspect_speedup_and_a_judged_loop(runs: dict[str, Path], tmp_path: Path):
    store = RunStore(tmp_path / "run")
    manifest = RunManifest.model_validate_json((runs["replay"] / "run.json").read_text())
    store.write_manifest(manifest.model_copy(update={"config": manifest.config.model_copy(
        update={"judge": "anthropic:j", "loop": "coder-judge", "rounds": 2})}))
    prompt = "Write `f` fast."
    first = Transcript(loop="coder-judge", round=0, coder=[Message(role="user", content=prompt),
                                                           Message(role="assistant", content="def f(): return 1")],
                       judge=[Message(role="system", content="the pack's judge instructions"),
                              Message(role="user", content="review this"),
                              Message(role="assistant", content=f"Use a dict. {ATTACK}")],
                       next_message=f"The judge says: use a dict. {ATTACK}")
    second = Transcript(loop="coder-judge", round=1, done=True, coder=[
        *first.coder, Message(role="user", content=first.next_message or ""),
        Message(role="assistant", content="def f(): return {}")])
    level = {"level_times_s": [0.5, 2.0], "reference_level_times_s": [0.25, 1.0], "level_efficiency": [0.5, 0.5],
             "efficiency": 0.5, "timer": "wall", "runs": 4}
    for number, (transcript, answer, verdict) in enumerate(
            [(first, "def f(): return 1", Verdict.wrong_answer), (second, "def f(): return {}", Verdict.ok)]):
        store.append_attempt(record(
            "eff/dict/python", "function", 0, verdict, level if verdict == Verdict.ok else {}, round=number,
            judge="anthropic:j", answer_sha=store.put_artifact(answer, ".py"),
            transcript_sha=store.put_artifact(transcript.model_dump_json(), ".json"),
            usage=Usage(prompt_tokens=100, completion_tokens=20, cost_usd=0.01, calls=2), loop_done=number == 1))
    store.append_attempt(record("pred/item/stdout", "predict", 0, Verdict.wrong_answer,
                                {"score": 0.25, "scorer": "numeric", "truth": "stdout"},
                                answer_sha=store.put_artifact("42\n", ".txt")))
    sweep = [{"threads": 1, "ranks": 1, "did_run": True, "is_valid": True, "runtime_s": 0.02, "baseline_s": 0.4,
              "speedup": 20.0, "message": ""},
             {"threads": 2, "ranks": 1, "did_run": True, "is_valid": False, "baseline_s": 0.4,
              "message": "wrong output at 2 threads"}]
    store.append_attempt(record("hpc/k/omp", "kernel", 0, Verdict.ok, {
        "speedup": 40.0, "speedup_bound": 16.0, "suspect": True, "cores": 2, "efficiency": 20.0, "threads": 2,
        "ranks": 1, "baseline_median_s": 0.4, "candidate_median_s": 0.01, "candidate_times": [0.01] * 5,
        "speedup_ci": [35.0, 45.0], "runs": sweep}, answer_sha=store.put_artifact("void k() {}", ".cpp")))
    report = build_report(store.root)
    assert "(the run dir has no summary.json)" in report.summary.source
    assert [column.key for column in report.speed_columns] == ["eff@1", "speedup_n@1", "accuracy@1"]
    index = write_report(report, tmp_path / "out")
    rows = task_rows(index)
    assert len(rows) == 3
    kernel = page(index.parent / "tasks" / task_page_name("hpc/k/omp")).all_text()
    for shown in ("40.000x", "[35.000, 45.000]", "above the plausible bound 16.0", "1t x 1r: 20.000x",
                  "2t x 1r: wrong output at 2 threads", "0.400000 s", "0.010000 s"):
        assert shown in kernel, shown
    assert "counted at the bound: hpc/k/omp" in page(index).all_text()  # the summary's note
    function_page = page(index.parent / "tasks" / task_page_name("eff/dict/python"))
    text = function_page.all_text()
    assert prompt in text and "def f(): return {}" in text and "def f(): return 1" in text  # both rounds
    assert "Round 1" in text and "scores" in text  # the kept round is marked
    assert "Use a dict." in text and "the pack's judge instructions" not in text
    assert "anthropic:j" in text and "2 (0 from cache, 0 retries)" in text
    assert "0.500000" in text and "0.250000" in text and "1 = the expert reference" in text  # per level
    assert not [tag for tag, _ in function_page.tags if tag in ("img", "iframe")]
    assert [attrs for tag, attrs in function_page.tags if tag == "script"] == [{"src": "../assets/sort.js",
                                                                                "defer": ""}]
    predict = page(index.parent / "tasks" / task_page_name("pred/item/stdout")).all_text()
    assert "0.250 (1 is right)" in predict and "numeric" in predict and "42" in predict


def test_a_summary_that_does_not_score_the_run_dir_is_scored_again_and_says_why(runs: dict[str, Path],
                                                                                tmp_path: Path):
    """Boards and reports read one summary (harness/scoring.py `read_or_score`): summary.json where it scores the
    attempts the run dir holds, else the attempts scored here, with the reason. Nothing is lost to a bad file."""
    import shutil

    from hpceval.harness.scoring import read_or_score

    run = tmp_path / "run"
    shutil.copytree(runs["replay"], run)
    store = RunStore(run)
    manifest, attempts = store.read_manifest(), store.read_attempts()
    summary, source = read_or_score(store, manifest, attempts)
    assert source == "summary.json"
    good = json.loads(store.summary_path.read_text())
    cases = {
        "malformed": ("{not json", "summary.json is malformed"),
        "fewer samples": (json.dumps({**good, "n_attempts": good["n_attempts"] - 1}),
                          f"summary.json scores {good['n_attempts'] - 1} samples, the run dir has"),
        "no labels": (json.dumps({**good, "labels": {}}), "before summaries named each task's labels"),
    }
    for name, (text, reason) in cases.items():
        store.summary_path.write_text(text)
        again, source = read_or_score(store, manifest, attempts)
        assert reason in source and f"hpceval score {run}" in source, (name, source)
        assert again.metrics == summary.metrics and again.labels == summary.labels, name
    assert build_report(run).summary.source == source
