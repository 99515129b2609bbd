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
    if execution_model in ("omp", "mpi+omp") and not uses_omp:
        return f"an {execution_model} task must use OpenMP, but the code has no OpenMP directive or runtime call"
    if execution_model in ("mpi", "mpi+omp") and not uses_mpi:
        return f"an {execution_model} task must use MPI, but the code makes no MPI communication call"
    return None
