#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

std::int64_t merge_intervals_total(const std::vector<std::pair<std::int64_t, std::int64_t>>& intervals) {
    // disjoint pieces of the union so far, in no order; each new interval swallows every piece it meets
    std::vector<std::pair<std::int64_t, std::int64_t>> pieces;
    for (auto [start, end] : intervals) {
        if (start >= end) continue;
        for (std::size_t k = 0; k < pieces.size();) {
            if (pieces[k].first <= end && start <= pieces[k].second) {
                start = std::min(start, pieces[k].first);
                end = std::max(end, pieces[k].second);
                pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(k));
            } else {
                ++k;
            }
        }
        pieces.emplace_back(start, end);
    }
    std::int64_t total = 0;
    for (const auto& [start, end] : pieces) total += end - start;
    return total;
}
