// MPI+OpenMP reference of lower_bound_batch: every rank answers one contiguous block of the
// queries, split again statically over its threads in groups of 16 queries; each group runs
// branchless binary searches in lockstep (a conditional move per query and step, 16 independent
// loads in flight). Rank 0 gathers the results with MPI_Gatherv.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t GROUP = 16;

// lower_bound of q in a[0, n), n >= 1, branchless.
inline std::size_t lower_bound_one(const double *a, std::size_t n, double q) {
    const double *base = a;
    std::size_t len = n;
    while (len > 1) {
        const std::size_t half = len / 2;
        base = base[half - 1] < q ? base + half : base;
        len -= half;
    }
    return static_cast<std::size_t>(base - a) + (*base < q ? 1 : 0);
}

// lower_bound of q[0, GROUP) in a[0, n), n >= 1, all searches advancing together.
inline void lower_bound_group(const double *a, std::size_t n, const double *q, int64_t *out) {
    std::size_t base[GROUP];
    for (std::size_t g = 0; g < GROUP; ++g) base[g] = 0;
    std::size_t len = n;
    while (len > 1) {
        const std::size_t half = len / 2;
        for (std::size_t g = 0; g < GROUP; ++g) base[g] = a[base[g] + half - 1] < q[g] ? base[g] + half : base[g];
        len -= half;
    }
    for (std::size_t g = 0; g < GROUP; ++g) out[g] = static_cast<int64_t>(base[g] + (a[base[g]] < q[g] ? 1 : 0));
}

// Queries [lo, hi) of q into out.
void search_range(const double *a, std::size_t n, const double *q, int64_t *out, std::size_t lo, std::size_t hi) {
    std::size_t i = lo;
    for (; i + GROUP <= hi; i += GROUP) lower_bound_group(a, n, q + i, out + i);
    for (; i < hi; ++i) out[i] = static_cast<int64_t>(lower_bound_one(a, n, q[i]));
}

// Block [lo, hi) of m queries owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t m, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = m / p, extra = m % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

}  // namespace

void lower_bound_batch(const std::vector<double> &sorted, const std::vector<double> &queries,
                       std::vector<int64_t> &result) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = sorted.size(), m = queries.size();
    const double *a = sorted.data(), *q = queries.data();
    int64_t *out = result.data();
    std::size_t lo = 0, hi = 0;
    block_range(m, rank, size, lo, hi);
    if (n == 0) {
        for (std::size_t i = lo; i < hi; ++i) out[i] = 0;
    } else {
        const std::ptrdiff_t groups = static_cast<std::ptrdiff_t>((hi - lo + GROUP - 1) / GROUP);
#pragma omp parallel for schedule(static) if (hi - lo >= 4096)
        for (std::ptrdiff_t g = 0; g < groups; ++g) {
            const std::size_t s = lo + static_cast<std::size_t>(g) * GROUP;
            search_range(a, n, q, out, s, s + GROUP < hi ? s + GROUP : hi);
        }
    }
    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        block_range(m, r, size, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT64_T, out, counts.data(), displs.data(), MPI_INT64_T, 0, MPI_COMM_WORLD);
    else
        MPI_Gatherv(out + lo, counts[rank], MPI_INT64_T, nullptr, nullptr, nullptr, MPI_INT64_T, 0, MPI_COMM_WORLD);
}
