#include <algorithm>
#include <cstdint>
#include <vector>

// every bar is the lowest bar of a candidate rectangle: spread left and right over the bars at least as high
std::int64_t largest_rectangle_area(const std::vector<std::int64_t>& heights) {
    const std::size_t n = heights.size();
    std::int64_t best = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t h = heights[i];
        std::size_t left = i, right = i;
        while (left > 0 && heights[left - 1] >= h) --left;
        while (right + 1 < n && heights[right + 1] >= h) ++right;
        best = std::max(best, h * static_cast<std::int64_t>(right - left + 1));
    }
    return best;
}
