from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def hpceval(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 1200) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user would."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "hpceval", *args], cwd=cwd or REPO, env=full_env, capture_output=True,
        text=True, timeout=timeout, check=False,
    )


def path_without_mpi(tmp_path: Path) -> str:
    """A PATH holding only g++ and git: a host without MPI (for the local sandbox's toolchain check)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("g++", "git"):
        found = shutil.which(tool)
        if found:
            os.symlink(found, bin_dir / tool)
    return str(bin_dir)


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture
def cli():
    return hpceval


@pytest.fixture(scope="session")
def board(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A leaderboard built from run dirs made once per session (tests/board_runs.py)."""
    from tests.board_runs import make_board

    return make_board(tmp_path_factory.mktemp("board"))
