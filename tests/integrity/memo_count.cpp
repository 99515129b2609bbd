// Attack: memoization keyed by call count and length: after the first call of a given length, replay.
// Expected: wrong_answer.
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    static std::size_t last_size = 0;
    static std::vector<double> *answer = new std::vector<double>();
    if (x.size() == last_size && x.size() > 100000) {
        y = *answer;
        return;
    }
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
    last_size = x.size();
    *answer = y;
}
