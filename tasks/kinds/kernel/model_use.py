"""Does a candidate's source use the execution model its task asks for? (The behavioural half of the
check, threads and ranks on CPU during the timed call, is the trusted driver's.)"""

from __future__ import annotations

import re

_COMMENT_OR_STRING = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
_OPENMP = re.compile(r"^\s*#\s*pragma\s+omp\b|\bomp_[a-z_]+\s*\(", re.M)
_MPI_COMMUNICATION = re.compile(
    r"\bMPI_(?:I?(?:Send|Ssend|Bsend|Rsend|Recv|Sendrecv|Sendrecv_replace|Bcast|Reduce|Allreduce|Gather|Gatherv|"
    r"Allgather|Allgatherv|Scatter|Scatterv|Alltoall|Alltoallv|Alltoallw|Reduce_scatter|Reduce_scatter_block|"
    r"Scan|Exscan)|Put|Get|Accumulate|Get_accumulate|Neighbor_allgather|Neighbor_alltoall)\s*\("
)
_KOKKOS_PATTERN = re.compile(r"\bKokkos\s*::\s*parallel_(?:for|reduce|scan)\s*(?:<[^;{}]*>\s*)?\(")
_KOKKOS_UNQUALIFIED = re.compile(r"\bparallel_(?:for|reduce|scan)\s*(?:<[^;{}]*>\s*)?\(")
_USING_KOKKOS = re.compile(r"\busing\s+namespace\s+Kokkos\s*;")
_CUDA_KERNEL = re.compile(r"\b__global__\b")
_CUDA_LAUNCH = re.compile(r"<<<[^;]*>>>\s*\(|\bcudaLaunch(?:Kernel|KernelExC?|CooperativeKernel)\s*(?:<[^;{}]*>\s*)?\(")
_THREADS = re.compile(r"\bstd::(?:thread|jthread|async)\b|\bpthread_create\s*\(|\bfork\s*\(|\bMPI_[A-Z]")


def strip_comments_and_strings(code: str) -> str:
    return _COMMENT_OR_STRING.sub(lambda m: " " if m.group(0).startswith("/") else '""', code)


def model_problem(code: str, execution_model: str) -> str | None:
    """Why `code` does not use `execution_model`, or None when it does (as far as its source shows)."""
    source = strip_comments_and_strings(code)
    uses_omp = bool(_OPENMP.search(source))
    uses_mpi = bool(_MPI_COMMUNICATION.search(source))
    if execution_model == "serial":
        match = _THREADS.search(source)
        if match:
            return f"a serial task must run sequentially, but the code uses {match.group(0).strip()}"
        return None
    if execution_model == "kokkos":
        if not (_KOKKOS_PATTERN.search(source) or
                (_USING_KOKKOS.search(source) and _KOKKOS_UNQUALIFIED.search(source))):
            return ("a kokkos task must use Kokkos, but the code calls no Kokkos::parallel_for, parallel_reduce or "
                    "parallel_scan")
        match = _OPENMP.search(source) or _THREADS.search(source)
        if match:
            return ("a kokkos task must parallelize with Kokkos patterns only, but the code uses "
                    f"{match.group(0).strip()}")
        return None
    if execution_model == "cuda":
        if not (_CUDA_KERNEL.search(source) and _CUDA_LAUNCH.search(source)):
            return ("a cuda task must run on the GPU, but the code does not both define a __global__ kernel and "
                    "launch one (<<<grid, block>>> or cudaLaunchKernel)")
        match = _OPENMP.search(source) or _THREADS.search(source)
        if match:
            return ("a cuda task must compute on the GPU, not with host threads, but the code uses "
                    f"{match.group(0).strip()}")
        return None
    if execution_model in ("omp", "mpi+omp") and not uses_omp:
        return f"an {execution_model} task must use OpenMP, but the code has no OpenMP directive or runtime call"
    if execution_model in ("mpi", "mpi+omp") and not uses_mpi:
        return f"an {execution_model} task must use MPI, but the code makes no MPI communication call"
    return None
