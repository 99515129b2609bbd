#include <cstdint>
#include <vector>

// heights[i] is the height of bar i of a histogram; every bar has width 1 and the bars stand side by side. Return
// the area of the largest axis-aligned rectangle that fits inside the histogram: the maximum, over all index ranges
// i <= j, of (j - i + 1) * min(heights[i], ..., heights[j]). 0 <= heights.size() <= 10^6 and
// 0 <= heights[i] <= 10^12, so every area fits in 64 bits. An empty histogram, or one whose bars are all 0, gives 0.
// Example: largest_rectangle_area({2, 1, 5, 6, 2, 3}) == 10 (bars 2 and 3, height 5, width 2);
//          largest_rectangle_area({2, 4}) == 4; largest_rectangle_area({3, 3, 3}) == 9; largest_rectangle_area({}) == 0.
std::int64_t largest_rectangle_area(const std::vector<std::int64_t>& heights);
