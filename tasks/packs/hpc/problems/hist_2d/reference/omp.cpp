// OpenMP reference of hist_2d: every thread bins one contiguous block of the points into its own
// pair of interleaved 32-bit sub-histograms (multiplications by precomputed nx / (xhi - xlo) and
// ny / (yhi - ylo); branch-free: a point outside the rectangle goes to a spare cell nx * ny), then
// the cells are split over the threads and each thread adds up its cells of all the private
// histograms into counts (no atomics, no false sharing). Points are taken in rounds of at most
// 2^31 per thread so no 32-bit count can overflow.
#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

struct Grid {
    double xlo, xhi, ylo, yhi, sx, sy;
    std::size_t nx, ny;
    // Cell of (px, py), or nx * ny (the spare cell) when the point is outside the rectangle.
    std::size_t cell(double px, double py) const {
        const bool in = px >= xlo && px < xhi && py >= ylo && py < yhi;
        const double tx = in ? (px - xlo) * sx : 0.0, ty = in ? (py - ylo) * sy : 0.0;
        std::size_t ix = static_cast<std::size_t>(tx), iy = static_cast<std::size_t>(ty);
        ix = ix < nx ? ix : nx - 1;
        iy = iy < ny ? iy : ny - 1;
        return in ? ix * ny + iy : nx * ny;
    }
};

}  // namespace

void hist_2d(const std::vector<double> &x, const std::vector<double> &y, double xlo, double xhi, double ylo,
             double yhi, size_t nx, size_t ny, std::vector<int64_t> &counts) {
    const Grid g{xlo, xhi, ylo, yhi, static_cast<double>(nx) / (xhi - xlo), static_cast<double>(ny) / (yhi - ylo),
                 nx, ny};
    const std::size_t n = x.size(), cells = nx * ny, stride = cells + 1;
    const int nt_used = n > 20000 ? omp_get_max_threads() : 1;
    std::vector<std::uint32_t> priv(static_cast<std::size_t>(nt_used) * 2 * stride);
    const double *__restrict px = x.data();
    const double *__restrict py = y.data();
    std::int64_t *__restrict out = counts.data();
    constexpr std::size_t ROUND = std::size_t(1) << 31;  // points per thread and round
    const std::ptrdiff_t ncells = static_cast<std::ptrdiff_t>(cells);
#pragma omp parallel num_threads(nt_used)
    {
        const std::size_t t = static_cast<std::size_t>(omp_get_thread_num());
        const std::size_t nt = static_cast<std::size_t>(omp_get_num_threads());
        std::uint32_t *__restrict c0 = priv.data() + 2 * t * stride;
        std::uint32_t *__restrict c1 = c0 + stride;
        std::size_t r0 = 0;
        do {
            const std::size_t r1 = std::min(n, r0 + ROUND * nt);
            const std::size_t a = r0 + (r1 - r0) * t / nt, z = r0 + (r1 - r0) * (t + 1) / nt;
            for (std::size_t b = 0; b < stride; ++b) c0[b] = c1[b] = 0;
            std::size_t i = a;
            for (; i + 2 <= z; i += 2) {
                ++c0[g.cell(px[i], py[i])];
                ++c1[g.cell(px[i + 1], py[i + 1])];
            }
            for (; i < z; ++i) ++c0[g.cell(px[i], py[i])];
            const bool first = r0 == 0;
#pragma omp barrier
#pragma omp for schedule(static)
            for (std::ptrdiff_t b = 0; b < ncells; ++b) {
                std::int64_t s = first ? 0 : out[b];
                for (std::size_t u = 0; u < nt; ++u) {
                    const std::uint32_t *p = priv.data() + 2 * u * stride;
                    s += static_cast<std::int64_t>(p[b]) + p[stride + b];
                }
                out[b] = s;
            }
            r0 = r1;
        } while (r0 < n);
    }
}
