// Deliberately wrong inclusive_scan: computes the exclusive scan (y[i] misses x[i]).
#include <cstddef>
#include <cstdint>
#include <vector>

void inclusive_scan(const std::vector<int64_t> &x, std::vector<int64_t> &y) {
    int64_t sum = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        y[i] = sum;
        sum += x[i];
    }
}
