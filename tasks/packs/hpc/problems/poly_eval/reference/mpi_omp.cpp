// MPI+OpenMP reference of poly_eval: each rank evaluates one contiguous range of elements (whole
// blocks of L, counts differ by at most one block), split again statically over its threads;
// rank 0 gathers the ranges with MPI_Gatherv. Horner's rule runs on L elements at once
// (independent multiply-add chains in a branch-free, vectorized lane loop).
#include <mpi.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t L = 16;  // elements evaluated together

void horner_block(const double *__restrict c, std::size_t d, const double *__restrict x, double *__restrict y) {
    double acc[L];
    for (std::size_t l = 0; l < L; ++l) acc[l] = c[d];
    for (std::size_t k = d; k-- > 0;) {
        const double ck = c[k];
        for (std::size_t l = 0; l < L; ++l) acc[l] = acc[l] * x[l] + ck;
    }
    for (std::size_t l = 0; l < L; ++l) y[l] = acc[l];
}

// Elements [lo, hi): blocks of L, then the rest one at a time.
void eval_range(const double *c, std::size_t d, const double *xp, double *yp, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
    for (; i + L <= hi; i += L) horner_block(c, d, xp + i, yp + i);
    for (; i < hi; ++i) {
        double acc = c[d];
        for (std::size_t k = d; k-- > 0;) acc = acc * xp[i] + c[k];
        yp[i] = acc;
    }
}

// Elements [lo, hi) owned by `rank`: whole blocks of L, counts differ by at most one block.
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t blocks = (n + L - 1) / L, p = static_cast<std::size_t>(size), q = static_cast<std::size_t>(rank);
    lo = std::min(n, (blocks * q / p) * L);
    hi = std::min(n, (blocks * (q + 1) / p) * L);
}

}  // namespace

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const double *c = coeffs.data();
    const std::size_t d = coeffs.size() - 1, n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const std::ptrdiff_t first = static_cast<std::ptrdiff_t>(lo / L);
    const std::ptrdiff_t last = static_cast<std::ptrdiff_t>((hi + L - 1) / L);
#pragma omp parallel for schedule(static) if ((hi - lo) * (d + 1) > 100000)
    for (std::ptrdiff_t b = first; b < last; ++b) {
        const std::size_t b0 = static_cast<std::size_t>(b) * L;
        eval_range(c, d, xp, yp, b0, std::min(hi, b0 + L));
    }

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int q = 0; q < size; ++q) {
        std::size_t b0 = 0, b1 = 0;
        block_range(n, q, size, b0, b1);
        counts[q] = static_cast<int>(b1 - b0);
        displs[q] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, yp, counts.data(), displs.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(yp + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
}
