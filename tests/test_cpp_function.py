"""C++ `function` problems (the efficiency-cpp pack) end to end, through the real CLI, g++ and a real sandbox: each
attack in tests/hostile_cpp gets its verdict and gains nothing, the instruction timer counts a C++ answer the same
in two jobs, and the byte format between the trusted side and the glue holds (and refuses what it must)."""

from __future__ import annotations

import ctypes
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, hpceval, read_jsonl
from tests.docker_support import backend_sandbox

RUNTIME = REPO / "tasks" / "kinds" / "function" / "runtime"
HOSTILE = Path(__file__).with_name("hostile_cpp")
TASK = "efficiency-cpp/inversion_count/generate"
pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="C++ problems build with g++")

# answer file -> verdict (see each file's first lines for what it tries)
EXPECTED = {
    "honest.cpp": "ok",
    "static_precompute.cpp": "ok",  # its 0.3 s static constructor runs on the clock: censored at level 1
    "embed_tests.cpp": "ok",  # right only when the tests it embedded at build time were sealed
    "read_tests.cpp": "ok",  # right only when the tests it read at run time were sealed
    "own_glue.cpp": "build_error",  # defining the glue's export is a duplicate symbol
    "exits.cpp": "runtime_error",
    "crashes.cpp": "runtime_error",
    "throws.cpp": "runtime_error",
    "spins.cpp": "timeout",  # killed at the untimed check's limit
    "forged_result.cpp": "wrong_answer",  # its result line has no key; its answer is wrong
}


def _samples(path: Path, names: list[str]) -> Path:
    path.write_text("".join(json.dumps({"task_id": TASK, "solution": (HOSTILE / n).read_text()}) + "\n"
                            for n in names))
    return path


