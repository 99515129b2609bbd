#include <algorithm>
#include <cstdint>
#include <vector>

// longest[i]: the length of the longest strictly increasing subsequence that ends at i, from every earlier j
std::int64_t lis_length(const std::vector<std::int64_t>& values) {
    const std::size_t n = values.size();
    std::vector<std::int64_t> longest(n, 1);
    std::int64_t best = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t x = values[i];
        std::int64_t here = 1;
        for (std::size_t j = 0; j < i; ++j)
            if (values[j] < x) here = std::max(here, longest[j] + 1);
        longest[i] = here;
        best = std::max(best, here);
    }
    return best;
}
