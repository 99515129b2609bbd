// Sequential baseline of farthest_pair: every pair once, keeping the largest squared distance; one
// square root at the end.
#include <cmath>
#include <cstddef>
#include <vector>

double farthest_pair(const std::vector<double> &pts, size_t n) {
    double best = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double xi = pts[2 * i], yi = pts[2 * i + 1];
        for (size_t j = i + 1; j < n; ++j) {
            const double dx = pts[2 * j] - xi, dy = pts[2 * j + 1] - yi;
            const double d2 = dx * dx + dy * dy;
            if (d2 > best) best = d2;
        }
    }
    return std::sqrt(best);
}