@pytest.mark.parametrize("backend", ["local", "docker"])
def test_hostile_cpp_answers_get_their_verdicts_and_gain_nothing(tmp_path, backend):
    backend_sandbox(backend).close()  # skips where the backend cannot isolate a job here
    names = list(EXPECTED)
    samples = _samples(tmp_path / "hostile.jsonl", names)
    out = tmp_path / "run"
    result = hpceval("run", "--suite", "efficiency", "--task", TASK, "--agent", f"replay:{samples}", "-n",
                     str(len(names)), "--sandbox", backend, "--out", str(out),
                     env={"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    attempts = {names[a["sample"]]: a for a in read_jsonl(out / "attempts.jsonl")}
    assert {name: a["verdict"] for name, a in attempts.items()} == EXPECTED, {
        name: a["message"] for name, a in attempts.items()}
    static = attempts["static_precompute.cpp"]["measurement"]
    assert static["censored_level"] == 1 and static["efficiency"] == 0.0, static
    assert "multiple definition" in attempts["own_glue.cpp"]["message"], attempts["own_glue.cpp"]["message"]
    assert "gave up" in attempts["throws.cpp"]["message"]
    assert "signal 11" in attempts["crashes.cpp"]["message"]
    honest = attempts["honest.cpp"]["measurement"]
    assert honest["censored_level"] is None and honest["efficiency"] > 0.2, honest
    assert all(t is not None and t > 0 for t in honest["level_times_s"][1:]), honest


@pytest.mark.parametrize("backend", ["local", "docker"])
def test_cpp_counts_repeat_exactly_and_a_thread_cannot_start(tmp_path, backend):
    if backend == "local" and shutil.which("valgrind") is None:
        pytest.skip("the local sandbox counts with the host's valgrind (scripts/setup.sh --dev installs it)")
    backend_sandbox(backend).close()
    names = ["honest.cpp", "honest.cpp", "offload_thread.cpp"]
    samples = _samples(tmp_path / "samples.jsonl", names)
    env = {"HPCEVAL_CACHE_DIR": str(tmp_path / "cache")}
    common = ("--suite", "efficiency", "--task", TASK, "--sandbox", backend, "--timer", "instructions")
    run = hpceval("run", *common, "--agent", f"replay:{samples}", "-n", "3", "--out", str(tmp_path / "a"), env=env)
    assert run.returncode == 0, run.stderr
    attempts = sorted(read_jsonl(tmp_path / "a" / "attempts.jsonl"), key=lambda a: a["sample"])
    assert [a["verdict"] for a in attempts] == ["ok", "ok", "runtime_error"], [a["message"] for a in attempts]
    first, second = (a["measurement"]["level_times_s"] for a in attempts[:2])
    assert first == second and all(c and c > 1e5 for c in first[1:]), (first, second)
    assert "Resource temporarily unavailable" in attempts[2]["message"], attempts[2]["message"]
    reference = hpceval("run", *common, "--agent", "reference", "--out", str(tmp_path / "r"), env=env)
    assert reference.returncode == 0, reference.stderr
    (own,) = read_jsonl(tmp_path / "r" / "attempts.jsonl")
    assert own["measurement"]["efficiency"] == 1.0, own["measurement"]


@pytest.fixture(scope="module")
def native() -> object:
    sys.path.insert(0, str(RUNTIME))
    try:
        import native as module  # the runtime file, as the sandbox runs it
    finally:
        sys.path.remove(str(RUNTIME))
    return module


def test_the_byte_format_round_trips_and_refuses_what_is_not_one_value(native):
    values = [0, -2**63, 2**63 - 1, 1.5, True, "héllo", [], [1, 2, 3], [0.5, 2.0], [[1, "a"], (2, 3.0)], [True]]
    for value in values:
        back = native.decode(native.encode(value))
        assert back == json.loads(json.dumps(value)), (value, back)  # tuples come back as lists
    with pytest.raises(native.NotNative):
        native.encode(2**63)
    with pytest.raises(native.NotNative):
        native.encode({"a": 1})
    for bad in (b"", b"i\x00", b"x", b"I" + (10**6).to_bytes(8, "little"), native.encode(1) + b"\x00",
                b"s\x02\x00\x00\x00\x00\x00\x00\x00\xff\xfe", b"l\x01\x00\x00\x00\x00\x00\x00\x00" * 100 + b"i"):
        with pytest.raises(native.NotNative):
            native.decode(bad)


def test_the_glue_decodes_every_supported_type_and_reports_a_mismatch(tmp_path, native):
    prompt = ("#include <cstdint>\n#include <string>\n#include <tuple>\n#include <utility>\n#include <vector>\n"
              "std::vector<std::tuple<std::int64_t, double, std::string>> mix(bool flag, int small, double x, "
              "const std::string& s, const std::vector<std::pair<int, int>>& pairs, "
              "const std::vector<std::vector<double>>& grid, const std::vector<bool>& bits);\n")
    body = ("std::vector<std::tuple<std::int64_t, double, std::string>> mix(bool flag, int small, double x, "
            "const std::string& s, const std::vector<std::pair<int, int>>& pairs, "
            "const std::vector<std::vector<double>>& grid, const std::vector<bool>& bits) {\n"
            "  std::int64_t p = 0; for (auto& [a, b] : pairs) p += a * b;\n"
            "  double g = 0; for (auto& row : grid) for (double v : row) g += v;\n"
            "  return {{flag ? small : -small, x + g, s + std::to_string(p) + std::to_string(bits.size())}};\n}\n")
    (tmp_path / "glue.cpp").write_text(f'#include "hpceval_function.hpp"\n{prompt}\nHPCEVAL_ENTRY(mix)\n')
    (tmp_path / "solution.cpp").write_text(prompt + body)
    library = tmp_path / "solution.so"
    subprocess.run(["g++", "-std=c++20", "-O2", "-fPIC", "-shared", "-Wl,-z,defs", f"-I{RUNTIME}", "-o",
                    str(library), str(tmp_path / "glue.cpp"), str(tmp_path / "solution.cpp")], check=True)
    call = ctypes.CDLL(str(library)).hpceval_call
    call.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]

    def run(arguments: tuple) -> tuple[int, object]:
        data, out, size = native.encode_arguments(arguments), ctypes.c_void_p(), ctypes.c_size_t()
        status = call(data, len(data), ctypes.byref(out), ctypes.byref(size))
        raw = ctypes.string_at(out, size.value)
        return status, native.decode(raw) if status == 0 else raw.decode()

    assert run((True, 7, 0.5, "n=", [(2, 3), [4, 5]], [[1.0, 2.0], [], [0.5]], [True, False])) == (
        0, [[7, 4.0, "n=262"]])
    assert run((False, 7, 1, "", [], [], [])) == (0, [[-7, 1.0, "00"]])  # an int where a double is declared
    status, message = run((True, 7, 0.5, "n=", [(2, 3, 4)], [], []))
    assert status == 1 and "tuple of the wrong length" in message
    status, message = run((True, "7", 0.5, "", [], [], []))
    assert status == 1 and "not an integer" in message
    status, message = run((True, 7))
    assert status == 1 and "arguments do not match" in message
