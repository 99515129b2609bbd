// Kokkos reference of kth_smallest: a sampled bracket, one parallel_for counting per chunk, then nth_element on the few inside.
// Every chunk counts the values below and at the bracket ends and collects the values strictly inside it; a missed
// bracket falls back to copy-and-select.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

namespace {

typedef double v2d __attribute__((vector_size(16)));
typedef long long v2l __attribute__((vector_size(16)));

constexpr std::size_t SAMPLE = std::size_t{1} << 15;  // values in the regular sample
constexpr std::size_t BLOCK = 1024;                   // values scanned between buffer-room checks
constexpr std::size_t PARALLEL_MIN = std::size_t{1} << 16;

struct Counts {
    std::size_t below = 0, eq_lo = 0, eq_hi = 0, inside = 0;
    int ok = 1;
};

// [lo, hi] around rank k (1-based) of x[0, n) from a regular sample: the sample quantile of k/n
// -/+ four standard deviations (lo = -inf / hi = +inf when that runs past an end of the sample).
void sample_bracket(const double *x, std::size_t n, std::size_t k, double &lo, double &hi) {
    const std::size_t s = std::min(n, SAMPLE);
    std::vector<double> smp(s);
    for (std::size_t j = 0; j < s; ++j) smp[j] = x[(j * n) / s];
    const double p = (static_cast<double>(k) - 0.5) / static_cast<double>(n);
    const double centre = p * static_cast<double>(s);
    const double width = 4.0 * std::sqrt(static_cast<double>(s) * p * (1.0 - p)) + 16.0;
    const double lo_at = std::floor(centre - width), hi_at = std::ceil(centre + width);
    lo = -HUGE_VAL;
    hi = HUGE_VAL;
    std::size_t first = 0;
    if (lo_at >= 0.0) {
        first = static_cast<std::size_t>(lo_at);
        std::nth_element(smp.begin(), smp.begin() + static_cast<std::ptrdiff_t>(first), smp.end());
        lo = smp[first];
    }
    if (hi_at < static_cast<double>(s)) {
        const std::size_t at = static_cast<std::size_t>(hi_at);
        std::nth_element(smp.begin() + static_cast<std::ptrdiff_t>(first), smp.begin() + static_cast<std::ptrdiff_t>(at),
                         smp.end());
        hi = smp[at];
    }
}

// Counts x[0, n) against lo and hi and appends the values strictly between them to out (room for
// cap values); c.ok = 0 when out would overflow. Vector compares two doubles at a time; a group of
// eight is stored (branch-free compaction) only when one of them lies inside.
void count_chunk(const double *x, std::size_t n, double lo, double hi, double *out, std::size_t cap, Counts &c) {
    const v2d lov = {lo, lo}, hiv = {hi, hi};
    v2l nb = {0, 0}, nl = {0, 0}, nh = {0, 0};
    std::size_t m = 0, i = 0;
    while (i + 8 <= n) {
        if (m + BLOCK > cap) {
            c.ok = 0;
            return;
        }
        const std::size_t stop = i + std::min(BLOCK, (n - i) / 8 * 8);
        for (; i < stop; i += 8) {
            v2d v[4];
            v2l keep[4], any = {0, 0};
            for (int u = 0; u < 4; ++u) {
                std::memcpy(&v[u], x + i + 2 * u, sizeof(v2d));
                nb -= v[u] < lov;  // a true lane is -1
                nl -= v[u] == lov;
                nh -= v[u] == hiv;
                keep[u] = (v[u] > lov) & (v[u] < hiv);
                any |= keep[u];
            }
            if (any[0] | any[1]) {
                for (int u = 0; u < 4; ++u) {
                    out[m] = v[u][0];
                    m -= keep[u][0];
                    out[m] = v[u][1];
                    m -= keep[u][1];
                }
            }
        }
    }
    c.below = static_cast<std::size_t>(nb[0] + nb[1]);
    c.eq_lo = static_cast<std::size_t>(nl[0] + nl[1]);
    c.eq_hi = static_cast<std::size_t>(nh[0] + nh[1]);
    if (m + 8 > cap) {
        c.ok = 0;
        return;
    }
    for (; i < n; ++i) {  // the last < 8 values
        const double v = x[i];
        c.below += v < lo;
        c.eq_lo += v == lo;
        c.eq_hi += v == hi;
        out[m] = v;
        m += (v > lo) & (v < hi);
    }
    c.inside = m;
}

double copy_and_select(const double *x, std::size_t n, std::size_t k) {
    std::vector<double> tmp(x, x + n);
    std::nth_element(tmp.begin(), tmp.begin() + static_cast<std::ptrdiff_t>(k - 1), tmp.end());
    return tmp[k - 1];
}

}  // namespace

double kth_smallest(const std::vector<double> &x, size_t k) {
    const std::size_t n = x.size();
    const double *xp = x.data();
    if (n <= 4 * SAMPLE) return copy_and_select(xp, n, k);
    double lo = 0.0, hi = 0.0;
    sample_bracket(xp, n, k, lo, hi);

    const std::size_t nc = n >= PARALLEL_MIN
                               ? static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency()))
                               : 1;
    // chunk c appends to its own slice of one buffer, starting at a_c / 8 + c * BLOCK (disjoint)
    std::unique_ptr<double[]> buf(new double[n / 8 + nc * BLOCK]);
    std::vector<Counts> counts(nc);
    double *bp = buf.get();
    Counts *cp = counts.data();
    Kokkos::parallel_for(
        "kth_smallest_count", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, nc, Kokkos::ChunkSize(1)),
        KOKKOS_LAMBDA(const std::size_t c) {
            const std::size_t a = (c * n) / nc, b = ((c + 1) * n) / nc;
            count_chunk(xp + a, b - a, lo, hi, bp + a / 8 + c * BLOCK, (b - a) / 8 + BLOCK, cp[c]);
        });
    Kokkos::fence();

    Counts all;
    for (std::size_t c = 0; c < nc; ++c) {  // sum the counts and pack the slices to the front
        if (!counts[c].ok) return copy_and_select(xp, n, k);
        std::memmove(bp + all.inside, bp + (c * n) / nc / 8 + c * BLOCK, counts[c].inside * sizeof(double));
        all.below += counts[c].below;
        all.eq_lo += counts[c].eq_lo;
        all.eq_hi += counts[c].eq_hi;
        all.inside += counts[c].inside;
    }
    if (lo == hi) all.eq_hi = 0;  // the same values, counted once as eq_lo
    std::size_t r = k;
    if (r > all.below) {
        r -= all.below;
        if (r <= all.eq_lo) return lo;
        r -= all.eq_lo;
        if (r <= all.inside) {
            std::nth_element(bp, bp + (r - 1), bp + all.inside);
            return bp[r - 1];
        }
        r -= all.inside;
        if (r <= all.eq_hi) return hi;
    }
    return copy_and_select(xp, n, k);  // rank k fell outside the bracket: rare
}
