// Does 0.3 s of work in a static constructor, hoping it runs before the clock starts (it would in a process that
// loaded the solution before "go"), then answers fast and right. The load is timed: it is censored at the first
// timed level (efficiency 0), where an untimed load would score well above 0.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace {
struct Warm {
    Warm() {
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
        while (std::chrono::steady_clock::now() < until) {
        }
    }
} warm;
}  // namespace

// a Fenwick tree over the ranks of the values (fast enough to score well above 0 if the load were untimed)
std::int64_t inversion_count(const std::vector<std::int64_t>& a) {
    std::vector<std::int64_t> sorted(a);
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<std::int64_t> tree(sorted.size() + 1, 0);
    std::int64_t count = 0, seen = 0;
    for (std::int64_t value : a) {
        std::size_t rank = std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin() + 1;
        std::int64_t not_greater = 0;
        for (std::size_t i = rank; i > 0; i -= i & -i) not_greater += tree[i];
        count += seen - not_greater;
        for (std::size_t i = rank; i < tree.size(); i += i & -i) ++tree[i];
        ++seen;
    }
    return count;
}
