#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

// sort by start, then one sweep that extends the current run while the next interval starts inside it
std::int64_t merge_intervals_total(const std::vector<std::pair<std::int64_t, std::int64_t>>& intervals) {
    std::vector<std::pair<std::int64_t, std::int64_t>> sorted;
    sorted.reserve(intervals.size());
    for (const auto& interval : intervals)
        if (interval.first < interval.second) sorted.push_back(interval);
    if (sorted.empty()) return 0;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    std::int64_t total = 0, run_start = sorted[0].first, run_end = sorted[0].second;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        const auto [start, end] = sorted[i];
        if (start > run_end) {
            total += run_end - run_start;
            run_start = start;
            run_end = end;
        } else if (end > run_end) {
            run_end = end;
        }
    }
    return total + (run_end - run_start);
}
