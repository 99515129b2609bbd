// Sequential baseline of heat1d: two full arrays, one step reads `u` and writes `next`, then the two
// are swapped. The end points are never written (both arrays start with the same values).
#include <cstddef>
#include <utility>
#include <vector>

void heat1d(std::vector<double> &u, size_t n, double r, int steps) {
    std::vector<double> next = u;
    for (int s = 0; s < steps; ++s) {
        for (size_t i = 1; i + 1 < n; ++i) {
            next[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        }
        std::swap(u, next);
    }
}
