// Attack: fake clock. Defines std::chrono::steady_clock::now() so that a driver linked with it sees
// time stand still. Expected: policy_violation (a global symbol other than the entry point).
#include <chrono>
#include <vector>

namespace std::chrono {
inline namespace _V2 {
steady_clock::time_point steady_clock::now() noexcept { return time_point(duration(0)); }
}  // namespace _V2
}  // namespace std::chrono

void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += alpha * x[i];
}
