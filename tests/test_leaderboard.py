"""`hpceval leaderboard build|publish` on run dirs made here: two agents on this machine, the same run as if measured
on a second machine, and a run of an older pack version. Speeds never share a table across machines, the stale row
is marked, and the Markdown, the JSON and the HTML agree on every number."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hpceval.leaderboards.board import Cell
from hpceval.leaderboards.markdown import cell_text
from tests.board_runs import OTHER_MACHINE, Board
from tests.conftest import REPO, hpceval


def _run_id(board: Board, name: str) -> str:
    return str(json.loads((board.runs[name] / "run.json").read_text())["run_id"])


def test_speeds_of_two_machines_never_share_a_table(board: Board) -> None:
    hpc = next(s for s in board.json["suites"] if s["suite"] == "hpc")
    assert len(hpc["sections"]) == 2
    by_run = {row["run_id"]: section for section, row in board.rows()}
    here, there = by_run[_run_id(board, "reference")], by_run["0the0machine"]
    assert by_run[_run_id(board, "baseline")] is here
    assert here["hardware_key"] != there["hardware_key"]
    assert [r["run_id"] for r in there["rows"]] == ["0the0machine"]
    assert "AMD EPYC 9554" in there["hardware"] and "64 CPUs" in there["hardware"]
    assert {"pass@1", "speedup_n@1", "fast_1@1"} <= set(here["columns"])
    reference = next(r for r in here["rows"] if r["agent"] == "reference")
    assert here["rows"][0] is reference  # ordered by pass@1: the references pass, the sequential baseline does not
    assert reference["cells"]["pass@1"]["value"] == 1.0


def test_the_row_of_an_older_pack_is_stale_everywhere(board: Board) -> None:
    stale = [row for _, row in board.rows() if row["stale"]]
    assert [row["run_id"] for row in stale] == [_run_id(board, "stale")]
    assert "predicttest 0.1.0 (now 0.2.0)" in stale[0]["stale_reason"]
    markdown = (board.site / "leaderboard.md").read_text()
    assert "*(stale: predicttest 0.1.0 (now 0.2.0))*" in markdown
    page = _parse(board.site / "index.html")
    assert page.row_classes[_run_id(board, "stale")] == "stale"
    assert all(page.row_classes[r["run_id"]] == "" for _, r in board.rows() if not r["stale"])


class _Page(HTMLParser):
    """Each board row's cells: {run_id: {metric: (data-value, shown text)}}, and each row's class."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, dict[str, tuple[str, str]]] = {}
        self.row_classes: dict[str, str] = {}
        self._run: str | None = None
        self._metric: str | None = None
        self._value = ""
        self._text: list[str] = []
        self._in_ci = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and found.get("data-run"):
            self._run = found["data-run"]
            self.row_classes[str(self._run)] = found.get("class") or ""
            self.cells[str(self._run)] = {}
        elif tag == "td" and self._run and found.get("data-metric"):
            self._metric, self._value, self._text = found["data-metric"], found.get("data-value") or "", []
        elif tag == "span" and self._metric:
            self._in_ci = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_ci = False
        elif tag == "td" and self._run and self._metric:
            self.cells[self._run][self._metric] = (self._value, "".join(self._text).strip())
            self._metric = None
        elif tag == "tr":
            self._run = None

    def handle_data(self, data: str) -> None:
        if self._metric and not self._in_ci:
            self._text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text())
    return page


def _markdown_cells(markdown: str) -> dict[str, dict[str, str]]:
    """The main tables of leaderboard.md: {run id: {column: cell}}."""
    out: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = []
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if not header:
            header = cells
        elif not set("".join(cells)) <= set("-:") and header[:2] == ["agent", "run"] and "tasks" in header:
            out[cells[1]] = dict(zip(header, cells, strict=True))
    return out


def test_markdown_json_and_html_agree_on_every_number(board: Board) -> None:
    markdown = _markdown_cells((board.site / "leaderboard.md").read_text())
    page = _parse(board.site / "index.html")
    checked = 0
    for section, row in board.rows():
        for column in section["columns"]:
            cell = row["cells"].get(column)
            value, shown = page.cells[row["run_id"]][column]
            expected = Cell.model_validate(cell) if cell else None
            assert markdown[row["run_id"]][column] == cell_text(expected)
            if expected is None or expected.value is None:
                assert (value, shown) == ("", "-")
                continue
            assert float(value) == expected.value  # the exact number, for sorting
            assert shown == cell_text(Cell(value=expected.value))
            checked += 1
    assert checked >= 15


def test_published_entries_build_the_same_board(board: Board) -> None:
    results = board.root / "results"
    published = hpceval("leaderboard", "publish", *(str(p) for p in board.runs.values()), "--to", str(results),
                        env=board.env)
    assert published.returncode == 0, published.stderr
    assert len(list(results.glob("*.json"))) == 4
    rebuilt = hpceval("leaderboard", "build", "--from", str(results), "--out", str(board.root / "again"),
                      env=board.env)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert json.loads((board.root / "again" / "leaderboard.json").read_text()) == board.json
    assert (board.root / "again" / "leaderboard.md").read_text() == (board.site / "leaderboard.md").read_text()


def test_the_site_needs_nothing_outside_its_folder(board: Board) -> None:
    html = (board.site / "index.html").read_text()
    links = re.findall(r'(?:href|src)="([^"#]+)"', html)
    assert links and not [link for link in links if "://" in link or link.startswith("/")]
    assert all((board.site / link).is_file() for link in links)
    assert len([link for link in links if link.startswith("plots/")]) >= 5  # pass@k, speedup, cost, heatmap x2


