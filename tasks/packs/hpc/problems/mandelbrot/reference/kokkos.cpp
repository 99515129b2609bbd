// Kokkos reference of mandelbrot: a dynamic parallel_for over rows, 8 pixels iterated together.
// Rows go out one at a time (their costs differ widely); within a row, lanes run the specified arithmetic with
// escape masks.
#include <Kokkos_Core.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

constexpr int LANES = 8;  // pixels iterated together

// Counts of pixels [c0, c0 + used) of the row with imaginary part ci (used <= LANES). Every lane runs
// the specified arithmetic unchanged; a lane's alive mask drops at its escape and stops its count.
inline void pixel_group(double x_min, double dx, double ci, std::size_t c0, int used, int max_iter, int *out) {
    double cr[LANES], zr[LANES], zi[LANES];
    std::int64_t alive[LANES], cnt[LANES];
    for (int l = 0; l < LANES; ++l) {
        cr[l] = x_min + static_cast<double>(c0 + static_cast<std::size_t>(l < used ? l : 0)) * dx;
        zr[l] = zi[l] = 0.0;
        alive[l] = 1;
        cnt[l] = 0;
    }
    int it = 0;
    while (it < max_iter) {
        const int stop = max_iter - it < 8 ? max_iter : it + 8;  // check for a live lane every 8 steps
        for (; it < stop; ++it) {
            for (int l = 0; l < LANES; ++l) {
                const double zr2 = zr[l] * zr[l], zi2 = zi[l] * zi[l];
                alive[l] &= static_cast<std::int64_t>(!(zr2 + zi2 > 4.0));
                cnt[l] += alive[l];
                zi[l] = 2.0 * zr[l] * zi[l] + ci;
                zr[l] = zr2 - zi2 + cr[l];
            }
        }
        std::int64_t any = 0;
        for (int l = 0; l < LANES; ++l) any |= alive[l];
        if (!any) break;
    }
    for (int l = 0; l < used; ++l) out[l] = static_cast<int>(cnt[l]);
}

inline void one_row(double x_min, double dx, double ci, std::size_t width, int max_iter, int *out) {
    for (std::size_t c = 0; c < width; c += LANES) {
        const int used = width - c < static_cast<std::size_t>(LANES) ? static_cast<int>(width - c) : LANES;
        pixel_group(x_min, dx, ci, c, used, max_iter, out + c);
    }
}

}  // namespace

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    int *out = counts.data();
    if (static_cast<double>(width) * static_cast<double>(height) * max_iter <= 1.0e6) {  // small: serial
        for (std::size_t r = 0; r < height; ++r)
            one_row(x_min, dx, y_min + static_cast<double>(r) * dy, width, max_iter, out + r * width);
        return;
    }
    Kokkos::parallel_for(
        "mandelbrot_rows",
        Kokkos::RangePolicy<Kokkos::DefaultHostExecutionSpace, Kokkos::Schedule<Kokkos::Dynamic>>(0, height,
                                                                                                 Kokkos::ChunkSize(1)),
        KOKKOS_LAMBDA(const std::size_t r) {
            one_row(x_min, dx, y_min + static_cast<double>(r) * dy, width, max_iter, out + r * width);
        });
    Kokkos::fence();
}
