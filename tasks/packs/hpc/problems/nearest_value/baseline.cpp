// Sequential baseline of nearest_value: sort (value, index) pairs once (equal values end up in
// index order), then answer every query with a binary search, comparing the closest value below
// the query (the first pair of its run of equal values, which has the smallest index) with the
// closest value at or above it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

void nearest_value(const std::vector<double> &values, const std::vector<double> &queries,
                   std::vector<int64_t> &result) {
    const size_t n = values.size();
    std::vector<std::pair<double, size_t>> sorted(n);
    for (size_t i = 0; i < n; ++i) sorted[i] = std::make_pair(values[i], i);
    std::sort(sorted.begin(), sorted.end());
    for (size_t j = 0; j < queries.size(); ++j) {
        const double x = queries[j];
        // the first pair whose value is >= x
        const size_t pos = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(x, size_t(0))) - sorted.begin();
        int64_t best = -1;
        double best_dist = 0.0;
        if (pos < n) {
            best = static_cast<int64_t>(sorted[pos].second);
            best_dist = sorted[pos].first - x;
        }
        if (pos > 0) {  // the largest value below x, at the first position of its run
            const double v = sorted[pos - 1].first;
            const size_t first =
                std::lower_bound(sorted.begin(), sorted.begin() + pos, std::make_pair(v, size_t(0))) - sorted.begin();
            const double dist = x - v;
            const int64_t idx = static_cast<int64_t>(sorted[first].second);
            if (best < 0 || dist < best_dist || (dist == best_dist && idx < best)) {
                best = idx;
                best_dist = dist;
            }
        }
        result[j] = best;
    }
}
