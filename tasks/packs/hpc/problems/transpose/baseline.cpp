// Sequential baseline of transpose: the plain double loop, reading A row by row and writing B with
// stride m.
#include <cstddef>
#include <vector>

void transpose(const std::vector<double> &A, std::vector<double> &B, size_t m, size_t n) {
    for (size_t i = 0; i < m; ++i) {
        for (size_t j = 0; j < n; ++j) {
            B[j * m + i] = A[i * n + j];
        }
    }
}
