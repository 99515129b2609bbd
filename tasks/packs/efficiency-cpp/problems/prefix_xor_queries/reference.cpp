#include <cstdint>
#include <utility>
#include <vector>

// prefix XORs p[i] = a[0] ^ ... ^ a[i-1] once; XOR is its own inverse, so a range is p[r+1] ^ p[l]
std::vector<std::int64_t> prefix_xor_queries(const std::vector<std::int64_t>& a,
                                             const std::vector<std::pair<std::int64_t, std::int64_t>>& queries) {
    const std::size_t n = a.size();
    std::vector<std::uint64_t> p(n + 1);
    std::uint64_t run = 0;
    p[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        run ^= static_cast<std::uint64_t>(a[i]);
        p[i + 1] = run;
    }
    std::vector<std::int64_t> answers(queries.size());
    const std::uint64_t* t = p.data();
    for (std::size_t k = 0; k < queries.size(); ++k)
        answers[k] = static_cast<std::int64_t>(t[queries[k].second + 1] ^ t[queries[k].first]);
    return answers;
}
