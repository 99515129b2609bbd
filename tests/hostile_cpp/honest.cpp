// The honest answer: a recursive merge sort of a copy that counts as it merges.
#include <cstdint>
#include <vector>

namespace {
std::int64_t sort_count(std::vector<std::int64_t>& v, std::vector<std::int64_t>& scratch, std::size_t lo,
                        std::size_t hi) {
    if (hi - lo < 2) return 0;
    std::size_t mid = lo + (hi - lo) / 2;
    std::int64_t count = sort_count(v, scratch, lo, mid) + sort_count(v, scratch, mid, hi);
    std::size_t left = lo, right = mid, out = lo;
    while (left < mid || right < hi) {
        if (right == hi || (left < mid && v[left] <= v[right])) {
            scratch[out++] = v[left++];
        } else {
            count += static_cast<std::int64_t>(mid - left);
            scratch[out++] = v[right++];
        }
    }
    for (std::size_t k = lo; k < hi; ++k) v[k] = scratch[k];
    return count;
}
}  // namespace

std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    std::vector<std::int64_t> v(a), scratch(a.size());
    return sort_count(v, scratch, 0, v.size());
}
