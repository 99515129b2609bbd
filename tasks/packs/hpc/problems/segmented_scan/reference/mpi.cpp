// MPI reference of segmented_scan: each rank owns one contiguous block (sizes differ by at most
// one) and summarises it as (does it hold a head, the sum from its last head -- or its start -- to
// its end), walking backwards from the block's end to its last head. MPI_Allgather shares the
// summaries; each rank folds those of the ranks before it into its carry-in (a block with a head
// replaces the carry, one without adds to it), scans its block from there with a branch-free
// restart at every head, and rank 0 gathers the blocks with MPI_Gatherv.
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

// {sum from the block's last head (or its start) to its end, 1 if the block holds a head}
void summarise(const int64_t *v, const uint8_t *f, std::size_t lo, std::size_t hi, int64_t out[2]) {
    out[0] = 0;
    out[1] = 0;
    for (std::size_t j = hi; j > lo;) {
        --j;
        out[0] += v[j];
        if (f[j]) {
            out[1] = 1;
            break;
        }
    }
}

void block_scan(const int64_t *__restrict v, const uint8_t *__restrict f, int64_t *__restrict y, std::size_t lo,
                std::size_t hi, int64_t s) {
    for (std::size_t i = lo; i < hi; ++i) {
        const int64_t keep = -static_cast<int64_t>(f[i] == 0);  // 0 at a head, all ones elsewhere
        s = (s & keep) + v[i];
        y[i] = s;
    }
}

}  // namespace

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out) {
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::size_t n = values.size();
    std::size_t lo = 0, hi = 0;
    block_range(n, rank, size, lo, hi);

    int64_t mine[2];
    summarise(values.data(), flags.data(), lo, hi, mine);
    std::vector<int64_t> all(2 * static_cast<std::size_t>(size));
    MPI_Allgather(mine, 2, MPI_INT64_T, all.data(), 2, MPI_INT64_T, MPI_COMM_WORLD);
    int64_t carry = 0;
    for (int r = 0; r < rank; ++r) carry = all[2 * r + 1] ? all[2 * r] : carry + all[2 * r];
    block_scan(values.data(), flags.data(), out.data(), lo, hi, carry);

    if (size == 1) return;
    std::vector<int> counts(size), displs(size);
    for (int r = 0; r < size; ++r) {
        std::size_t b0 = 0, b1 = 0;
        block_range(n, r, size, b0, b1);
        counts[r] = static_cast<int>(b1 - b0);
        displs[r] = static_cast<int>(b0);
    }
    if (rank == 0)
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT64_T, out.data(), counts.data(), displs.data(), MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(out.data() + lo, counts[rank], MPI_INT64_T, nullptr, nullptr, nullptr, MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
}
