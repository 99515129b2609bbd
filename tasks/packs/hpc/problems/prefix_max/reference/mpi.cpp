// MPI reference of prefix_max: each rank owns one contiguous block of x (sizes differ by at most
// one). It finds its block's maximum, MPI_Exscan with MPI_MAX gives each rank the maximum of the
// blocks before its own, the rank writes the running maximum of its block from there, and rank 0
// gathers the blocks of y with MPI_Gatherv.
#include <mpi.h>

#include <cstddef>
#include <vector>

namespace {

inline double dmax(double a, double b) { return a < b ? b : a; }

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

double block_max(const double *__restrict x, std::size_t lo, std::size_t hi) {
    double m0 = x[lo], m1 = x[lo], m2 = x[lo], m3 = x[lo];
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        m0 = dmax(m0, x[i]);
        m1 = dmax(m1, x[i + 1]);
        m2 = dmax(m2, x[i + 2]);
        m3 = dmax(m3, x[i + 3]);
    }
    for (; i < hi; ++i) m0 = dmax(m0, x[i]);
    return dmax(dmax(m0, m1), dmax(m2, m3));
}

// y[i] = max(m, x[lo], ..., x[i]) for lo <= i < hi.
void block_scan(const double *__restrict x, double *__restrict y, std::size_t lo, std::size_t hi, double m) {
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        const double a = x[i], b = dmax(a, x[i + 1]), c = dmax(b, x[i + 2]), d = dmax(c, x[i + 3]);
        y[i] = dmax(m, a);
        y[i + 1] = dmax(m, b);
        y[i + 2] = dmax(m, c);
        y[i + 3] = dmax(m, d);
        m = dmax(m, d);
    }
    for (; i < hi; ++i) {
        m = dmax(m, x[i]);
        y[i] = m;
    }
}

}  // namespace

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const double *xp = x.data();

    // x[0] is a lower bound of every running maximum: it stands in for an empty block's maximum.
    double local = lo < hi ? block_max(xp, lo, hi) : xp[0], before = xp[0];
    MPI_Exscan(&local, &before, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    if (rank == 0) before = xp[0];  // MPI_Exscan leaves rank 0's result undefined
    if (lo < hi) block_scan(xp, y.data(), lo, hi, before);

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        block_range(n, r, size, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, y.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(y.data() + lo, counts[rank], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
}
