// OpenMP reference of stream_compaction: cache-blocked count-then-write in one parallel region. The
// input is processed in rounds of CHUNK elements per thread; in each round every thread counts the kept
// elements of its piece (a vectorised pass) and notes the last one, the threads meet at a barrier, each
// adds the counts of the pieces before its own to the total of the earlier rounds (its output offset)
// and writes its kept elements there without branches (every element stored at the current position,
// which advances only for a kept one). The branch-free loop stops at the piece's last kept element, so
// a thread never stores into another thread's part of out. A piece is mostly still in cache when it is
// read the second time, so x crosses the memory bus about once; the per-round counts are
// double-buffered so one barrier per round suffices, and pieces of 2 MB keep the barriers few.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per thread and round (2 MB of x, about one L2 cache)

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

// Writes the kept elements of x[lo, end) to out[0, ...); stores land at index <= i - lo.
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
    const std::size_t n = x.size();
    const double *xp = x.data();
    double *op = out.data();
    if (n < 100000) {
        std::size_t end = 0;
        const std::size_t c = count_kept(xp, 0, n, threshold, &end);
        write_kept(xp, op, 0, end, threshold);
        return c;
    }
    std::vector<std::size_t> counts(2 * static_cast<std::size_t>(omp_get_max_threads()), 0);
    std::size_t total = 0;
#pragma omp parallel
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        std::size_t carry = 0;  // elements kept in all earlier rounds (the same in every thread)
        for (std::size_t base = 0, round = 0; base < n; base += CHUNK * nt, ++round) {
            const std::size_t len = std::min(CHUNK * nt, n - base);
            const std::size_t lo = base + len * t / nt, hi = base + len * (t + 1) / nt;
            std::size_t *c = counts.data() + (round & 1) * nt;  // rounds alternate between two sets of counts
            std::size_t end = lo;
            c[t] = count_kept(xp, lo, hi, threshold, &end);
#pragma omp barrier
            std::size_t offset = carry;
            for (std::size_t u = 0; u < t; ++u) offset += c[u];
            write_kept(xp, op + offset, lo, end, threshold);
            for (std::size_t u = 0; u < nt; ++u) carry += c[u];
        }
        if (t == 0) total = carry;
    }
    return total;
}
