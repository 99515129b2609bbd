// Sequential baseline of hist_2d: clear the counts, then map every point inside the rectangle to
// its (x bin, y bin) cell.
#include <cstddef>
#include <cstdint>
#include <vector>

void hist_2d(const std::vector<double> &x, const std::vector<double> &y, double xlo, double xhi, double ylo,
             double yhi, size_t nx, size_t ny, std::vector<int64_t> &counts) {
    for (size_t b = 0; b < nx * ny; ++b) counts[b] = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double px = x[i], py = y[i];
        if (px >= xlo && px < xhi && py >= ylo && py < yhi) {
            size_t ix = static_cast<size_t>((px - xlo) / (xhi - xlo) * nx);
            size_t iy = static_cast<size_t>((py - ylo) / (yhi - ylo) * ny);
            if (ix >= nx) ix = nx - 1;
            if (iy >= ny) iy = ny - 1;
            ++counts[ix * ny + iy];
        }
    }
}
