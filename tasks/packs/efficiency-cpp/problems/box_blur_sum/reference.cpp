#include <algorithm>
#include <cstdint>
#include <vector>

// one (R+1) x (C+1) prefix-sum table; each clipped window sum is four table reads (O(R*C) whatever r is)
std::vector<std::vector<std::int64_t>> box_blur_sum(const std::vector<std::vector<std::int64_t>>& grid,
                                                    std::int64_t r) {
    const std::size_t rows = grid.size();
    if (rows == 0) return {};
    const std::size_t cols = grid[0].size(), w = cols + 1;
    std::vector<std::vector<std::int64_t>> out(rows, std::vector<std::int64_t>(cols));
    if (cols == 0) return out;
    // p[y * w + x]: the sum of grid[0..y-1][0..x-1]
    std::vector<std::int64_t> p((rows + 1) * w, 0);
    for (std::size_t y = 0; y < rows; ++y) {
        const std::int64_t* g = grid[y].data();
        const std::int64_t* above = p.data() + y * w;
        std::int64_t* cur = p.data() + (y + 1) * w;
        std::int64_t run = 0;
        for (std::size_t x = 0; x < cols; ++x) {
            run += g[x];
            cur[x + 1] = above[x + 1] + run;
        }
    }
    const std::size_t rr = static_cast<std::size_t>(std::min<std::int64_t>(r, static_cast<std::int64_t>(rows + cols)));
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t y0 = i > rr ? i - rr : 0, y1 = std::min(rows, i + rr + 1);
        const std::int64_t* top = p.data() + y0 * w;
        const std::int64_t* bottom = p.data() + y1 * w;
        std::int64_t* o = out[i].data();
        // left part (window clipped on the left), middle (unclipped), right part (clipped on the right)
        const std::size_t left_end = std::min(cols, rr), right_begin = cols > rr ? std::max(left_end, cols - rr) : left_end;
        for (std::size_t j = 0; j < left_end; ++j) {
            const std::size_t x1 = std::min(cols, j + rr + 1);
            o[j] = bottom[x1] - top[x1] - bottom[0] + top[0];
        }
        for (std::size_t j = left_end; j < right_begin; ++j) {
            const std::size_t x0 = j - rr, x1 = j + rr + 1;
            o[j] = bottom[x1] - top[x1] - bottom[x0] + top[x0];
        }
        for (std::size_t j = right_begin; j < cols; ++j) {
            const std::size_t x0 = j > rr ? j - rr : 0;
            o[j] = bottom[cols] - top[cols] - bottom[x0] + top[x0];
        }
    }
    return out;
}
