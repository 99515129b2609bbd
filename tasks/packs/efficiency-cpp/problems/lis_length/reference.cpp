#include <cstdint>
#include <memory>
#include <vector>

// Patience sorting: tails[k] is the smallest value that ends a strictly increasing subsequence of length k + 1
// (tails rises strictly). Each value replaces the first tail that is >= it, or extends tails when every tail is
// smaller; the answer is the number of tails. The search is a branch-free binary search (O(n log L), L the answer).
std::int64_t lis_length(const std::vector<std::int64_t>& values) {
    const std::size_t n = values.size();
    if (n == 0) return 0;
    const auto store = std::make_unique_for_overwrite<std::int64_t[]>(n);  // only the pages tails reaches are touched
    std::int64_t* tails = store.get();
    std::size_t length = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t x = values[i];
        if (length == 0 || tails[length - 1] < x) {  // the common case on rising data: extend
            tails[length++] = x;
            continue;
        }
        // the first k in [0, length) with tails[k] >= x (one exists: tails[length - 1] >= x)
        std::int64_t* base = tails;
        std::size_t count = length;
        while (count > 1) {
            const std::size_t half = count / 2;
            base = base[half - 1] < x ? base + half : base;
            count -= half;
        }
        *base = x;
    }
    return static_cast<std::int64_t>(length);
}
