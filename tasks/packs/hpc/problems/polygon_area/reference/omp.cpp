// OpenMP reference of polygon_area: the polygons are split into one contiguous range per thread
// holding about the same number of vertices (binary search in offsets), so a few huge polygons do
// not unbalance the threads; each polygon's shoelace sum uses four independent accumulators, with
// the closing edge added once at the end.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

// Twice the signed area of the polygon with vertices [b, e) (0 when it has fewer than 3).
inline double twice_signed_area(const double *__restrict x, const double *__restrict y, std::size_t b,
                                std::size_t e) {
    if (e - b < 3) return 0.0;
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t k = b;
    for (; k + 4 < e; k += 4) {
        s0 += x[k] * y[k + 1] - x[k + 1] * y[k];
        s1 += x[k + 1] * y[k + 2] - x[k + 2] * y[k + 1];
        s2 += x[k + 2] * y[k + 3] - x[k + 3] * y[k + 2];
        s3 += x[k + 3] * y[k + 4] - x[k + 4] * y[k + 3];
    }
    for (; k + 1 < e; ++k) s0 += x[k] * y[k + 1] - x[k + 1] * y[k];
    s1 += x[e - 1] * y[b] - x[b] * y[e - 1];
    return (s0 + s1) + (s2 + s3);
}

// First polygon whose vertices start at or after `target` (polygons [0, result) hold fewer).
std::size_t polygon_for_vertex(const std::size_t *off, std::size_t m, std::size_t target) {
    return static_cast<std::size_t>(std::lower_bound(off, off + m + 1, target) - off);
}

}  // namespace

void polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x, const std::vector<double> &y,
                  std::vector<double> &areas) {
    const std::size_t m = offsets.size() - 1;
    const std::size_t *off = offsets.data();
    const std::size_t nv = off[m];
    const double *xp = x.data(), *yp = y.data();
    double *out = areas.data();
#pragma omp parallel if (nv + m > 50000)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        // Balance vertices plus polygons (every polygon costs a little even when empty).
        const std::size_t p0 = t == 0 ? 0 : std::min(m, polygon_for_vertex(off, m, nv * t / nt));
        const std::size_t p1 = t + 1 == nt ? m : std::min(m, polygon_for_vertex(off, m, nv * (t + 1) / nt));
        for (std::size_t p = p0; p < p1; ++p) out[p] = 0.5 * std::fabs(twice_signed_area(xp, yp, off[p], off[p + 1]));
    }
}
