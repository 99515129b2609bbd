// MPI reference of inclusive_scan: each rank owns one contiguous block of x (sizes differ by at most
// one). It sums its block, MPI_Exscan turns the block sums into each rank's offset (the sum of all
// blocks before its own), the rank scans its block from that offset, and rank 0 gathers the blocks
// of y with MPI_Gatherv.
#include <mpi.h>

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

    int64_t local = block_sum(x.data(), lo, hi), offset = 0;
    MPI_Exscan(&local, &offset, 1, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0) offset = 0;  // MPI_Exscan leaves rank 0's result undefined
    block_scan(x.data(), y.data(), lo, hi, offset);

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
