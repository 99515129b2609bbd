// Deliberately wrong poly_eval: reads the coefficients in the wrong order (coeffs[0] taken as the
// coefficient of x^d).
#include <cstddef>
#include <vector>

void poly_eval(const std::vector<double> &coeffs, const std::vector<double> &x, std::vector<double> &y) {
    for (size_t i = 0; i < x.size(); ++i) {
        double acc = 0.0;
        for (size_t k = 0; k < coeffs.size(); ++k) acc = acc * x[i] + coeffs[k];
        y[i] = acc;
    }
}
