// Attack: input mutation. Zeroes x through const_cast and leaves y as it was, so a baseline run
// afterwards on the same (mutated) input agrees. Expected: wrong_answer.
#include <cstddef>
#include <vector>

void axpy(double, const std::vector<double> &x, std::vector<double> &) {
    std::vector<double> &writable = const_cast<std::vector<double> &>(x);
    for (std::size_t i = 0; i < writable.size(); ++i) writable[i] = 0.0;
}
