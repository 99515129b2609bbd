// MPI+OpenMP reference of prefix_max: each rank owns one contiguous block of x, split again into one
// sub-block per thread. The threads find their sub-blocks' maxima (one parallel region); MPI_Exscan
// with MPI_MAX over the ranks' maxima gives each rank the maximum before its block (called outside
// the parallel regions, by the main thread only); the threads then write the running maxima of
// their sub-blocks, each starting from the rank's value and the maxima of the sub-blocks before its
// own (a second parallel region with the same static split); rank 0 gathers y with MPI_Gatherv.
#include <mpi.h>
#include <omp.h>

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
    double *yp = y.data();
    const double floor = xp[0];  // a lower bound of every running maximum: an empty part's maximum

    // One sub-block per thread; both regions use the same team size so the split is the same.
    const bool par = hi - lo > 50000;
    const int nt = par ? omp_get_max_threads() : 1;
    std::vector<double> maxima(static_cast<std::size_t>(nt), floor);
    const std::size_t len = hi - lo;
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t a = lo + len * t / k, b = lo + len * (t + 1) / k;
        if (a < b) maxima[t] = block_max(xp, a, b);
    }
    double local = floor, before = floor;
    for (const double m : maxima) local = dmax(local, m);
    MPI_Exscan(&local, &before, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    if (rank == 0) before = floor;  // MPI_Exscan leaves rank 0's result undefined
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t a = lo + len * t / k, b = lo + len * (t + 1) / k;
        double m = before;
        for (std::size_t u = 0; u < t; ++u) m = dmax(m, maxima[u]);
        if (a < b) block_scan(xp, yp, a, b, m);
    }

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
