#include <cstdint>
#include <tuple>
#include <vector>

std::vector<std::int64_t> range_sum_2d_queries(
    const std::vector<std::vector<std::int64_t>>& grid,
    const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>>& queries) {
    std::vector<std::int64_t> sums;
    sums.reserve(queries.size());
    for (const auto& [r1, c1, r2, c2] : queries) {
        std::int64_t sum = 0;
        for (std::int64_t r = r1; r <= r2; ++r)
            for (std::int64_t c = c1; c <= c2; ++c) sum += grid[r][c];
        sums.push_back(sum);
    }
    return sums;
}
