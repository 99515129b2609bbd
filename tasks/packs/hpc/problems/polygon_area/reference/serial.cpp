// Serial reference of polygon_area: one streaming pass over the vertices; each polygon's shoelace
// sum uses four independent accumulators (short floating-point dependency chains, SIMD-friendly)
// over restrict pointers, with the closing edge added once at the end.
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

}  // namespace

void polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x, const std::vector<double> &y,
                  std::vector<double> &areas) {
    const std::size_t m = offsets.size() - 1;
    const std::size_t *__restrict off = offsets.data();
    const double *xp = x.data(), *yp = y.data();
    double *__restrict out = areas.data();
    for (std::size_t p = 0; p < m; ++p) out[p] = 0.5 * std::fabs(twice_signed_area(xp, yp, off[p], off[p + 1]));
}
