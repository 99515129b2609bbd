#include <cstddef>
#include <vector>

std::vector<std::vector<double>> matrix_multiply(const std::vector<std::vector<double>>& a,
                                                 const std::vector<std::vector<double>>& b) {
    const std::size_t n = a.size();
    std::vector<std::vector<double>> c(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            double sum = 0.0;
            for (std::size_t k = 0; k < n; ++k) sum += a[i][k] * b[k][j];
            c[i][j] = sum;
        }
    return c;
}
