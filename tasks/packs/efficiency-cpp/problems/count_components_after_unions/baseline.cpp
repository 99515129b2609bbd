#include <cstdint>
#include <utility>
#include <vector>

// every element carries the label of its group; joining two groups relabels the second one by scanning all elements
std::vector<std::int64_t> count_components_after_unions(std::int64_t n,
                                                        const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
    std::vector<std::int64_t> label(n);
    for (std::int64_t v = 0; v < n; ++v) label[v] = v;
    std::int64_t groups = n;
    std::vector<std::int64_t> result;
    for (const auto& [a, b] : pairs) {
        const std::int64_t keep = label[a], gone = label[b];
        if (keep != gone) {
            for (std::int64_t v = 0; v < n; ++v)
                if (label[v] == gone) label[v] = keep;
            --groups;
        }
        result.push_back(groups);
    }
    return result;
}
