// MPI reference of mean_variance: every rank computes the (count, mean, M2) of one contiguous block
// (sizes differ by at most one) in one pass (exact two-pass moments per 2048-element block, merged
// with the update of Chan, Golub and LeVeque); rank 0 gathers the triples and merges them the same
// way in rank order.
#include <mpi.h>

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

constexpr std::size_t BLOCK = 2048;  // 16 KiB: the second pass over a block reads it from L1

// Count, mean and sum of squared deviations from the mean (M2) of some elements.
struct Moments {
    double n, mean, m2;
};

// Folds b into a: the pairwise update of Chan, Golub and LeVeque.
void merge(Moments &a, const Moments &b) {
    if (b.n == 0.0) return;
    if (a.n == 0.0) {
        a = b;
        return;
    }
    const double n = a.n + b.n, d = b.mean - a.mean;
    a.mean += d * (b.n / n);
    a.m2 += b.m2 + d * d * (a.n * b.n / n);
    a.n = n;
}

// Exact two-pass moments of one block (len >= 1), four accumulators per pass.
Moments block_moments(const double *__restrict x, std::size_t len) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t j = 0;
    for (; j + 4 <= len; j += 4) {
        s0 += x[j];
        s1 += x[j + 1];
        s2 += x[j + 2];
        s3 += x[j + 3];
    }
    for (; j < len; ++j) s0 += x[j];
    const double mean = ((s0 + s1) + (s2 + s3)) / static_cast<double>(len);
    double q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0;
    for (j = 0; j + 4 <= len; j += 4) {
        const double d0 = x[j] - mean, d1 = x[j + 1] - mean, d2 = x[j + 2] - mean, d3 = x[j + 3] - mean;
        q0 += d0 * d0;
        q1 += d1 * d1;
        q2 += d2 * d2;
        q3 += d3 * d3;
    }
    for (; j < len; ++j) {
        const double d = x[j] - mean;
        q0 += d * d;
    }
    return Moments{static_cast<double>(len), mean, (q0 + q1) + (q2 + q3)};
}

// Moments of x[lo, hi): block by block, merged in order (one pass over memory).
Moments range_moments(const double *x, std::size_t lo, std::size_t hi) {
    Moments acc{0.0, 0.0, 0.0};
    for (std::size_t b = lo; b < hi; b += BLOCK) merge(acc, block_moments(x + b, hi - b < BLOCK ? hi - b : BLOCK));
    return acc;
}

}  // namespace

void mean_variance(const std::vector<double> &x, double &mean, double &variance) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    std::size_t lo = 0, hi = 0;
    block_range(x.size(), rank, size, lo, hi);
    const double *xp = x.data();
    const Moments local = range_moments(xp, lo, hi);
    Moments total = local;
    if (size > 1) {
        // Rank 0 gathers every rank's (count, mean, M2) and merges them in rank order.
        const double mine[3] = {local.n, local.mean, local.m2};
        std::vector<double> all(rank == 0 ? 3 * static_cast<std::size_t>(size) : 0);
        MPI_Gather(mine, 3, MPI_DOUBLE, all.data(), 3, MPI_DOUBLE, 0, MPI_COMM_WORLD);
        if (rank == 0)
            for (int r = 1; r < size; ++r) merge(total, Moments{all[3 * r], all[3 * r + 1], all[3 * r + 2]});
    }
    mean = total.mean;
    variance = total.n > 0.0 ? total.m2 / total.n : 0.0;
}
