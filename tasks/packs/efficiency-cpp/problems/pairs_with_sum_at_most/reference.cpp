#include <algorithm>
#include <cstdint>
#include <vector>

// sort a copy; for each left end, the right pointer only moves down, so every pair count comes in one sweep
std::int64_t pairs_with_sum_at_most(const std::vector<std::int64_t>& a, std::int64_t x) {
    std::vector<std::int64_t> v(a);
    std::sort(v.begin(), v.end());
    std::int64_t count = 0;
    std::size_t lo = 0, hi = v.size();
    // invariant: every partner of v[lo] lies below hi; once lo meets hi no pair with a larger left end remains
    while (lo < hi) {
        while (hi > lo + 1 && v[lo] + v[hi - 1] > x) --hi;
        if (hi <= lo + 1) break;
        count += static_cast<std::int64_t>(hi - 1 - lo);  // v[lo] pairs with v[lo+1 .. hi-1]
        ++lo;
    }
    return count;
}
