// MPI reference of stream_compaction: each rank owns one contiguous block of x (sizes differ by at
// most one) and compacts it without branches into its own copy of out, starting at its block's
// first index (a block keeps at most as many elements as it has, so the parts never collide).
// MPI_Allgather shares the counts; rank 0 then gathers the compacted parts with MPI_Gatherv straight
// to their final offsets (its own part is already in place) and every rank returns the total.
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

// Compacts x[lo, hi) to out[lo, lo + count); stores land at or before index i, so within the block.
std::size_t compact(const double *__restrict x, double *__restrict out, std::size_t lo, std::size_t hi, double t) {
    std::size_t c = lo;
    for (std::size_t i = lo; i < hi; ++i) {
        const double v = x[i];
        out[c] = v;
        c += static_cast<std::size_t>(v > t);
    }
    return c - lo;
}

}  // namespace

size_t stream_compaction(const std::vector<double> &x, double threshold, std::vector<double> &out) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = x.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);
    const int mine = static_cast<int>(compact(x.data(), out.data(), lo, hi, threshold));
    if (size == 1) return static_cast<std::size_t>(mine);

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
        MPI_Gatherv(out.data() + lo, mine, MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    return total;
}
