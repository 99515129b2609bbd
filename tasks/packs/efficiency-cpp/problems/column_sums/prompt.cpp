#include <cstdint>
#include <vector>

// values holds a rows x cols matrix of doubles in row-major order: the entry in row r and column c is
// values[r * cols + c], and values.size() == rows * cols (0 <= rows, cols and rows * cols <= 10^7). Every value is
// finite with |value| <= 10^6. Return a vector of cols entries: entry c is the sum of column c,
// values[c] + values[cols + c] + ... + values[(rows - 1) * cols + c] (0.0 when rows == 0; an empty vector when
// cols == 0). The values may be added in any order: entry c is accepted when it differs from the exact sum by at
// most 1e-9 times the sum of the absolute values of column c.
// Example: column_sums({1.0, 2.0, 3.0,
//                       4.0, 5.0, 6.0}, 2, 3) == {5.0, 7.0, 9.0};
//          column_sums({}, 0, 2) == {0.0, 0.0}; column_sums({1.5, -2.5}, 2, 1) == {-1.0}.
std::vector<double> column_sums(const std::vector<double>& values, std::int64_t rows, std::int64_t cols);
