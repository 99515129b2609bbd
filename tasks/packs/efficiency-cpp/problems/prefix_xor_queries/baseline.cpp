#include <cstdint>
#include <utility>
#include <vector>

std::vector<std::int64_t> prefix_xor_queries(const std::vector<std::int64_t>& a,
                                             const std::vector<std::pair<std::int64_t, std::int64_t>>& queries) {
    std::vector<std::int64_t> answers;
    answers.reserve(queries.size());
    for (const auto& [l, r] : queries) {
        std::int64_t x = 0;
        for (std::int64_t i = l; i <= r; ++i) x ^= a[i];
        answers.push_back(x);
    }
    return answers;
}
