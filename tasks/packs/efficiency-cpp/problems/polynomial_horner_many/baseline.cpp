#include <cmath>
#include <cstddef>
#include <vector>

std::vector<double> evaluate_polynomial(const std::vector<double>& c, const std::vector<double>& xs) {
    std::vector<double> values;
    values.reserve(xs.size());
    for (const double x : xs) {
        double sum = 0.0;
        for (std::size_t i = 0; i < c.size(); ++i) sum += c[i] * std::pow(x, static_cast<double>(i));
        values.push_back(sum);
    }
    return values;
}
