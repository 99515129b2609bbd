#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

// sparse table: row j holds the minima of every block of 2^j values, so a query is the min of two overlapping blocks
std::vector<std::int64_t> range_min_queries(const std::vector<std::int64_t>& a,
                                            const std::vector<std::pair<std::int64_t, std::int64_t>>& queries) {
    std::vector<std::int64_t> result(queries.size());
    const std::size_t n = a.size();
    if (queries.empty()) return result;
    // only as many rows as the longest query needs
    std::size_t longest = 1;
    for (const auto& [l, r] : queries) longest = std::max(longest, static_cast<std::size_t>(r - l + 1));
    const int rows = std::bit_width(longest);
    std::vector<std::int64_t> table(static_cast<std::size_t>(rows) * n);
    std::copy(a.begin(), a.end(), table.begin());
    for (int j = 1; j < rows; ++j) {
        const std::size_t half = std::size_t{1} << (j - 1), count = n - (std::size_t{1} << j) + 1;
        const std::int64_t* prev = table.data() + (j - 1) * n;
        std::int64_t* cur = table.data() + j * n;
        for (std::size_t i = 0; i < count; ++i) cur[i] = std::min(prev[i], prev[i + half]);
    }
    for (std::size_t q = 0; q < queries.size(); ++q) {
        const std::size_t l = static_cast<std::size_t>(queries[q].first), r = static_cast<std::size_t>(queries[q].second);
        const int j = std::bit_width(r - l + 1) - 1;
        const std::int64_t* row = table.data() + static_cast<std::size_t>(j) * n;
        result[q] = std::min(row[l], row[r + 1 - (std::size_t{1} << j)]);
    }
    return result;
}
