// Sequential baseline of argsort_stable: the identity permutation, stably sorted by the values it
// points at (std::stable_sort keeps equal values in index order).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

void argsort_stable(const std::vector<double> &x, std::vector<int64_t> &perm) {
    const size_t n = x.size();
    for (size_t i = 0; i < n; ++i) perm[i] = static_cast<int64_t>(i);
    std::stable_sort(perm.begin(), perm.end(), [&x](int64_t a, int64_t b) { return x[a] < x[b]; });
}
