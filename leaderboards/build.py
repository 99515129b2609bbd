"""Write a board: `leaderboard.json` (the data), `leaderboard.md` and the static site (`index.html`)."""

from __future__ import annotations

from pathlib import Path

from hpceval.leaderboards.board import Board, CurrentPacks, build_board
from hpceval.leaderboards.entries import Entry
from hpceval.leaderboards.html import render_site
from hpceval.leaderboards.markdown import render_markdown


def write_board(entries: list[Entry], current: CurrentPacks, version: str, out: Path,
                reports: dict[str, str] | None = None) -> Board:
    out.mkdir(parents=True, exist_ok=True)
    board = build_board(entries, current, version)
    (out / "leaderboard.json").write_text(board.model_dump_json(indent=1) + "\n")
    (out / "leaderboard.md").write_text(render_markdown(board))
    render_site(board, entries, out, reports)
    return board
