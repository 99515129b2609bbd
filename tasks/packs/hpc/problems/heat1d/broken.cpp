// Deliberately wrong heat1d: updates the rod in place, so every point reads its left neighbour's
// value from the current step (Gauss-Seidel order) instead of the previous one.
#include <cstddef>
#include <vector>

void heat1d(std::vector<double> &u, size_t n, double r, int steps) {
    for (int s = 0; s < steps; ++s) {
        for (size_t i = 1; i + 1 < n; ++i) u[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
    }
}
