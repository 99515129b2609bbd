"""A real browser on the pages hpceval writes: headless Chromium (Debian's `chromium`, driven by Playwright) opens
the leaderboard and a run report from disk, sorts a column by clicking its header, follows the links from the board
to a run report and on to a task page, and saves screenshots. Any JavaScript error, and any request for something
outside the site's own folder, fails the test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.board_runs import Board

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt-get install chromium; setup.sh --dev)")


class Watched:
    """A page and what it did: errors it logged or threw, and every URL it requested."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def outside(self, folder: Path) -> list[str]:
        root = folder.resolve().as_uri() + "/"
        return [url for url in self.requests if not url.startswith(root)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def _column(page: Any, table: str, metric: str) -> list[float]:
    cells = page.locator(f"{table} tbody td[data-metric='{metric}']")
    return [float(value) for value in cells.evaluate_all("cells => cells.map(c => c.dataset.value)")]


def test_sorting_the_board_and_following_its_links_to_a_task_page(board: Board, browser: Any, tmp_path: Path) -> None:
    watched = Watched(browser.new_page(viewport={"width": 1400, "height": 1000}))
    page = watched.page
    page.goto((board.site / "index.html").resolve().as_uri())
    table = "#board-hpc-1"  # this machine's hpc runs: the reference and the baseline
    assert page.locator(f"{table} tbody tr").count() == 2
    header = page.locator(f"{table} thead th[data-metric='speedup_n@1']")
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    descending = _column(page, table, "speedup_n@1")
    assert descending == sorted(descending, reverse=True) and descending[0] > descending[-1]
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert _column(page, table, "speedup_n@1") == sorted(descending)
    page.screenshot(path=str(tmp_path / "board.png"), full_page=True)
    assert (tmp_path / "board.png").stat().st_size > 10_000
    assert watched.errors == []
    assert watched.outside(board.site) == []
    assert any(url.endswith(".png") for url in watched.requests)  # the plots were loaded, from the folder

    page.locator(f"{table} tbody tr", has_text="reference").locator("a").first.click()  # the run's report
    page.wait_for_load_state()
    assert page.url.endswith("/index.html") and "/runs/" in page.url
    tasks = page.locator("#tasks tbody a.task-link")
    assert tasks.count() == 2
    first = tasks.first.inner_text()
    tasks.first.click()  # and on to the task's page
    page.wait_for_load_state()
    assert "/tasks/" in page.url
    assert first in page.locator("h1, h2").first.inner_text() or first in page.title()
    assert page.locator("pre").count() >= 2  # the prompt and the answer's code, at least
    page.screenshot(path=str(tmp_path / "task.png"), full_page=True)
    assert (tmp_path / "task.png").stat().st_size > 10_000
    assert watched.errors == []
    assert watched.outside(board.site) == []
