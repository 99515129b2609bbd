// Deliberately wrong transpose: the last column of A (the last row of B) is never copied.
#include <cstddef>
#include <vector>

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n) {
    for (size_t i = 0; i < m; ++i)
        for (size_t j = 0; j + 1 < n; ++j) B[j * m + i] = A[i * n + j];
}
