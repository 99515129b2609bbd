// Serial reference of kth_smallest: selection by sampling and one counting pass instead of a copy
// and std::nth_element over all n values. A regular sample of 32 Ki values gives a bracket
// [lo, hi] that holds the k-th smallest with overwhelming probability (sample quantiles k/n -/+ four
// standard deviations). One pass over x counts the values below lo, equal to lo and equal to hi,
// with vector compares, and appends the values strictly inside (lo, hi), a few percent of n; the
// counts tell where rank k falls, and std::nth_element on the small buffer finds it. If the
// bracket misses (or the buffer overflows), the plain copy-and-select answers.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

namespace {

typedef double v2d __attribute__((vector_size(16)));
typedef long long v2l __attribute__((vector_size(16)));

constexpr std::size_t SAMPLE = std::size_t{1} << 15;
constexpr std::size_t BLOCK = 1024;

struct Tally {
    std::size_t below = 0, eq_lo = 0, eq_hi = 0, inside = 0;
};

// The bracket [lo, hi] around rank k (1-based) of x[0, n), from a regular sample (lo may be
// -infinity and hi +infinity when k is near an end).
void bracket(const double *x, std::size_t n, std::size_t k, double &lo, double &hi) {
    const std::size_t s = std::min(n, SAMPLE);
    std::vector<double> sample(s);
    for (std::size_t j = 0; j < s; ++j) sample[j] = x[(j * n) / s];
    const double p = (static_cast<double>(k) - 0.5) / static_cast<double>(n);
    const double pos = p * static_cast<double>(s);
    const double spread = 4.0 * std::sqrt(static_cast<double>(s) * p * (1.0 - p)) + 16.0;
    const double lo_pos = std::floor(pos - spread), hi_pos = std::ceil(pos + spread);
    lo = -HUGE_VAL;
    hi = HUGE_VAL;
    std::size_t lo_i = 0;
    if (lo_pos >= 0.0) {
        lo_i = static_cast<std::size_t>(lo_pos);
        std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(lo_i), sample.end());
        lo = sample[lo_i];
    }
    if (hi_pos < static_cast<double>(s)) {
        const std::size_t hi_i = static_cast<std::size_t>(hi_pos);
        std::nth_element(sample.begin() + static_cast<std::ptrdiff_t>(lo_i),
                         sample.begin() + static_cast<std::ptrdiff_t>(hi_i), sample.end());
        hi = sample[hi_i];
    }
}

// Counts x[0, n) against [lo, hi] and appends the values strictly inside to buf (room for cap);
// false when the buffer would overflow. Two values per SSE2-width vector compare (GCC vector
// extensions); a group of 8 values is appended (without branches) only if one of them is inside.
bool tally(const double *x, std::size_t n, double lo, double hi, double *buf, std::size_t cap, Tally &t) {
    const v2d lv = {lo, lo}, hv = {hi, hi};
    v2l below = {0, 0}, eq_lo = {0, 0}, eq_hi = {0, 0};
    std::size_t c = 0, i = 0;
    while (i + 8 <= n) {
        if (c + BLOCK > cap) return false;
        const std::size_t end = i + std::min(BLOCK, (n - i) / 8 * 8);
        for (; i < end; i += 8) {
            v2d v[4];
            v2l in[4], any = {0, 0};
            for (int u = 0; u < 4; ++u) {
                std::memcpy(&v[u], x + i + 2 * u, sizeof(v2d));
                below -= v[u] < lv;  // a true compare is -1
                eq_lo -= v[u] == lv;
                eq_hi -= v[u] == hv;
                in[u] = (v[u] > lv) & (v[u] < hv);
                any |= in[u];
            }
            if (any[0] | any[1])
                for (int u = 0; u < 4; ++u) {
                    buf[c] = v[u][0];
                    c -= in[u][0];
                    buf[c] = v[u][1];
                    c -= in[u][1];
                }
        }
    }
    t.below = static_cast<std::size_t>(below[0] + below[1]);
    t.eq_lo = static_cast<std::size_t>(eq_lo[0] + eq_lo[1]);
    t.eq_hi = static_cast<std::size_t>(eq_hi[0] + eq_hi[1]);
    if (c + 8 > cap) return false;
    for (; i < n; ++i) {
        const double v = x[i];
        t.below += v < lo;
        t.eq_lo += v == lo;
        t.eq_hi += v == hi;
        buf[c] = v;
        c += (v > lo) & (v < hi);
    }
    t.inside = c;
    return true;
}

double select_copy(const double *x, std::size_t n, std::size_t k) {
    std::vector<double> tmp(x, x + n);
    std::nth_element(tmp.begin(), tmp.begin() + static_cast<std::ptrdiff_t>(k - 1), tmp.end());
    return tmp[k - 1];
}

}  // namespace

double kth_smallest(const std::vector<double> &x, size_t k) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    if (n <= 4 * SAMPLE) return select_copy(xp, n, k);
    double lo = 0.0, hi = 0.0;
    bracket(xp, n, k, lo, hi);
    const std::size_t cap = n / 8 + BLOCK;
    std::unique_ptr<double[]> buf(new double[cap]);
    Tally t;
    if (tally(xp, n, lo, hi, buf.get(), cap, t)) {
        if (lo == hi) t.eq_hi = 0;  // counted once, as eq_lo
        std::size_t r = k;          // rank still to skip, 1-based
        if (r > t.below) {
            r -= t.below;
            if (r <= t.eq_lo) return lo;
            r -= t.eq_lo;
            if (r <= t.inside) {
                std::nth_element(buf.get(), buf.get() + (r - 1), buf.get() + t.inside);
                return buf[r - 1];
            }
            r -= t.inside;
            if (r <= t.eq_hi) return hi;
        }
    }
    return select_copy(xp, n, k);  // the bracket missed rank k: rare
}