@pytest.mark.parametrize(("args", "expected"), [
    ((), "give RUN_DIRs or --from leaderboards/results"),
    (("/nonexistent/run",), "is not a run dir"),
    (("--from", "/nonexistent/results"), "no such folder of results"),
])
def test_bad_input_is_one_line_naming_the_fix(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    done = hpceval("leaderboard", "build", *args, "--out", str(tmp_path / "site"))
    assert done.returncode == 2
    assert expected in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_broken_entry_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "bad.json").write_text('{"run_id": "x"}')
    done = hpceval("leaderboard", "build", "--from", str(tmp_path / "results"), "--out", str(tmp_path / "site"))
    assert done.returncode == 2 and "bad.json: not a leaderboard entry" in done.stderr


def test_the_checked_in_board_is_the_one_the_published_results_make(tmp_path: Path) -> None:
    results = REPO / "leaderboards" / "results"
    entries = sorted(results.glob("*.json"))
    suites = {json.loads(p.read_text())["suite"] for p in entries}
    assert {"hpc", "efficiency", "surrogate"} <= suites
    agents = {(json.loads(p.read_text())["suite"], json.loads(p.read_text())["agent"]) for p in entries}
    assert all((suite, "reference") in agents for suite in suites)
    # the floor: the baseline agent, or where a suite has no baseline solutions (enamel), other harnesses' samples
    assert all((suite, "baseline") in agents or any(s == suite and a.startswith("replay:") for s, a in agents)
               for suite in suites)
    built = hpceval("leaderboard", "build", "--from", str(results), "--out", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    checked_in = (REPO / "leaderboards" / "leaderboard.md").read_text()
    assert (tmp_path / "site" / "leaderboard.md").read_text() == checked_in, (
        "leaderboards/leaderboard.md is out of date: run `hpceval leaderboard build --from leaderboards/results "
        "--out site --markdown leaderboards/leaderboard.md` (re-measure the stale rows to refresh them)")


def test_a_hostile_agent_name_is_text_on_every_page(board: Board, tmp_path: Path) -> None:
    """An entry is data from whoever published it: an agent named like markup must not become markup."""
    hostile = 'evil | <script>alert(1)</script><img src="http://evil.example/x.png">'
    results = tmp_path / "results"
    done = hpceval("leaderboard", "publish", str(board.runs["reference"]), "--to", str(results), env=board.env)
    assert done.returncode == 0, done.stderr
    (entry_path,) = results.glob("*.json")
    entry = json.loads(entry_path.read_text())
    entry["agent"] = hostile
    entry_path.write_text(json.dumps(entry))
    built = hpceval("leaderboard", "build", "--from", str(results), "--out", str(tmp_path / "site"), env=board.env)
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "site" / "index.html").read_text()
    assert "<script>alert" not in html and 'src="http://evil' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = (tmp_path / "site" / "leaderboard.md").read_text()
    assert "| evil \\| &lt;script&gt;alert(1)&lt;/script&gt;&lt;img" in markdown  # no pipe splits the row


def _as_ray_run(source: Path, target: Path, run_id: str, node_models: list[str]) -> None:
    """`source` as if its jobs had run on Ray nodes of these CPU models, one attempt per node in turn. No second
    machine exists here: the node fingerprints are this machine's with another CPU model written in."""
    shutil.copytree(source, target)
    manifest = json.loads((target / "run.json").read_text())
    manifest["run_id"] = run_id
    manifest["config"]["executor"] = "ray"
    manifest["fingerprint"] = {"executor": "ray", "nodes": [{"ip": "10.0.0.1"}, {"ip": "10.0.0.2"}]}
    (target / "run.json").write_text(json.dumps(manifest))
    lines = []
    for index, line in enumerate((target / "attempts.jsonl").read_text().splitlines()):
        attempt = json.loads(line)
        node = {**OTHER_MACHINE, "cpu_model": node_models[index % len(node_models)], "node": {"ip": f"10.0.0.{index}"}}
        text = json.dumps(node, sort_keys=True)
        sha = hashlib.sha256(text.encode()).hexdigest()
        (target / "artifacts" / f"{sha}.json").write_text(text)
        attempt["fingerprint_sha"] = sha
        lines.append(json.dumps(attempt))
    (target / "attempts.jsonl").write_text("\n".join(lines) + "\n")


def test_a_ray_run_is_grouped_by_the_nodes_that_measured_it(board: Board, tmp_path: Path) -> None:
    _as_ray_run(board.runs["reference"], tmp_path / "same", "0ray0same000", ["AMD EPYC 9554 64-Core Processor"])
    _as_ray_run(board.runs["reference"], tmp_path / "mixed", "0ray0mixed00", ["AMD EPYC 9554 64-Core Processor",
                                                                           "Intel(R) Xeon(R) Platinum 8480+"])
    built = hpceval("leaderboard", "build", str(board.runs["other"]), str(tmp_path / "same"), str(tmp_path / "mixed"),
                    "--out", str(tmp_path / "site"), env=board.env)
    assert built.returncode == 0, built.stderr
    sections = json.loads((tmp_path / "site" / "leaderboard.json").read_text())["suites"][0]["sections"]
    runs = {tuple(sorted(r["run_id"] for r in section["rows"])): section["hardware"] for section in sections}
    # nodes of one machine's hardware share its table; a run over two kinds of machine shares none
    assert set(runs) == {("0ray0same000", "0the0machine"), ("0ray0mixed00",)}
    assert runs[("0ray0mixed00",)].startswith("mixed hardware: AMD EPYC 9554")
