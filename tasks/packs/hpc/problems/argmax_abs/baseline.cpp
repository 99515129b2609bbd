// Sequential baseline of argmax_abs: one pass keeping the best |x| so far and its index; only a
// strictly larger value replaces it, so ties keep the smallest index.
#include <cmath>
#include <cstddef>
#include <vector>

size_t argmax_abs(const std::vector<double> &x) {
    const std::size_t n = x.size();
    std::size_t best = 0;
    double best_abs = std::fabs(x[0]);
    for (std::size_t i = 1; i < n; ++i) {
        const double a = std::fabs(x[i]);
        if (a > best_abs) {
            best_abs = a;
            best = i;
        }
    }
    return best;
}
