// MPI+OpenMP reference of argmax_abs: every rank takes one contiguous block, split again into one
// contiguous range per thread, each searched with the serial reference's blocked kernel; thread
// results are combined in thread order on each rank, then rank 0 gathers the rank results and
// keeps the first strictly largest in rank order, so ties keep the smallest index.
#include <mpi.h>
#include <omp.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

constexpr std::size_t BLOCK = 2048;

// The largest |x[j]|, j in [0, len): four independent running maxima, branch-free (maxsd).
double block_max_abs(const double *__restrict x, std::size_t len) {
    double m0 = 0.0, m1 = 0.0, m2 = 0.0, m3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= len; j += 4) {
        const double a0 = std::fabs(x[j]), a1 = std::fabs(x[j + 1]);
        const double a2 = std::fabs(x[j + 2]), a3 = std::fabs(x[j + 3]);
        m0 = a0 > m0 ? a0 : m0;
        m1 = a1 > m1 ? a1 : m1;
        m2 = a2 > m2 ? a2 : m2;
        m3 = a3 > m3 ? a3 : m3;
    }
    for (; j < len; ++j) {
        const double a = std::fabs(x[j]);
        m0 = a > m0 ? a : m0;
    }
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return m2 > m0 ? m2 : m0;
}

// The first index of the largest |x[i]| over [lo, hi) in `best`, that value in `best_abs`; an empty
// range gives best_abs = -1 (loses to everything). A block whose maximum beats the best so far
// is searched again for its first such element: rare on most data, as the best seldom improves.
void argmax_range(const double *x, std::size_t lo, std::size_t hi, double &best_abs, std::size_t &best) {
    best_abs = -1.0;
    best = lo;
    for (std::size_t b = lo; b < hi; b += BLOCK) {
        const std::size_t len = hi - b < BLOCK ? hi - b : BLOCK;
        const double m = block_max_abs(x + b, len);
        if (m > best_abs) {
            std::size_t j = 0;
            while (j + 1 < len && std::fabs(x[b + j]) != m) ++j;
            best_abs = m;
            best = b + j;
        }
    }
}

}  // namespace

size_t argmax_abs(const std::vector<double> &x) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t lo = 0, hi = 0;
    block_range(x.size(), rank, size, lo, hi);
    const double *xp = x.data();
    // Split the rank's range again over its threads; combine in thread order.
    const bool par = hi - lo > 50000;
    const int max_threads = par ? omp_get_max_threads() : 1;
    std::vector<double> vals(static_cast<std::size_t>(max_threads), -1.0);
    std::vector<std::size_t> idxs(static_cast<std::size_t>(max_threads), lo);
    int used = 1;
    const std::size_t len = hi - lo;
#pragma omp parallel if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        if (t == 0) used = static_cast<int>(nt);
        argmax_range(xp, lo + len * t / nt, lo + len * (t + 1) / nt, vals[t], idxs[t]);
    }
    double best_abs = vals[0];
    std::size_t best = idxs[0];
    for (int t = 1; t < used; ++t)
        if (vals[t] > best_abs) {
            best_abs = vals[t];
            best = idxs[t];
        }
    if (size == 1) return best;

    // Rank 0 collects every rank's (value, index) pair (indices are exact in a double below 2^53)
    // and keeps the first strictly largest in rank order, i.e. the smallest index among ties.
    const double mine[2] = {best_abs, static_cast<double>(best)};
    std::vector<double> all(rank == 0 ? 2 * static_cast<std::size_t>(size) : 0);
    MPI_Gather(mine, 2, MPI_DOUBLE, all.data(), 2, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    if (rank != 0) return best;
    for (int r = 1; r < size; ++r)
        if (all[2 * r] > best_abs) {
            best_abs = all[2 * r];
            best = static_cast<std::size_t>(all[2 * r + 1]);
        }
    return best;
}
