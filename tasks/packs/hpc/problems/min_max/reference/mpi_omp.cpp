// MPI+OpenMP reference of min_max: every rank takes one contiguous block, split again into one
// contiguous range per thread, each reduced with the serial reference's branch-free four-lane
// kernel and combined by OpenMP min/max reductions; a single MPI_Reduce (MPI_MAX of the pair
// (-min, max)) combines the ranks on rank 0. Negation is exact, so the result is too.
#include <mpi.h>
#include <omp.h>

#include <cstddef>
#include <limits>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

// The minimum and maximum of x[lo, hi) into mn, mx (+inf and -inf for an empty range): four
// independent lanes of branch-free compare-selects (minsd/maxsd, no dependency on a branch),
// combined at the end.
void range_min_max(const double *__restrict x, std::size_t lo, std::size_t hi, double &mn, double &mx) {
    const double inf = std::numeric_limits<double>::infinity();
    double a[4] = {inf, inf, inf, inf}, b[4] = {-inf, -inf, -inf, -inf};
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4)
        for (int u = 0; u < 4; ++u) {
            const double v = x[i + u];
            a[u] = v < a[u] ? v : a[u];
            b[u] = v > b[u] ? v : b[u];
        }
    for (; i < hi; ++i) {
        a[0] = x[i] < a[0] ? x[i] : a[0];
        b[0] = x[i] > b[0] ? x[i] : b[0];
    }
    for (int u = 1; u < 4; ++u) {
        a[0] = a[u] < a[0] ? a[u] : a[0];
        b[0] = b[u] > b[0] ? b[u] : b[0];
    }
    mn = a[0];
    mx = b[0];
}

}  // namespace

void min_max(const std::vector<double> &x, double &min_value, double &max_value) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t lo = 0, hi = 0;
    block_range(x.size(), rank, size, lo, hi);
    const double *xp = x.data();
    const std::size_t len = hi - lo;
    double mn = std::numeric_limits<double>::infinity(), mx = -mn;
#pragma omp parallel reduction(min : mn) reduction(max : mx) if (len > 50000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        double a = 0.0, b = 0.0;
        range_min_max(xp, lo + len * t / nt, lo + len * (t + 1) / nt, a, b);
        mn = a < mn ? a : mn;
        mx = b > mx ? b : mx;
    }
    if (size > 1) {
        // One reduction for both: max of (-min, max); an empty block contributes (+inf, -inf).
        const double mine[2] = {-mn, mx};
        double all[2] = {0.0, 0.0};
        MPI_Reduce(mine, all, 2, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
        if (rank == 0) {
            mn = -all[0];
            mx = all[1];
        }
    }
    min_value = mn;
    max_value = mx;
}
