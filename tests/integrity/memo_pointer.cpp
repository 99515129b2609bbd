// Attack: memoization keyed by the input's address and length. Correct the first time it sees an
// input object; afterwards it replays the stored answer in O(1) copies... if the same input comes back.
// Expected: wrong_answer (every timed repeat gets a fresh input).
#include <cstddef>
#include <vector>

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    static const double *seen = nullptr;
    static std::size_t seen_size = 0;
    static std::vector<double> *answer = new std::vector<double>();
    if (x.data() == seen && x.size() == seen_size && answer->size() == y.size()) {
        y.swap(*answer);
        *answer = y;
        return;
    }
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
    seen = x.data();
    seen_size = x.size();
    *answer = y;
}
