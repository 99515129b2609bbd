#include <vector>

// c holds the coefficients of p(x) = c[0] + c[1] * x + c[2] * x^2 + ... + c[d] * x^d (d = c.size() - 1; an empty
// c is the zero polynomial). Return the vector of p(xs[0]), p(xs[1]), ..., in the order of xs (an empty xs gives an
// empty result). Coefficients and points are finite doubles, negative ones included; take x^0 as 1, also for x = 0.
// Any evaluation order is accepted: each value may differ from the exact one by up to
// 1e-9 * (|c[0]| + |c[1]| + ... + |c[d]|) * max(1, |x|)^d.
// Example: evaluate_polynomial({1, -2, 3}, {0, 1, -2, 0.5}) == {1, 2, 17, 0.75}.
std::vector<double> evaluate_polynomial(const std::vector<double>& c, const std::vector<double>& xs);
