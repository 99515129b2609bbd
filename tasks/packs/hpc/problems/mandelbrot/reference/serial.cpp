// Serial reference of mandelbrot: pixels are iterated in groups of L neighbours of a row at once.
// Every lane runs the specified arithmetic unchanged; a lane that has escaped keeps iterating
// harmlessly but its mask stops its count, and the group stops when no lane is alive. The lane loop
// has no branches, so the compiler vectorizes it, and the L independent dependency chains hide
// the latency of the multiply-add chain that bounds the one-pixel-at-a-time loop.
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

}  // namespace

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    for (std::size_t r = 0; r < height; ++r) {
        const double ci = y_min + static_cast<double>(r) * dy;
        for (std::size_t c = 0; c < width; c += L) {
            const int lanes = width - c < static_cast<std::size_t>(L) ? static_cast<int>(width - c) : L;
            group(x_min, dx, ci, c, lanes, max_iter, counts.data() + r * width + c);
        }
    }
}
