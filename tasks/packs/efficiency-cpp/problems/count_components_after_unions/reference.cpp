#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

// Union-find: every group is a tree whose root names it. A find walks to the root and halves the path on the way
// (every visited node is hooked to its grandparent); a union hangs the root of the smaller tree under the larger
// one. Together: a practically constant amortised cost per pair (inverse Ackermann). parent[v] >= 0 is v's parent;
// a root r holds -(size of its tree) instead.
std::vector<std::int64_t> count_components_after_unions(std::int64_t n,
                                                        const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
    const std::size_t count = pairs.size();
    std::vector<std::int64_t> result(count);
    const auto store = std::make_unique_for_overwrite<std::int32_t[]>(static_cast<std::size_t>(n > 0 ? n : 1));
    std::int32_t* parent = store.get();
    for (std::int64_t v = 0; v < n; ++v) parent[v] = -1;
    auto find = [parent](std::int32_t v) {
        while (parent[v] >= 0) {
            const std::int32_t up = parent[v];
            if (parent[up] < 0) return up;
            parent[v] = parent[up];
            v = parent[up];
        }
        return v;
    };
    std::int64_t groups = n;
    std::int64_t* out = result.data();
    for (std::size_t i = 0; i < count; ++i) {
        std::int32_t ra = find(static_cast<std::int32_t>(pairs[i].first));
        std::int32_t rb = find(static_cast<std::int32_t>(pairs[i].second));
        if (ra != rb) {
            if (parent[ra] > parent[rb]) std::swap(ra, rb);  // ra: the larger tree (the more negative size)
            parent[ra] += parent[rb];
            parent[rb] = ra;
            --groups;
        }
        out[i] = groups;
    }
    return result;
}
