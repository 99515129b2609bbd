// Sequential baseline of sort_pairs_by_key: copy the pairs into one array, std::stable_sort it by
// key (equal keys keep their order), copy them back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

void sort_pairs_by_key(std::vector<int32_t> &keys, std::vector<double> &values) {
    const size_t n = keys.size();
    std::vector<std::pair<int32_t, double>> pairs(n);
    for (size_t i = 0; i < n; ++i) pairs[i] = {keys[i], values[i]};
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const std::pair<int32_t, double> &a, const std::pair<int32_t, double> &b) {
                         return a.first < b.first;
                     });
    for (size_t i = 0; i < n; ++i) {
        keys[i] = pairs[i].first;
        values[i] = pairs[i].second;
    }
}
