// Kokkos reference of segmented_scan: one parallel_scan over per-thread blocks with a segmented join.
// The scan value is (has a head, sum since the last head); the first pass summarises a block backwards from its end
// to its last head, the final pass scans it from the carry-in with a branch-free restart.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

struct Summary {
    int64_t tail;      // sum from the last head (or the start) to the end
    int64_t has_head;  // 1 when a head occurs
};

// y[lo, hi) from the carry-in s, restarting at every head without a branch; returns the sum at the
// end (since the last head, or carry-in included when there is none).
inline int64_t block_scan(const int64_t *__restrict v, const uint8_t *__restrict f, int64_t *__restrict y,
                          std::size_t lo, std::size_t hi, int64_t s) {
    for (std::size_t i = lo; i < hi; ++i) {
        const int64_t keep = -static_cast<int64_t>(f[i] == 0);  // 0 at a head, all ones elsewhere
        s = (s & keep) + v[i];
        y[i] = s;
    }
    return s;
}

// Block c of nc is [n * c / nc, n * (c + 1) / nc). The scan value summarises the blocks so far: a
// later part with a head replaces the carry, one without adds to it (associative).
struct SegScan {
    using value_type = Summary;
    const int64_t *v;
    const uint8_t *f;
    int64_t *y;
    std::size_t n, nc;

    KOKKOS_INLINE_FUNCTION void operator()(const std::size_t c, Summary &upto, const bool final) const {
        const std::size_t lo = n * c / nc, hi = n * (c + 1) / nc;
        if (final) {  // the scan leaves upto.tail right for a next block of the same thread
            upto.tail = block_scan(v, f, y, lo, hi, upto.tail);
            return;
        }
        if (c + 1 == nc) return;  // the last block's summary is never needed
        // walk back from the end to the block's last head: short segments make this almost free
        int64_t tail = 0;
        for (std::size_t j = hi; j > lo;) {
            --j;
            tail += v[j];
            if (f[j]) {
                upto.tail = tail;
                upto.has_head = 1;
                return;
            }
        }
        upto.tail += tail;
    }
    KOKKOS_INLINE_FUNCTION void init(Summary &s) const { s.tail = s.has_head = 0; }
    KOKKOS_INLINE_FUNCTION void join(volatile Summary &dst, const volatile Summary &src) const {
        if (src.has_head) {
            dst.tail = src.tail;
            dst.has_head = 1;
        } else {
            dst.tail = dst.tail + src.tail;
        }
    }
};

}  // namespace

void segmented_scan(const std::vector<int64_t> &values, const std::vector<uint8_t> &flags, std::vector<int64_t> &out) {
    const std::size_t n = values.size();
    const int64_t *v = values.data();
    const uint8_t *f = flags.data();
    int64_t *y = out.data();
    if (n <= 50000) {  // small: parallel overhead would dominate (element 0 starts a segment anyway)
        block_scan(v, f, y, 0, n, 0);
        return;
    }
    const std::size_t nc = static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency()));
    Kokkos::parallel_scan("segmented_scan",
                          Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, nc, Kokkos::ChunkSize(1)),
                          SegScan{v, f, y, n, nc});
    Kokkos::fence();
}
