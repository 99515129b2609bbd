// OpenMP reference of prefix_max: cache-blocked reduce-then-scan in one parallel region. The array
// is processed in rounds of CHUNK elements per thread; in each round every thread finds its piece's
// maximum (four independent maxima), the threads meet at a barrier, each takes the maximum of the
// earlier rounds and of the pieces before its own as its starting value and writes the running
// maximum of its piece (the dependency chain broken into groups of four). A piece is mostly still in
// cache when it is read the second time, so x crosses the memory bus about once, as in the serial
// scan; the per-round maxima are double-buffered so one barrier per round suffices, and pieces of
// 2 MB keep the barriers few (about 35 at the timed size).
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace {

constexpr std::size_t CHUNK = 262144;  // elements per thread and round (2 MB of x, about one L2 cache)

inline double dmax(double a, double b) { return a < b ? b : a; }

double block_max(const double *__restrict x, std::size_t lo, std::size_t hi) {
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

// y[i] = max(m, x[lo], ..., x[i]) for lo <= i < hi.
void block_scan(const double *__restrict x, double *__restrict y, std::size_t lo, std::size_t hi, double m) {
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
}

}  // namespace

void prefix_max(const std::vector<double> &x, std::vector<double> &y) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    double *yp = y.data();
    if (n < 100000) {
        block_scan(xp, yp, 0, n, xp[0]);
        return;
    }
    std::vector<double> maxima(2 * static_cast<std::size_t>(omp_get_max_threads()), 0.0);
#pragma omp parallel
    {
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        double carry = xp[0];  // the maximum of all earlier rounds (x[0] is a lower bound of every prefix maximum)
        for (std::size_t base = 0, round = 0; base < n; base += CHUNK * nt, ++round) {
            const std::size_t len = std::min(CHUNK * nt, n - base);
            const std::size_t lo = base + len * t / nt, hi = base + len * (t + 1) / nt;
            double *m = maxima.data() + (round & 1) * nt;  // rounds alternate between two sets of maxima
            m[t] = lo < hi ? block_max(xp, lo, hi) : xp[0];
#pragma omp barrier
            double start = carry;
            for (std::size_t u = 0; u < t; ++u) start = dmax(start, m[u]);
            if (lo < hi) block_scan(xp, yp, lo, hi, start);
            for (std::size_t u = 0; u < nt; ++u) carry = dmax(carry, m[u]);
        }
    }
}
