// Serial reference of hist_2d: the divisions by the ranges become multiplications by precomputed
// nx / (xhi - xlo) and ny / (yhi - ylo); the binning is branch-free (a point outside the rectangle
// goes to a spare cell nx * ny, chosen before the float-to-integer conversions so they never
// overflow), into two interleaved 32-bit sub-histograms (consecutive points in the same cell do
// not wait for each other's increment) that are added into the 64-bit counts after every chunk of
// at most 2^31 points.
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
    std::vector<std::uint32_t> sub(2 * stride);
    std::uint32_t *__restrict c0 = sub.data();
    std::uint32_t *__restrict c1 = sub.data() + stride;
    std::int64_t *__restrict out = counts.data();
    for (std::size_t b = 0; b < cells; ++b) out[b] = 0;
    const double *__restrict px = x.data();
    const double *__restrict py = y.data();
    constexpr std::size_t CHUNK = std::size_t(1) << 31;
    for (std::size_t start = 0; start < n; start += CHUNK) {
        const std::size_t end = std::min(n, start + CHUNK);
        std::size_t i = start;
        for (; i + 2 <= end; i += 2) {
            ++c0[g.cell(px[i], py[i])];
            ++c1[g.cell(px[i + 1], py[i + 1])];
        }
        for (; i < end; ++i) ++c0[g.cell(px[i], py[i])];
        for (std::size_t b = 0; b < cells; ++b) {
            out[b] += static_cast<std::int64_t>(c0[b]) + c1[b];
            c0[b] = c1[b] = 0;
        }
    }
}
