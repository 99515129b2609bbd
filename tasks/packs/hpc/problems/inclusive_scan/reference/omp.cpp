// OpenMP reference of inclusive_scan: cache-blocked reduce-then-scan in one parallel region. The
// array is processed in rounds of CHUNK elements per thread; in each round every thread sums its piece,
// the threads meet at a barrier, each adds the sums of the pieces before its own to the running total
// of the earlier rounds (its offset) and scans its piece from there. A piece is mostly still in cache
// when it is read the second time, so x crosses the memory bus about once, as in the serial scan,
// instead of twice as in a plain two-pass scan; the per-round sums are double-buffered so one barrier
// per round suffices, and pieces of 2 MB keep the barriers few (about 35 at the timed size).
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per thread and round (2 MB of x, about one L2 cache)

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
    const std::size_t n = x.size();
    const int64_t *xp = x.data();
    int64_t *yp = y.data();
    if (n < 100000) {
        block_scan(xp, yp, 0, n, 0);
        return;
    }
    std::vector<int64_t> sums(2 * static_cast<std::size_t>(omp_get_max_threads()), 0);
#pragma omp parallel
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        int64_t carry = 0;  // the sum of all earlier rounds (the same in every thread)
        for (std::size_t base = 0, round = 0; base < n; base += CHUNK * nt, ++round) {
            const std::size_t len = std::min(CHUNK * nt, n - base);
            const std::size_t lo = base + len * t / nt, hi = base + len * (t + 1) / nt;
            int64_t *s = sums.data() + (round & 1) * nt;  // rounds alternate between two sets of sums
            s[t] = block_sum(xp, lo, hi);
#pragma omp barrier
            int64_t offset = carry;
            for (std::size_t u = 0; u < t; ++u) offset += s[u];
            block_scan(xp, yp, lo, hi, offset);
            for (std::size_t u = 0; u < nt; ++u) carry += s[u];
        }
    }
}
