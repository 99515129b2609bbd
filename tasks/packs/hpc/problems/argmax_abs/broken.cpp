// Deliberately wrong argmax_abs: the index of the largest signed value (the absolute value is
// forgotten), so a large negative element is never chosen.
#include <cstddef>
#include <vector>

size_t argmax_abs(const std::vector<double> &x) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < x.size(); ++i)
        if (x[i] > x[best]) best = i;
    return best;
}
