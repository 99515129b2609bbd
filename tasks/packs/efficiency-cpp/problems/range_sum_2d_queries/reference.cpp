#include <cstdint>
#include <tuple>
#include <vector>

// one flat (R+1) x (C+1) prefix-sum table, then four reads per rectangle (inclusion-exclusion)
std::vector<std::int64_t> range_sum_2d_queries(
    const std::vector<std::vector<std::int64_t>>& grid,
    const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>>& queries) {
    std::vector<std::int64_t> sums(queries.size());
    if (queries.empty()) return sums;
    const std::size_t rows = grid.size(), cols = grid[0].size(), w = cols + 1;
    // p[r * w + c]: the sum of grid[0..r-1][0..c-1]
    std::vector<std::int64_t> p((rows + 1) * w);
    for (std::size_t c = 0; c < w; ++c) p[c] = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::int64_t* g = grid[r].data();
        const std::int64_t* above = p.data() + r * w;
        std::int64_t* cur = p.data() + (r + 1) * w;
        std::int64_t run = 0;
        cur[0] = 0;
        for (std::size_t c = 0; c < cols; ++c) {
            run += g[c];
            cur[c + 1] = above[c + 1] + run;
        }
    }
    const std::int64_t* t = p.data();
    for (std::size_t k = 0; k < queries.size(); ++k) {
        const auto& [r1, c1, r2, c2] = queries[k];
        const std::int64_t* top = t + static_cast<std::size_t>(r1) * w;
        const std::int64_t* bottom = t + static_cast<std::size_t>(r2 + 1) * w;
        sums[k] = bottom[c2 + 1] - bottom[c1] - top[c2 + 1] + top[c1];
    }
    return sums;
}
