// OpenMP reference of mandelbrot: rows are handed out dynamically (one at a time), because their
// cost differs widely (rows crossing the set take up to max_iter iterations per pixel, others a
// few). Within a row, pixels are iterated in groups of L lanes at once: every lane runs the
// specified arithmetic unchanged, an escaped lane's mask stops its count, and the branch-free lane
// loop vectorizes and hides the latency of the multiply-add chain.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr int L = 8;  // pixels iterated together

// Counts of pixels [c0, c0 + lanes) of row r (lanes <= L).
void group(double x_min, double dx, double ci, std::size_t c0, int lanes, int max_iter, int *out) {
    double cr[L], zr[L], zi[L];
    std::int64_t alive[L], cnt[L];
    for (int l = 0; l < L; ++l) {
        cr[l] = x_min + static_cast<double>(c0 + static_cast<std::size_t>(l < lanes ? l : 0)) * dx;
        zr[l] = 0.0;
        zi[l] = 0.0;
        alive[l] = 1;
        cnt[l] = 0;
    }
    for (int it = 0; it < max_iter;) {
        // A few iterations between the checks for a live lane: a lane's mask only ever drops.
        const int stop = max_iter - it < 8 ? max_iter : it + 8;
        for (; it < stop; ++it) {
            for (int l = 0; l < L; ++l) {
                const double zr2 = zr[l] * zr[l], zi2 = zi[l] * zi[l];
                alive[l] &= static_cast<std::int64_t>(!(zr2 + zi2 > 4.0));
                cnt[l] += alive[l];
                zi[l] = 2.0 * zr[l] * zi[l] + ci;
                zr[l] = zr2 - zi2 + cr[l];
            }
        }
        std::int64_t any = 0;
        for (int l = 0; l < L; ++l) any |= alive[l];
        if (!any) break;
    }
    for (int l = 0; l < lanes; ++l) out[l] = static_cast<int>(cnt[l]);
}

// Counts of row r into out[0, width).
void mandel_row(double x_min, double dx, double ci, std::size_t width, int max_iter, int *out) {
    for (std::size_t c = 0; c < width; c += L) {
        const int lanes = width - c < static_cast<std::size_t>(L) ? static_cast<int>(width - c) : L;
        group(x_min, dx, ci, c, lanes, max_iter, out + c);
    }
}

}  // namespace

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    int *out = counts.data();
    const std::ptrdiff_t rows = static_cast<std::ptrdiff_t>(height);
#pragma omp parallel for schedule(dynamic, 1) if (static_cast<double>(width) * height * max_iter > 1.0e6)
    for (std::ptrdiff_t i = 0; i < rows; ++i) {
        const std::size_t r = static_cast<std::size_t>(i);
        mandel_row(x_min, dx, y_min + static_cast<double>(r) * dy, width, max_iter, out + r * width);
    }
}
