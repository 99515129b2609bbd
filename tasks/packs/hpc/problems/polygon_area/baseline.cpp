// Sequential baseline of polygon_area: the shoelace formula over each polygon's edges, the closing
// edge (last vertex back to the first) added after the loop.
#include <cmath>
#include <cstddef>
#include <vector>

void polygon_area(const std::vector<size_t> &offsets, const std::vector<double> &x, const std::vector<double> &y,
                  std::vector<double> &areas) {
    const size_t m = offsets.size() - 1;
    for (size_t p = 0; p < m; ++p) {
        const size_t b = offsets[p], e = offsets[p + 1];
        double sum = 0.0;
        if (e - b >= 3) {
            for (size_t k = b; k + 1 < e; ++k) sum += x[k] * y[k + 1] - x[k + 1] * y[k];
            sum += x[e - 1] * y[b] - x[b] * y[e - 1];
        }
        areas[p] = 0.5 * std::fabs(sum);
    }
}
