// Kokkos reference of prefix_max: cache-blocked rounds of one parallel_scan with max as the join.
// Each round gives one piece per thread: the first pass takes the piece's maximum, the final pass writes its
// running maximum from the maximum before it.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per thread and round (2 MB of x, about one L2 cache)

KOKKOS_INLINE_FUNCTION double dmax(double a, double b) { return a < b ? b : a; }

// max(x[lo], ..., x[hi - 1]) with four independent maxima (lo < hi).
inline double block_max(const double *__restrict x, std::size_t lo, std::size_t hi) {
    double m0 = x[lo], m1 = x[lo], m2 = x[lo], m3 = x[lo];
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        m0 = dmax(m0, x[i]);
        m1 = dmax(m1, x[i + 1]);
        m2 = dmax(m2, x[i + 2]);
        m3 = dmax(m3, x[i + 3]);
    }
    for (; i < hi; ++i) m0 = dmax(m0, x[i]);
    return dmax(dmax(m0, m1), dmax(m2, m3));
}

// y[i] = max(m, x[lo], ..., x[i]) for lo <= i < hi, the chain broken into groups of four; returns
// the maximum at the end.
inline double block_scan(const double *__restrict x, double *__restrict y, std::size_t lo, std::size_t hi, double m) {
    std::size_t i = lo;
    for (; i + 4 <= hi; i += 4) {
        const double a = x[i], b = dmax(a, x[i + 1]), c = dmax(b, x[i + 2]), d = dmax(c, x[i + 3]);
        y[i] = dmax(m, a);
        y[i + 1] = dmax(m, b);
        y[i + 2] = dmax(m, c);
        y[i + 3] = dmax(m, d);
        m = dmax(m, d);
    }
    for (; i < hi; ++i) {
        m = dmax(m, x[i]);
        y[i] = m;
    }
    return m;
}

// One round: piece c of nc covers [base + len * c / nc, base + len * (c + 1) / nc); the scan value
// is the maximum of the pieces so far (identity: the lowest double), carry the earlier rounds'.
struct RoundScan {
    using value_type = double;
    const double *x;
    double *y;
    std::size_t base, len, nc;
    double carry;

    KOKKOS_INLINE_FUNCTION void operator()(const std::size_t c, double &upto, const bool final) const {
        const std::size_t lo = base + len * c / nc, hi = base + len * (c + 1) / nc;
        if (lo >= hi) return;
        if (final) upto = block_scan(x, y, lo, hi, dmax(carry, upto));
        else upto = dmax(upto, block_max(x, lo, hi));
    }
    KOKKOS_INLINE_FUNCTION void init(double &v) const { v = std::numeric_limits<double>::lowest(); }
    KOKKOS_INLINE_FUNCTION void join(volatile double &dst, const volatile double &src) const {
        dst = dmax(dst, src);
    }
};

}  // namespace

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
    if (n < 100000) {  // small: parallel overhead would dominate
        block_scan(xp, yp, 0, n, xp[0]);
        return;
    }
    const std::size_t nc = static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency()));
    const Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace> pieces(0, nc, Kokkos::ChunkSize(1));
    double carry = xp[0];  // a lower bound of every prefix maximum
    // a piece is mostly still in cache when the final pass reads it again, so x crosses the memory
    // bus about once
    for (std::size_t base = 0; base < n; base += CHUNK * nc) {
        const RoundScan round{xp, yp, base, std::min(CHUNK * nc, n - base), nc, carry};
        double total = 0.0;
        Kokkos::parallel_scan("prefix_max_round", pieces, round, total);
        carry = dmax(carry, total);
    }
}
