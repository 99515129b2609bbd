// Sequential baseline of mandelbrot: one pixel at a time, the escape-time iteration exactly as
// specified (the iteration count of each pixel is sensitive to rounding near the set's boundary).
#include <cstddef>
#include <vector>

void mandelbrot(double x_min, double x_max, double y_min, double y_max, size_t width, size_t height, int max_iter,
                std::vector<int> &counts) {
    const double dx = (x_max - x_min) / static_cast<double>(width);
    const double dy = (y_max - y_min) / static_cast<double>(height);
    for (size_t r = 0; r < height; ++r) {
        for (size_t c = 0; c < width; ++c) {
            const double cr = x_min + static_cast<double>(c) * dx;
            const double ci = y_min + static_cast<double>(r) * dy;
            double zr = 0.0, zi = 0.0;
            int count = 0;
            while (count < max_iter) {
                const double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                ++count;
            }
            counts[r * width + c] = count;
        }
    }
}
