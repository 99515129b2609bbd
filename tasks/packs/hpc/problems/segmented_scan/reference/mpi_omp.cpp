// MPI+OpenMP reference of segmented_scan: each rank owns one contiguous block, split again into one
// sub-block per thread. The threads summarise their sub-blocks as (holds a head, sum from the last
// head -- or the start -- to the end), walking backwards to the last head (one parallel region);
// the main thread folds them into the rank's summary and shares it with MPI_Allgather (outside the
// parallel regions); the rank's carry-in is the fold of the summaries before it, each thread's
// carry-in that of the rank and of the sub-blocks before its own, and the threads scan their
// sub-blocks with a branch-free restart at every head (a second region with the same static
// split). Rank 0 gathers the blocks with MPI_Gatherv.
#include <mpi.h>
#include <omp.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

struct Summary {
    int64_t tail = 0;      // sum from the part's last head (or its start) to its end
    int64_t has_head = 0;  // 1 when the part holds a head
};

// The carry after a part with summary s, given the carry before it.
inline int64_t fold(int64_t carry, const Summary &s) { return s.has_head ? s.tail : carry + s.tail; }

// Block [lo, hi) of n items owned by `rank` out of `size` ranks (sizes differ by at most one).
void block_range(std::size_t n, int rank, int size, std::size_t &lo, std::size_t &hi) {
    const std::size_t p = static_cast<std::size_t>(size), r = static_cast<std::size_t>(rank);
    const std::size_t base = n / p, extra = n % p;
    lo = r * base + (r < extra ? r : extra);
    hi = lo + base + (r < extra ? 1 : 0);
}

Summary summarise(const int64_t *v, const uint8_t *f, std::size_t lo, std::size_t hi) {
    Summary s;
    for (std::size_t j = hi; j > lo;) {
        --j;
        s.tail += v[j];
        if (f[j]) {
            s.has_head = 1;
            break;
        }
    }
    return s;
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
    const int64_t *v = values.data();
    const uint8_t *f = flags.data();
    int64_t *y = out.data();

    // One sub-block per thread; both regions use the same team size so the split is the same.
    const bool par = hi - lo > 50000;
    const int nt = par ? omp_get_max_threads() : 1;
    std::vector<Summary> parts(static_cast<std::size_t>(nt));
    const std::size_t len = hi - lo;
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        parts[t] = summarise(v, f, lo + len * t / k, lo + len * (t + 1) / k);
    }
    // The rank's summary: the parts in order (a part with a head restarts the tail).
    int64_t mine[2] = {0, 0};
    for (const Summary &s : parts) {
        mine[0] = fold(mine[0], s);
        mine[1] |= s.has_head;
    }
    std::vector<int64_t> all(2 * static_cast<std::size_t>(size));
    MPI_Allgather(mine, 2, MPI_INT64_T, all.data(), 2, MPI_INT64_T, MPI_COMM_WORLD);
    int64_t carry = 0;
    for (int r = 0; r < rank; ++r) {
        Summary s;
        s.tail = all[2 * r];
        s.has_head = all[2 * r + 1];
        carry = fold(carry, s);
    }
#pragma omp parallel num_threads(nt) if (par)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t k = static_cast<std::size_t>(omp_get_num_threads());
        int64_t c = carry;
        for (std::size_t u = 0; u < t; ++u) c = fold(c, parts[u]);
        block_scan(v, f, y, lo + len * t / k, lo + len * (t + 1) / k, c);
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
        MPI_Gatherv(MPI_IN_PLACE, 0, MPI_INT64_T, out.data(), counts.data(), displs.data(), MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
    else
        MPI_Gatherv(out.data() + lo, counts[rank], MPI_INT64_T, nullptr, nullptr, nullptr, MPI_INT64_T, 0,
                    MPI_COMM_WORLD);
}
