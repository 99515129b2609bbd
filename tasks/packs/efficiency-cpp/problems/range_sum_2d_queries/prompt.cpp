#include <cstdint>
#include <tuple>
#include <vector>

// grid has R rows of C values each (the same C for every row; values may be negative). Each query (r1, c1, r2, c2)
// names the rectangle of rows r1..r2 and columns c1..c2, both ends included, with 0 <= r1 <= r2 < R and
// 0 <= c1 <= c2 < C. Return, in query order, the sum of grid[r][c] over each rectangle (every sum fits in 64 bits).
// No queries give an empty result (the grid may then be empty too).
// Example: range_sum_2d_queries({{1, 2, 3}, {4, 5, 6}}, {{0, 0, 1, 2}, {1, 1, 1, 2}, {0, 2, 0, 2}}) == {21, 11, 3}.
std::vector<std::int64_t> range_sum_2d_queries(
    const std::vector<std::vector<std::int64_t>>& grid,
    const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>>& queries);
