#include <cstdint>
#include <vector>

// grid has R rows (R >= 0) of C values each (C >= 0, the same for every row); r >= 0 is the radius. Return an
// R x C grid out where out[i][j] is the sum of grid[y][x] over all rows y with |y - i| <= r and all columns x with
// |x - j| <= r that lie inside the grid (the (2r+1) x (2r+1) window centred on (i, j), clipped at the borders).
// Values may be negative; every sum fits in 64 bits. An empty grid gives an empty result, and R rows of length 0
// give R empty rows.
// Example: box_blur_sum({{1, 2, 3}, {4, 5, 6}}, 1) == {{12, 21, 16}, {12, 21, 16}};
//          box_blur_sum({{1, 2, 3}, {4, 5, 6}}, 0) == {{1, 2, 3}, {4, 5, 6}}.
std::vector<std::vector<std::int64_t>> box_blur_sum(const std::vector<std::vector<std::int64_t>>& grid,
                                                    std::int64_t r);
