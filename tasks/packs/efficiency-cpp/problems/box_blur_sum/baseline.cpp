#include <algorithm>
#include <cstdint>
#include <vector>

std::vector<std::vector<std::int64_t>> box_blur_sum(const std::vector<std::vector<std::int64_t>>& grid,
                                                    std::int64_t r) {
    const std::int64_t rows = static_cast<std::int64_t>(grid.size());
    std::vector<std::vector<std::int64_t>> out(grid.size());
    for (std::int64_t i = 0; i < rows; ++i) {
        const std::int64_t cols = static_cast<std::int64_t>(grid[i].size());
        out[i].assign(grid[i].size(), 0);
        for (std::int64_t j = 0; j < cols; ++j) {
            std::int64_t sum = 0;
            for (std::int64_t y = std::max<std::int64_t>(0, i - r); y <= std::min(rows - 1, i + r); ++y)
                for (std::int64_t x = std::max<std::int64_t>(0, j - r); x <= std::min(cols - 1, j + r); ++x)
                    sum += grid[y][x];
            out[i][j] = sum;
        }
    }
    return out;
}
