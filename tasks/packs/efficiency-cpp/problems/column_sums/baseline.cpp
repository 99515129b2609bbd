#include <cstdint>
#include <vector>

// one column at a time, walking down the rows: every step jumps a whole row ahead in memory
std::vector<double> column_sums(const std::vector<double>& values, std::int64_t rows, std::int64_t cols) {
    std::vector<double> sums(cols, 0.0);
    for (std::int64_t c = 0; c < cols; ++c) {
        double sum = 0.0;
        for (std::int64_t r = 0; r < rows; ++r) sum += values[r * cols + c];
        sums[c] = sum;
    }
    return sums;
}
