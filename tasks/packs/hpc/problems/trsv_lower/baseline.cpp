// Sequential baseline of trsv_lower: row-oriented forward substitution,
// x[i] = (b[i] - sum_{j < i} L[i][j] * x[j]) / L[i][i].
#include <cstddef>
#include <vector>

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < i; ++j) {
            sum += L[i * n + j] * x[j];
        }
        x[i] = (b[i] - sum) / L[i * n + i];
    }
}
