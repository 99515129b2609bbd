// Deliberately wrong mandelbrot: row 0 is placed at the top of the window (ci = y_max - r * dy,
// image orientation) instead of at y_min.
#include <cstddef>
#include <vector>

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    for (size_t r = 0; r < height; ++r) {
        const double ci = y_max - static_cast<double>(r) * dy;
        for (size_t c = 0; c < width; ++c) {
            const double cr = x_min + static_cast<double>(c) * dx;
            double zr = 0.0, zi = 0.0;
            int count = 0;
            for (; count < max_iter; ++count) {
                const double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
            }
            counts[r * width + c] = count;
        }
    }
}
