"""Check the hpc pack's CUDA references on a machine without a GPU, with the CPU emulator of
benchmarks/cuda_emulator/ (see its README.md): each problem's reference/cuda.cpp is converted (kernel launches
become emulator calls), built with g++ together with the problem's driver.cpp and baseline.cpp, and run on every
check case of its problem.yaml, compared with the problem's own tolerance and compare code.

    python benchmarks/cuda_emulate.py [--problem NAME ...] [--extra-sizes] [--source FILE] [--seed S]
                                      [--timeout SECONDS]

Prints one line per problem (ok / wrong at case SIZE:SEED: ... / build failed: ... / unsupported: ...) and a
final count; exits 1 when any problem is not ok. It checks the references' logic only, never a candidate's.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PACK = REPO / "tasks" / "packs" / "hpc"
EMULATOR = Path(__file__).resolve().parent / "cuda_emulator"
CXXFLAGS = ["-std=c++17", "-O2", "-w", "-ffp-contract=off", "-pthread"]

# Constructs the emulator does not model: a reference that uses one is reported unsupported, not wrong.
UNSUPPORTED = {
    "cudaStreamCreate": "streams other than the default one",
    "cudaEvent": "events",
    "__constant__": "constant memory",
    "cudaMemcpyToSymbol": "copies to symbols",
    "cooperative_groups": "cooperative groups",
    "cudaTextureObject_t": "textures",
    "cudaMallocManaged": "managed memory",
    "cudaFuncSetAttribute": "kernel attributes (opt-in shared memory)",
    "<cub/": "CUB",
    "<thrust/": "Thrust",
}
# Sizes tried by --extra-sizes (block and warp edges, odd sizes, several tiles), kept inside the range of the
# problem's own check sizes; powers of two only for a problem whose check sizes all are.
EXTRA_SIZES = [3, 31, 32, 33, 255, 256, 257, 1023, 1025, 2047, 4097, 12289, 65537]
EXTRA_POWERS = [16, 32, 256, 512, 2048, 4096, 8192, 32768]
# Junk that fills fresh device and shared memory, one per case: every byte 0x7F (a double ~1.4e306, an int
# 2139062143), 0xC7 (~-4e37, -943208505) or 0xFF (NaN, -1); none of them hides in a tolerance.
POISONS = [0x7F, 0xC7, 0xFF]


class Unsupported(Exception):
    """The reference uses something the emulator does not model."""


class BuildFailed(Exception):
    """g++ rejected the converted reference, the driver or the baseline."""


@dataclass(frozen=True)
class Problem:
    name: str
    directory: Path
    entry_point: str
    rtol: float
    atol: float
    cases: list[tuple[int, int]]  # (size, seed)


def load_problem(name: str) -> Problem:
    directory = PACK / "problems" / name
    spec = yaml.safe_load((directory / "problem.yaml").read_text())
    tolerance = spec.get("tolerance") or {}
    cases = [(int(c["size"]), int(c["seed"])) for c in spec["sizes"]["check"]]
    # the defaults are those of the pack's schema (tasks/kinds/kernel/schema.py, Tolerance)
    return Problem(name, directory, spec["entry_point"], float(tolerance.get("rtol", 1e-9)),
                   float(tolerance.get("atol", 1e-12)), cases)


def extra_cases(problem: Problem) -> list[tuple[int, int]]:
    """Edge sizes the spec allows, judged from the check sizes: within their range, powers of two if they all are."""
    sizes = [size for size, _ in problem.cases]
    lo, hi = min(sizes), max(sizes)
    powers_only = all(s > 0 and s & (s - 1) == 0 for s in sizes)
    pool = EXTRA_POWERS if powers_only else EXTRA_SIZES
    picked = [s for s in pool if lo <= s <= hi and s not in sizes]
    return [(size, 1000 + i) for i, size in enumerate(picked)]


# ---------------------------------------------------------------- conversion
def _matching(text: str, start: int, open_ch: str, close_ch: str, step: int) -> int:
    """Index of the bracket matching text[start], scanning forward (step 1) or backward (step -1)."""
    depth = 0
    i = start
    while 0 <= i < len(text):
        if text[i] == open_ch:
            depth += 1
        elif text[i] == close_ch:
            depth -= 1
            if depth == 0:
                return i
        i += step
    raise Unsupported(f"unbalanced {open_ch}{close_ch} around offset {start}")


def _split_top(text: str) -> list[str]:
    """Split a launch configuration at the commas outside brackets."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    return [*parts, current.strip()]


