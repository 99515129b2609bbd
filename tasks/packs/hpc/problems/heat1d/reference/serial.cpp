// Serial reference of heat1d: temporal blocking. The rod is advanced W steps at a time; within
// such a phase it is cut into chunks of C points, and each chunk is copied with W halo points on
// either side into two small buffers that stay in L1, advanced W steps there (the valid region
// shrinks by one point per side and step), and written back. Main memory is then streamed once
// per W steps instead of once per step; the redundant halo work is about W / C of the total.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

namespace {

constexpr std::ptrdiff_t W = 32;    // steps per phase (halo width)
constexpr std::ptrdiff_t C = 2048;  // points per chunk

// Advances the points [lo, hi) (1 <= lo < hi <= n - 1) by s <= W steps: reads src at
// [lo - s, hi + s) clipped to [0, n), writes dst[lo, hi). a and b hold C + 2 W doubles.
void advance_chunk(const double *src, double *dst, std::ptrdiff_t n, double r, std::ptrdiff_t s, std::ptrdiff_t lo,
                   std::ptrdiff_t hi, double *a, double *b) {
    const std::ptrdiff_t base = lo - s;  // global index of buffer slot 0
    const std::ptrdiff_t g0 = std::max<std::ptrdiff_t>(base, 0), g1 = std::min(hi + s, n);
    std::memcpy(a + (g0 - base), src + g0, static_cast<std::size_t>(g1 - g0) * sizeof(double));
    // The fixed end points are read in every step, so both buffers need them.
    if (g0 == 0) b[-base] = src[0];
    if (g1 == n) b[n - 1 - base] = src[n - 1];
    double *cur = a, *nxt = b;
    for (std::ptrdiff_t j = 1; j <= s; ++j) {
        const std::ptrdiff_t k0 = std::max<std::ptrdiff_t>(1, base + j) - base;
        const std::ptrdiff_t k1 = std::min(n - 1, hi + s - j) - base;
        const double *__restrict c = cur;
        double *__restrict x = nxt;
        for (std::ptrdiff_t k = k0; k < k1; ++k) x[k] = c[k] + r * (c[k - 1] - 2.0 * c[k] + c[k + 1]);
        std::swap(cur, nxt);
    }
    std::memcpy(dst + lo, cur + (lo - base), static_cast<std::size_t>(hi - lo) * sizeof(double));
}

}  // namespace

void heat1d(std::vector<double> &u, size_t n, double r, int steps) {
    if (n < 3 || steps <= 0) return;
    const std::ptrdiff_t len = static_cast<std::ptrdiff_t>(n);
    std::vector<double> other(u);  // same end points as u
    std::vector<double> a(C + 2 * W), b(C + 2 * W);
    double *src = u.data(), *dst = other.data();
    for (int done = 0; done < steps;) {
        const std::ptrdiff_t s = std::min<std::ptrdiff_t>(W, steps - done);
        for (std::ptrdiff_t lo = 1; lo < len - 1; lo += C)
            advance_chunk(src, dst, len, r, s, lo, std::min(lo + C, len - 1), a.data(), b.data());
        std::swap(src, dst);
        done += static_cast<int>(s);
    }
    if (src != u.data()) u.swap(other);
}
