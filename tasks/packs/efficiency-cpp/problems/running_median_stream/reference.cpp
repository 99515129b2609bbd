#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

// two heaps: a max-heap of the lower half (its top is the lower median) and a min-heap of the upper half
std::vector<std::int64_t> running_median_stream(const std::vector<std::int64_t>& a) {
    std::vector<std::int64_t> result(a.size()), low_store, high_store;
    low_store.reserve(a.size() / 2 + 1);
    high_store.reserve(a.size() / 2 + 1);
    std::priority_queue<std::int64_t> low(std::less<std::int64_t>{}, std::move(low_store));
    std::priority_queue<std::int64_t, std::vector<std::int64_t>, std::greater<std::int64_t>> high(
        std::greater<std::int64_t>{}, std::move(high_store));
    // invariant after each step: low.size() == high.size() or low.size() == high.size() + 1, and low.top() <= high.top()
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::int64_t x = a[i];
        if (low.empty() || x <= low.top()) {
            low.push(x);
            if (low.size() > high.size() + 1) {
                high.push(low.top());
                low.pop();
            }
        } else {
            high.push(x);
            if (high.size() > low.size()) {
                low.push(high.top());
                high.pop();
            }
        }
        result[i] = low.top();
    }
    return result;
}
