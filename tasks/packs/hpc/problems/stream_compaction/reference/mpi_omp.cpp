// MPI+OpenMP reference of stream_compaction: each rank owns one contiguous block of x and compacts it
// into its own copy of out, starting at the block's first index (a block keeps at most as many elements
// as it has, so the ranks' parts never collide). Inside a rank the block is processed in rounds of CHUNK
// elements per thread: every thread counts the kept elements of its piece and notes the last one, the
// threads meet at a barrier, and each writes its kept elements without branches at the rank's running
// count plus the counts of the pieces before its own, stopping at its last kept element so that no
// thread stores into another's part (a piece is still in cache when it is read the second time).
// MPI_Allgather shares the ranks' counts (outside the parallel region) and rank 0 gathers the parts
// with MPI_Gatherv straight to their final offsets.
#include <mpi.h>
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per thread and round (2 MB of x, about one L2 cache)

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

// Kept elements in [lo, hi); *last = one past the last kept index (lo when none).
std::size_t count_kept(const double *__restrict x, std::size_t lo, std::size_t hi, double t, std::size_t *last) {
    std::size_t c = 0;
    for (std::size_t i = lo; i < hi; ++i) c += static_cast<std::size_t>(x[i] > t);
    std::size_t e = hi;
    if (c == 0) e = lo;
    else
        while (!(x[e - 1] > t)) --e;
    *last = e;
    return c;
}

void write_kept(const double *__restrict x, double *__restrict out, std::size_t lo, std::size_t end, double t) {
    std::size_t c = 0;
    for (std::size_t i = lo; i < end; ++i) {
        const double v = x[i];
        out[c] = v;
        c += static_cast<std::size_t>(v > t);
    }
}

}  // namespace

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const double *xp = x.data();
    double *op = out.data() + lo;  // this rank's part starts at its block's first index
    const std::size_t len = hi - lo;

    std::vector<std::size_t> counts_t(2 * static_cast<std::size_t>(omp_get_max_threads()), 0);
    std::size_t kept = 0;
#pragma omp parallel if (len > 100000)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        std::size_t carry = 0;  // elements kept in the rank's earlier rounds (the same in every thread)
        for (std::size_t base = lo, round = 0; base < hi; base += CHUNK * nt, ++round) {
            const std::size_t piece = std::min(CHUNK * nt, hi - base);
            const std::size_t a = base + piece * t / nt, b = base + piece * (t + 1) / nt;
            std::size_t *c = counts_t.data() + (round & 1) * nt;  // rounds alternate between two sets of counts
            std::size_t end = a;
            c[t] = count_kept(xp, a, b, threshold, &end);
#pragma omp barrier
            std::size_t offset = carry;
            for (std::size_t u = 0; u < t; ++u) offset += c[u];
            write_kept(xp, op + offset, a, end, threshold);
            for (std::size_t u = 0; u < nt; ++u) carry += c[u];
        }
        if (t == 0) kept = carry;
    }
    if (size == 1) return kept;

    const int mine = static_cast<int>(kept);
    std::vector<int> counts(size), displs(size);
    MPI_Allgather(&mine, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
    std::size_t total = 0;
    for (int r = 0; r < size; ++r) {
        displs[r] = static_cast<int>(total);
        total += static_cast<std::size_t>(counts[r]);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, out.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(op, mine, MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    return total;
}
