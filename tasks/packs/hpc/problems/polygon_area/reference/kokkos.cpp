// Kokkos reference of polygon_area: a parallel_for over one vertex-balanced chunk of polygons per thread.
// Chunks are cut at polygon boundaries by binary search in offsets; each shoelace sum uses four accumulators.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace {

// Twice the signed area of the polygon with vertices [b, e) (0 when it has fewer than 3); the
// closing edge is added once at the end.
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

inline void areas_of(const std::size_t *off, const double *xp, const double *yp, double *out, std::size_t p0,
                     std::size_t p1) {
    for (std::size_t p = p0; p < p1; ++p) out[p] = 0.5 * std::fabs(twice_signed_area(xp, yp, off[p], off[p + 1]));
}

// First polygon whose vertices start at or after vertex `target`.
inline std::size_t first_polygon_at(const std::size_t *off, std::size_t m, std::size_t target) {
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
    if (nv + m <= 50000) {  // small: parallel overhead would dominate
        areas_of(off, xp, yp, out, 0, m);
        return;
    }
    // one chunk per thread, cut at polygon boundaries so that every chunk holds about nv / nc vertices
    // (a few huge polygons do not unbalance the threads)
    const std::size_t nc = static_cast<std::size_t>(std::max(1, Kokkos::DefaultHostExecutionSpace::concurrency()));
    Kokkos::parallel_for(
        "polygon_area", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, nc, Kokkos::ChunkSize(1)),
        KOKKOS_LAMBDA(const std::size_t c) {
            const std::size_t p0 = c == 0 ? 0 : std::min(m, first_polygon_at(off, m, nv * c / nc));
            const std::size_t p1 = c + 1 == nc ? m : std::min(m, first_polygon_at(off, m, nv * (c + 1) / nc));
            areas_of(off, xp, yp, out, p0, p1);
        });
    Kokkos::fence();
}
