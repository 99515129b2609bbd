"""The two static halves of trusted measurement, on real objects and real sources: the symbol policy
(tasks/kinds/kernel/symbol_policy.py, run on objects g++ really built) and the source check of the execution model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hpceval.tasks.kinds.kernel.model_use import model_problem

POLICY = Path(__file__).resolve().parents[1] / "tasks" / "kinds" / "kernel" / "symbol_policy.py"
AXPY = "#include <vector>\nvoid axpy(double a, const std::vector<double> &x, std::vector<double> &y) {{ {body} }}\n"
LOOP = "for (std::size_t i = 0; i < x.size(); ++i) y[i] += a * x[i];"


def policy(tmp_path: Path, source: str, entry: str = "axpy", flags: list[str] | None = None) -> tuple[int, str, str]:
    (tmp_path / "solution.cpp").write_text(source)
    (tmp_path / "entry.map").unlink(missing_ok=True)
    subprocess.run(["g++", "-std=c++17", "-O3", "-fPIC", "-fno-semantic-interposition", *(flags or []), "-c",
                    "solution.cpp", "-o", "candidate.o"], cwd=tmp_path, check=True)
    done = subprocess.run([sys.executable, "-I", "-S", str(POLICY), "candidate.o", entry, "entry.map"],
                          cwd=tmp_path, capture_output=True, text=True)
    version_script = (tmp_path / "entry.map").read_text() if (tmp_path / "entry.map").exists() else ""
    return done.returncode, done.stdout, version_script


def test_an_honest_object_passes_and_only_its_entry_point_stays_global(tmp_path):
    source = "#include <algorithm>\n#include <iostream>\nstatic double twice(double v) { return 2 * v; }\n" + \
        AXPY.format(body="std::vector<double> t(x); std::sort(t.begin(), t.end()); " + LOOP + " y[0] = twice(y[0]);")
    code, out, script = policy(tmp_path, source)
    assert code == 0, out
    assert script.startswith("{ global: _Z4axpy") and "local: *;" in script


@pytest.mark.parametrize("extra, named", [
    ("int helper(int v) { return v; }", "helper(int)"),
    ('extern "C" int puts(const char *) { return 0; }', "puts"),
    ("double table[4];", "table"),
    ("void *operator new(std::size_t n) { return malloc(n); }", "operator new(unsigned long)"),
])
def test_a_global_symbol_other_than_the_entry_point_is_named(tmp_path, extra, named):
    code, out, script = policy(tmp_path, "#include <cstdlib>\n" + extra + "\n" + AXPY.format(body=LOOP))
    assert code == 3 and "HPCEVAL_POLICY" in out and named in out, out
    assert script == ""


@pytest.mark.parametrize("extra", [
    "static std::vector<double> cache(16);",
    "#include <cstdio>\n__attribute__((constructor)) static void early() { std::puts(\"early\"); }",
    "struct Bye { ~Bye() {} }; static Bye bye;",
])
def test_a_global_constructor_or_destructor_is_a_violation(tmp_path, extra):
    code, out, _ = policy(tmp_path, AXPY.format(body=LOOP).replace("void axpy", extra + "\nvoid axpy"))
    assert code == 3 and "global constructor or destructor" in out, out


KOKKOS_FLAGS = ["-fopenmp", "-isystem", "/opt/kokkos/include"]
needs_kokkos = pytest.mark.skipif(not Path("/opt/kokkos/include/Kokkos_Core.hpp").exists(),
                                  reason="Kokkos is not in /opt/kokkos (scripts/setup.sh --dev builds it)")


@needs_kokkos
def test_kokkos_headers_static_tuner_maps_pass_but_a_candidates_own_initializer_does_not(tmp_path):
    """Kokkos 3.4's headers give every unit a static map of tuners (a destructor at exit, no candidate code): an
    honest Kokkos answer passes; a precomputing global beside the same include is still a violation."""
    body = ("const double *xp = x.data(); double *yp = y.data(); Kokkos::parallel_for(x.size(), "
            "KOKKOS_LAMBDA(std::size_t i) { yp[i] += a * xp[i]; });")
    honest = "#include <Kokkos_Core.hpp>\n" + AXPY.format(body=body)
    code, out, script = policy(tmp_path, honest, flags=KOKKOS_FLAGS)
    assert code == 0 and script.startswith("{ global: _Z4axpy"), out
    sneaky = honest.replace("void axpy", "static std::vector<double> cache(1 << 20, 2.0);\nvoid axpy")
    code, out, _ = policy(tmp_path, sneaky, flags=KOKKOS_FLAGS)
    assert code == 3 and "global constructor or destructor" in out and "TeamSizeTuner" not in out, out


def test_a_missing_entry_point_is_reported_as_such(tmp_path):
    code, out, _ = policy(tmp_path, "static int unused() { return 1; }\n", entry="axpy")
    assert code == 4 and "missing_entry" in out


@pytest.mark.parametrize("model, code, problem", [
    ("serial", "void f() { for (int i = 0; i < 3; ++i) {} }", None),
    ("serial", "#include <thread>\nvoid f() { std::thread t([]{}); t.join(); }", "std::thread"),
    ("serial", "void f() { /* std::thread is not used */ const char *s = \"std::thread\"; }", None),
    ("omp", "void f() {\n#pragma omp parallel for\n for (int i = 0; i < 3; ++i) {} }", None),
    ("omp", "void f() { int n = omp_get_max_threads(); }", None),
    ("omp", "void f() { // #pragma omp parallel\n }", "OpenMP"),
    ("mpi", "void f() { MPI_Allreduce(0, 0, 1, 0, 0, 0); }", None),
    ("mpi", "void f() { int r; MPI_Comm_rank(MPI_COMM_WORLD, &r); }", "MPI communication"),
    ("mpi+omp", "void f() { MPI_Bcast(0, 1, 0, 0, 0); }", "OpenMP"),
    ("kokkos", "void f() { Kokkos::parallel_for(\"f\", 3, KOKKOS_LAMBDA(int) {}); }", None),
    ("kokkos", "void f() { double s; Kokkos::parallel_reduce<double>(3, g, s); }", None),
    ("kokkos", "using namespace Kokkos;\nvoid f() { parallel_scan(3, g); }", None),
    ("kokkos", "void f() { parallel_for(3, g); }", "calls no Kokkos::parallel_for"),
    ("kokkos", "void f() { /* Kokkos::parallel_for(3, g); */ for (;;) {} }", "calls no Kokkos::parallel_for"),
    # a token Kokkos call beside the real work in OpenMP, threads or MPI is not a Kokkos answer
    ("kokkos", "void f() { Kokkos::parallel_for(1, g);\n#pragma omp parallel for\n for (;;) {} }", "#pragma omp"),
    ("kokkos", "void f() { Kokkos::parallel_for(1, g); std::thread t(h); }", "std::thread"),
])
def test_the_source_check_of_the_execution_model(model, code, problem):
    found = model_problem(code, model)
    assert (found is None) if problem is None else (found is not None and problem in found), found
