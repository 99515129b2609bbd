"""benchmarks/cuda_emulate.py: the hpc pack's CUDA references run on the CPU emulator (no GPU needed), and a
reference with a planted bug is reported wrong."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOL = REPO / "benchmarks" / "cuda_emulate.py"
PROBLEMS = REPO / "tasks" / "packs" / "hpc" / "problems"

pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="g++ is needed to build the emulated references")


def emulate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=300,
                          check=False)


def test_small_references_are_ok() -> None:
    result = emulate("--problem", "axpy", "--problem", "dot_product", "--problem", "inclusive_scan")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name in ("axpy", "dot_product", "inclusive_scan"):
        assert any(line.split()[:2] == [name, "ok"] for line in lines), result.stdout
    assert "3 of 3 problems ok" in result.stdout


def broken_copy(tmp_path: Path, problem: str, old: str, new: str) -> Path:
    """The problem's CUDA reference with `old` (which must occur) replaced by `new` once."""
    source = (PROBLEMS / problem / "reference" / "cuda.cpp").read_text()
    assert old in source
    path = tmp_path / f"{problem}_broken.cu.cpp"
    path.write_text(source.replace(old, new, 1))
    return path


@pytest.mark.parametrize(("problem", "old", "new", "why"), [
    # warp 0 reads the other warps' partial sums before they are written
    ("dot_product", "__syncthreads();", ";", "EMU_SEED"),
    # one element past the end of y: the guard page after every device allocation faults
    ("axpy", "i < n; i += stride", "i <= n; i += stride", "signal"),
])
def test_broken_reference_is_wrong(tmp_path: Path, problem: str, old: str, new: str, why: str) -> None:
    result = emulate("--problem", problem, "--source", str(broken_copy(tmp_path, problem, old, new)))
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith(problem))
    assert "wrong at case" in line and why in line, line
    assert "0 of 1 problems ok" in result.stdout