def _convert_launch(text: str, at: int) -> tuple[str, int]:
    """Rewrite the launch whose `<<<` is at `at`; return the new text and where to look for the next one."""
    name_end = at
    while text[name_end - 1].isspace():
        name_end -= 1
    name_start = name_end
    if text[name_start - 1] == ">":  # explicit template arguments, kernel<K, V><<<...>>>
        name_start = _matching(text, name_start - 1, ">", "<", -1)
    while name_start > 0 and (text[name_start - 1].isalnum() or text[name_start - 1] in "_:"):
        name_start -= 1
    config_end = text.index(">>>", at)
    config = _split_top(text[at + 3:config_end])
    if len(config) not in (2, 3, 4):
        raise Unsupported(f"launch configuration <<<{', '.join(config)}>>>")
    if len(config) == 4 and config[3] not in ("0", "nullptr", "cudaStream_t(0)"):
        raise Unsupported("a launch on a stream other than the default one")
    args_start = config_end + 3
    while text[args_start].isspace():
        args_start += 1
    args_end = _matching(text, args_start, "(", ")", 1)
    semicolon = args_end + 1
    while text[semicolon].isspace():
        semicolon += 1
    if text[semicolon] != ";":
        raise Unsupported("a kernel launch that is not a statement of its own")
    shared = config[2] if len(config) > 2 else "0"
    call = f"{text[name_start:name_end]}{text[args_start:args_end + 1]}"
    # [=]: the arguments are evaluated from copies taken at the launch, as CUDA evaluates them once
    launch = f"cuda_emu::launch(dim3({config[0]}), dim3({config[1]}), {shared}, [=] {{ {call}; }});"
    new_text = text[:name_start] + launch + text[semicolon + 1:]
    return new_text, name_start + len(launch)


# extern __shared__ [__align__(N)] TYPE NAME[];  (TYPE may be several words: unsigned long long)
EXTERN_SHARED = re.compile(
    r"extern\s+__shared__\s+(?:__align__\(\s*\d+\s*\)\s+)?([\w:]+(?:\s+[\w:]+)*?)\s+(\w+)\s*\[\s*\]\s*;")


def convert(source: str) -> str:
    """The reference with its launches and `extern __shared__` arrays rewritten for the emulator."""
    for token, what in UNSUPPORTED.items():
        if token in source:
            raise Unsupported(f"{what} ({token})")
    source = EXTERN_SHARED.sub(
        r"\1 *const \2 = reinterpret_cast<\1 *>(cuda_emu::block.dynamic_shared.data());", source)
    at = source.find("<<<")
    while at >= 0:
        source, resume = _convert_launch(source, at)
        at = source.find("<<<", resume)
    return source


