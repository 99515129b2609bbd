// OpenMP reference of segmented_scan: each thread owns one contiguous block. First every thread
// summarises its block as (does it hold a head, the sum from its last head -- or from its start --
// to its end), found by walking backwards from the block's end to its last head, so short segments
// make this pass almost free. After a barrier each thread folds the summaries of the blocks before
// its own into its carry-in (a block with a head replaces the carry, one without adds to it) and
// scans its block from that carry with a branch-free restart at every head.
#include <omp.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

struct Summary {
    int64_t tail = 0;      // sum from the block's last head (or its start) to its end
    int64_t has_head = 0;  // 1 when the block holds a head
};

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
    const std::size_t n = values.size();
    const int64_t *v = values.data();
    const uint8_t *f = flags.data();
    int64_t *y = out.data();
    std::vector<Summary> parts(static_cast<std::size_t>(omp_get_max_threads()));
#pragma omp parallel if (n > 50000)
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t lo = n * t / nt, hi = n * (t + 1) / nt;
        if (t + 1 < nt) parts[t] = summarise(v, f, lo, hi);  // the last block's summary is never needed
#pragma omp barrier
        int64_t carry = 0;
        for (std::size_t u = 0; u < t; ++u) carry = parts[u].has_head ? parts[u].tail : carry + parts[u].tail;
        block_scan(v, f, y, lo, hi, carry);
    }
}
