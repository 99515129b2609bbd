// MPI+OpenMP reference of exclusive_scan: each rank owns one contiguous block of x, split again into
// one sub-block per thread. The threads sum their sub-blocks (one parallel region); MPI_Exscan over
// the ranks' totals gives each rank its offset (called outside the parallel regions, by the main
// thread only); the threads then scan their sub-blocks from the rank's offset plus the sums of the
// sub-blocks before their own (a second parallel region with the same static split), and rank 0
// gathers the blocks of y with MPI_Gatherv.
#include <mpi.h>
#include <omp.h>

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

double block_sum(const double *__restrict x, std::size_t lo, std::size_t hi) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < hi; ++i) s0 += x[i];
    return (s0 + s1) + (s2 + s3);
}

// y[i] = s + x[lo] + ... + x[i - 1] for lo <= i < hi.
void block_scan(const double *__restrict x, double *__restrict y, std::size_t lo, std::size_t hi, double s) {
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        const double a = x[i], b = a + x[i + 1], c = b + x[i + 2], d = c + x[i + 3];
        y[i] = s;
        y[i + 1] = s + a;
        y[i + 2] = s + b;
        y[i + 3] = s + c;
        s += d;
    }
    for (; i < hi; ++i) {
        y[i] = s;
        s += x[i];
    }
}

}  // namespace

void exclusive_scan(const std::vector<double> &x, std::vector<double> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const double *xp = x.data();
    double *yp = y.data();

    // One sub-block per thread; both regions use the same team size so the split is the same.
    const bool par = hi - lo > 50000;
    const int nt = par ? omp_get_max_threads() : 1;
    std::vector<double> sums(static_cast<std::size_t>(nt), 0.0);
    const std::size_t len = hi - lo;
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        sums[t] = block_sum(xp, lo + len * t / k, lo + len * (t + 1) / k);
    }
    double local = 0.0, offset = 0.0;
    for (const double s : sums) local += s;
    MPI_Exscan(&local, &offset, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) offset = 0.0;  // MPI_Exscan leaves rank 0's result undefined
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        double s = offset;
        for (std::size_t u = 0; u < t; ++u) s += sums[u];
        block_scan(xp, yp, lo + len * t / k, lo + len * (t + 1) / k, s);
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