# ---------------------------------------------------------------- build and run
def _compile(args: list[str], what: str) -> None:
    result = subprocess.run(["g++", *CXXFLAGS, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        raise BuildFailed(f"{what}: {(errors or result.stderr.splitlines() or ['g++ failed'])[0].strip()}")


def build(problem: Problem, source: Path, work: Path) -> Path:
    """Build the emulation program of one problem in `work`; return its path."""
    converted = work / "reference.cpp"
    converted.write_text(convert(source.read_text()))
    common = PACK / "common"
    _compile(["-I", str(EMULATOR), "-c", str(converted), "-o", str(work / "reference.o")], "reference")
    # the baseline defines the entry point: renamed to its hpceval_baseline_ twin, as the pack's trusted build does
    # (tasks/kinds/kernel/jobs.py, BASELINE_PREFIX)
    _compile([f"-D{problem.entry_point}=hpceval_baseline_{problem.entry_point}", "-c",
              str(problem.directory / "baseline.cpp"), "-o", str(work / "baseline.o")], "baseline")
    _compile(["-I", str(EMULATOR / "driver"), "-I", str(common), "-c", str(problem.directory / "driver.cpp"),
              "-o", str(work / "driver.o")], "driver")
    program = work / "emulated"
    _compile([str(work / f"{part}.o") for part in ("reference", "baseline", "driver")] + ["-o", str(program)], "link")
    return program


def run_case(program: Path, problem: Problem, case: tuple[int, int], seed: int,
             timeout: float) -> tuple[str | None, list[str]]:
    """(None when the case is ok, else what went wrong; the emulator's warnings)."""
    size, case_seed = case
    # a thread order and junk of their own per case, reproducible: derived from --seed and the case
    digest = zlib.crc32(f"{seed}:{problem.name}:{size}:{case_seed}".encode())
    order_seed = digest | 1 if seed else 0
    poison = POISONS[digest % len(POISONS)]
    env = {"EMU_SEED": str(order_seed), "EMU_POISON": str(poison), "PATH": "/usr/bin:/bin"}
    try:
        result = subprocess.run([str(program), "--case", f"{size}:{case_seed}", "--rtol", repr(problem.rtol),
                                 "--atol", repr(problem.atol)], capture_output=True, text=True, env=env,
                                timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return f"no answer within {timeout:.0f} s (a hang, e.g. a spin wait on another block)", []
    warnings = [line for line in result.stderr.splitlines() if line.startswith("cuda_emu warning")]
    if result.returncode == 0 and result.stdout.strip() == "ok":
        return None, warnings
    emu_errors = [line for line in result.stderr.splitlines() if line.startswith("cuda_emu error")]
    detail = (result.stdout.strip().splitlines() or emu_errors or [f"exit status {result.returncode}"])[-1]
    if emu_errors and not result.stdout.strip():
        detail = emu_errors[-1]
    elif result.returncode < 0:
        detail = f"killed by signal {-result.returncode} (a fault: out of bounds, use after free, stack overflow)"
    return f"EMU_SEED={order_seed} EMU_POISON={poison}: {detail}", warnings


def check_problem(problem: Problem, source: Path, extra: bool, seed: int, timeout: float) -> str:
    """The result line of one problem."""
    with tempfile.TemporaryDirectory(prefix=f"cuda_emulate_{problem.name}_") as work:
        try:
            program = build(problem, source, Path(work))
        except Unsupported as e:
            return f"unsupported: {e}"
        except BuildFailed as e:
            return f"build failed: {e}"
        cases = problem.cases + (extra_cases(problem) if extra else [])
        warned: list[str] = []
        for case in cases:
            failure, warnings = run_case(program, problem, case, seed, timeout)
            warned += [f"case {case[0]}:{case[1]}: {w}" for w in warnings]
            if failure is not None:
                return f"wrong at case {case[0]}:{case[1]}: {failure}"
        note = f"; {len(warned)} warnings, the first: {warned[0]}" if warned else ""
        return f"ok ({len(cases)} cases{note})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problem", action="append", help="a problem of the pack (repeatable); default: all")
    parser.add_argument("--extra-sizes", action="store_true", help="also run edge sizes within the check range")
    parser.add_argument("--source", type=Path, help="check this file instead of the reference (one --problem)")
    parser.add_argument("--seed", type=int, default=1, help="thread/block order seed; 0 runs in index order")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per case")
    args = parser.parse_args(argv)
    if shutil.which("g++") is None:
        print("g++ not found", file=sys.stderr)
        return 2
    names = args.problem or sorted(p.name for p in (PACK / "problems").iterdir() if (p / "problem.yaml").exists())
    if args.source and len(names) != 1:
        parser.error("--source needs exactly one --problem")
    started = time.monotonic()
    ok = 0
    for name in names:  # one at a time: builds and runs are single-threaded, the machine is shared
        problem = load_problem(name)
        source = args.source or problem.directory / "reference" / "cuda.cpp"
        t0 = time.monotonic()
        line = check_problem(problem, source, args.extra_sizes, args.seed, args.timeout)
        ok += line.startswith("ok")
        print(f"{name:24s} {line}  [{time.monotonic() - t0:.1f} s]", flush=True)
    print(f"{ok} of {len(names)} problems ok, {time.monotonic() - started:.0f} s", flush=True)
    return 0 if ok == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
