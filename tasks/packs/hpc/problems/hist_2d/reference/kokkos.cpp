// Kokkos reference of hist_2d: a parallel_for over one block of points per thread into private interleaved 32-bit sub-histograms, then a parallel_for over the cells adds them up into counts.
// Binning multiplies by precomputed nx / (xhi - xlo) and ny / (yhi - ylo) and is branch-free: a point
// outside the rectangle goes to a spare cell nx * ny. Each block has two sub-histograms used in
// turn (breaks the dependency between neighbouring increments of a hot cell); the combining pass
// splits the cells statically, so there are no atomics and no false sharing. Points are taken in
// rounds of at most 2^31 per block so no 32-bit count can overflow. Small inputs run serially.
#include <Kokkos_Core.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace {

struct Grid {
    double xlo, xhi, ylo, yhi, sx, sy;
    std::size_t nx, ny;
    // Cell of (px, py), or nx * ny (the spare cell) when the point is outside the rectangle.
    KOKKOS_INLINE_FUNCTION std::size_t cell(double px, double py) const {
        const bool in = px >= xlo && px < xhi && py >= ylo && py < yhi;
        const double tx = in ? (px - xlo) * sx : 0.0, ty = in ? (py - ylo) * sy : 0.0;
        std::size_t ix = static_cast<std::size_t>(tx), iy = static_cast<std::size_t>(ty);
        ix = ix < nx ? ix : nx - 1;
        iy = iy < ny ? iy : ny - 1;
        return in ? ix * ny + iy : nx * ny;
    }
};

// Clears the pair of sub-histograms c0, c0 + stride and counts the points [a, z) into them.
KOKKOS_INLINE_FUNCTION void count_block(const Grid &g, const double *__restrict px, const double *__restrict py,
                                        std::size_t a, std::size_t z, std::uint32_t *__restrict c0,
                                        std::size_t stride) {
    std::uint32_t *__restrict c1 = c0 + stride;
    for (std::size_t b = 0; b < stride; ++b) c0[b] = c1[b] = 0;
    std::size_t i = a;
    for (; i + 2 <= z; i += 2) {
        ++c0[g.cell(px[i], py[i])];
        ++c1[g.cell(px[i + 1], py[i + 1])];
    }
    for (; i < z; ++i) ++c0[g.cell(px[i], py[i])];
}

// out[b] (plus its value so far unless first) += cell b of all nt pairs of sub-histograms.
KOKKOS_INLINE_FUNCTION void combine_cell(const std::uint32_t *priv, std::size_t stride, std::size_t nt,
                                         std::size_t b, bool first, std::int64_t *out) {
    std::int64_t s = first ? 0 : out[b];
    for (std::size_t u = 0; u < nt; ++u) {
        const std::uint32_t *p = priv + 2 * u * stride;
        s += static_cast<std::int64_t>(p[b]) + p[stride + b];
    }
    out[b] = s;
}

}  // namespace

void hist_2d(const std::vector<double> &x, const std::vector<double> &y, double xlo, double xhi, double ylo,
             double yhi, size_t nx, size_t ny, std::vector<int64_t> &counts) {
    const Grid g{xlo, xhi, ylo, yhi, static_cast<double>(nx) / (xhi - xlo), static_cast<double>(ny) / (yhi - ylo),
                 nx, ny};
    const std::size_t n = x.size(), cells = nx * ny, stride = cells + 1;
    const int conc = Kokkos::DefaultHostExecutionSpace::concurrency();
    const std::size_t nt = n > 20000 && conc > 1 ? static_cast<std::size_t>(conc) : 1;
    std::unique_ptr<std::uint32_t[]> buf(new std::uint32_t[nt * 2 * stride]);  // every block clears its own
    std::uint32_t *priv = buf.get();
    const double *px = x.data();
    const double *py = y.data();
    std::int64_t *out = counts.data();
    constexpr std::size_t ROUND = std::size_t(1) << 31;  // points per block and round
    std::size_t r0 = 0;
    do {
        const std::size_t r1 = std::min(n, r0 + ROUND * nt);
        const bool first = r0 == 0;
        if (nt == 1) {  // small input: parallel overhead would dominate
            count_block(g, px, py, r0, r1, priv, stride);
            for (std::size_t b = 0; b < cells; ++b) combine_cell(priv, stride, 1, b, first, out);
        } else {
            Kokkos::parallel_for(
                "hist_2d_count", Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace>(0, nt),
                KOKKOS_LAMBDA(const std::size_t t) {
                    count_block(g, px, py, r0 + (r1 - r0) * t / nt, r0 + (r1 - r0) * (t + 1) / nt,
                                priv + 2 * t * stride, stride);
                });
            Kokkos::parallel_for(
                "hist_2d_combine",
                Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Static>>(0, cells),
                KOKKOS_LAMBDA(const std::size_t b) { combine_cell(priv, stride, nt, b, first, out); });
            Kokkos::fence();
        }
        r0 = r1;
    } while (r0 < n);
}
