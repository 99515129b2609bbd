// Deliberately wrong trsv_lower: reads L as if it were stored column-major (L[j * n + i] instead of
// L[i * n + j]), i.e. it uses the garbage upper triangle in place of the lower one.
#include <cstddef>
#include <vector>

void trsv_lower(const std::vector<double> &L, const std::vector<double> &b, std::vector<double> &x, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        for (size_t j = 0; j < i; ++j) sum += L[j * n + i] * x[j];
        x[i] = (b[i] - sum) / L[i * n + i];
    }
}
