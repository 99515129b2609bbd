// Sequential baseline of syrk: the textbook triple loop over every element of C,
// C[i][j] = sum_p A[p][i] * A[p][j] (columns i and j of A, read with stride n).
#include <cstddef>
#include <vector>

void syrk(const std::vector<double> &A, std::vector<double> &C, size_t m, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (size_t p = 0; p < m; ++p) {
                sum += A[p * n + i] * A[p * n + j];
            }
            C[i * n + j] = sum;
        }
    }
}
