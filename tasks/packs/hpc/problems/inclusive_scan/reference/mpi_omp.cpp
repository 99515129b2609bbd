// MPI+OpenMP reference of inclusive_scan: each rank owns one contiguous block of x, split again into
// one sub-block per thread. The threads sum their sub-blocks (one parallel region); MPI_Exscan over
// the ranks' totals gives each rank its offset (called outside the parallel regions, by the main
// thread only); the threads then scan their sub-blocks from the rank's offset plus the sums of the
// sub-blocks before their own (a second parallel region with the same static split), and rank 0
// gathers the blocks of y with MPI_Gatherv.
#include <mpi.h>
#include <omp.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

int64_t block_sum(const int64_t *__restrict x, std::size_t lo, std::size_t hi) {
    int64_t s0 = 0, s1 = 0;
    std::size_t i = lo;
    for (; i + 2 <= hi; i += 2) {
        s0 += x[i];
        s1 += x[i + 1];
    }
    if (i < hi) s0 += x[i];
    return s0 + s1;
}

void block_scan(const int64_t *__restrict x, int64_t *__restrict y, std::size_t lo, std::size_t hi, int64_t s) {
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        const int64_t a = x[i], b = a + x[i + 1], c = b + x[i + 2], d = c + x[i + 3];
        y[i] = s + a;
        y[i + 1] = s + b;
        y[i + 2] = s + c;
        y[i + 3] = s + d;
        s += d;
    }
    for (; i < hi; ++i) {
        s += x[i];
        y[i] = s;
    }
}

}  // namespace

void inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const int64_t *xp = x.data();
    int64_t *yp = y.data();

    // One sub-block per thread; both regions use the same team size so the split is the same.
    const bool par = hi - lo > 50000;
    const int nt = par ? omp_get_max_threads() : 1;
    std::vector<int64_t> sums(static_cast<std::size_t>(nt), 0);
    const std::size_t len = hi - lo;
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        sums[t] = block_sum(xp, lo + len * t / k, lo + len * (t + 1) / k);
    }
    int64_t local = 0, offset = 0;
    for (const int64_t s : sums) local += s;
    MPI_Exscan(&local, &offset, 1, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) offset = 0;  // MPI_Exscan leaves rank 0's result undefined
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        int64_t s = offset;
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
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT64_T, y.data(), counts.data(), displs.data(), MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(y.data() + lo, counts[rank], MPI_INT64_T, nullptr, nullptr, nullptr, MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
}
