"""The wheel as a user gets it: one top-level import name, every data file inside it, and no clash with
`openai-agents` (which ships a top-level `agents`, as hpceval 0.1.0 did). Builds the wheel from this checkout,
installs it non-editable in a fresh venv next to the real openai-agents from PyPI, and runs the installed
command from a directory that is not the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(argv: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(argv, cwd=cwd, env={**env, "COLUMNS": "200"}, capture_output=True, text=True,
                          timeout=timeout, check=False)
    tail = f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert proc.returncode == 0, f"{' '.join(argv)} exited {proc.returncode}:\n{tail}"
    return proc


def _source_copy(target: Path) -> Path:
    """The files git tracks, links kept as links: a wheel built from the checkout itself would also pack what
    an earlier build left in build/ (setuptools never deletes stale files there)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source, dest = REPO / name, target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), dest)
        elif source.is_file():
            shutil.copy2(source, dest)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    source = _source_copy(tmp_path_factory.mktemp("source"))
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(out)], cwd=out)
    (found,) = out.glob("hpceval-*.whl")
    return found


def test_the_wheel_has_one_top_level_name_with_its_data_inside(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"hpceval"}
    for needed in ("hpceval/py.typed", "hpceval/__main__.py", "hpceval/agents/prices.yaml",
                   "hpceval/leaderboards/assets/sort.js", "hpceval/leaderboards/templates/board.html.j2",
                   "hpceval/sandbox/images/cpu/Dockerfile", "hpceval/sandbox/images/cpu/packages.txt",
                   "hpceval/tasks/packs/hpc/pack.yaml", "hpceval/tasks/packs/hpc/prompt.j2",
                   "hpceval/tasks/packs/hpc/common/hpceval_trusted.hpp",
                   "hpceval/tasks/packs/hpc/problems/cg/reference/mpi_omp.cpp",
                   "hpceval/tasks/kinds/kernel/symbol_policy.py",
                   "hpceval/tasks/kinds/function/runtime/hpceval_function.hpp"):
        assert needed in names, f"{needed} missing from the wheel"
    packs = sorted(p.relative_to(REPO / "tasks").as_posix() for p in (REPO / "tasks" / "packs").rglob("*")
                   if p.is_file())
    assert all(f"hpceval/tasks/{p}" in names for p in packs)
    folders = ("harness", "agents", "sandbox", "tasks", "metrics", "leaderboards")
    modules = [p.relative_to(REPO).as_posix() for folder in folders
               for p in (REPO / folder).rglob("*.py") if "__pycache__" not in p.parts]
    missing = [m for m in modules if f"hpceval/{m}" not in names]
    assert not missing, f"not in the wheel (add their packages to pyproject.toml): {missing}"
    top_level = next(n for n in names if n.endswith(".dist-info/top_level.txt"))
    assert zipfile.ZipFile(wheel).read(top_level).decode().split() == ["hpceval"]


def test_installed_beside_openai_agents_both_work(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python, hpceval = venv / "bin" / "python", venv / "bin" / "hpceval"
    _run([str(python), "-m", "pip", "install", "-q", "openai-agents", str(wheel)], cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # openai-agents' own top-level `agents` is intact, and hpceval's is its subpackage
    probe = ("import agents, hpceval, hpceval.agents; from agents import Agent, Runner; "
             "from hpceval.metrics import pass_at_k, eff_at_k, speedup_at_k; "
             "print(agents.__file__); print(hpceval.agents.__file__); print(pass_at_k(2, 1, 1))")
    lines = _run([str(python), "-c", probe], cwd=elsewhere).stdout.split()
    assert "/site-packages/agents/" in lines[0] and "/site-packages/hpceval/agents/" in lines[1]
    assert lines[2] == "0.5"
    version = _run([str(hpceval), "--version"], cwd=elsewhere).stdout.strip()
    assert version == _run([str(python), "-m", "hpceval", "--version"], cwd=elsewhere).stdout.strip()
    assert version.startswith("hpceval ")
    listed = _run([str(hpceval), "list", "--suite", "hpc"], cwd=elsewhere).stdout
    assert "hpc/axpy/serial/generate" in listed
    run = _run([str(hpceval), "run", "--task", "hpc/axpy/serial/generate", "--out", str(elsewhere / "run")],
               cwd=elsewhere)
    assert "pass@1" in run.stdout
    assert (elsewhere / "run" / "attempts.jsonl").read_text().count('"verdict":"ok"') == 1
