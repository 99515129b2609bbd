// Sequential baseline of top_k: copy x, std::partial_sort the k largest to the front in
// descending order, copy them out.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

void top_k(const std::vector<double> &x, size_t k, std::vector<double> &out) {
    std::vector<double> tmp(x.begin(), x.end());
    std::partial_sort(tmp.begin(), tmp.begin() + k, tmp.end(), std::greater<double>());
    for (size_t i = 0; i < k; ++i) out[i] = tmp[i];
}
