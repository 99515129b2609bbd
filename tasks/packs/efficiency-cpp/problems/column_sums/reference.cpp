#include <cstdint>
#include <vector>

// Row by row: the matrix is read once, front to back, and every row is added into the running column sums. Four
// rows go in per pass (their values added pairwise first), so the sums are loaded and stored once per four rows;
// every access is contiguous and the inner loop has no dependence from one column to the next.
std::vector<double> column_sums(const std::vector<double>& values, std::int64_t rows, std::int64_t cols) {
    std::vector<double> sums(static_cast<std::size_t>(cols), 0.0);
    if (rows <= 0 || cols <= 0) return sums;
    double* __restrict out = sums.data();
    const double* base = values.data();
    const std::size_t width = static_cast<std::size_t>(cols), height = static_cast<std::size_t>(rows);
    std::size_t r = 0;
    for (; r + 4 <= height; r += 4) {
        const double* __restrict r0 = base + r * width;
        const double* __restrict r1 = r0 + width;
        const double* __restrict r2 = r1 + width;
        const double* __restrict r3 = r2 + width;
        for (std::size_t c = 0; c < width; ++c) out[c] += (r0[c] + r1[c]) + (r2[c] + r3[c]);
    }
    for (; r < height; ++r) {
        const double* __restrict row = base + r * width;
        for (std::size_t c = 0; c < width; ++c) out[c] += row[c];
    }
    return sums;
}
