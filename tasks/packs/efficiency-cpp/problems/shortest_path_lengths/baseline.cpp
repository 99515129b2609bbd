#include <cstdint>
#include <limits>
#include <tuple>
#include <utility>
#include <vector>

// Dijkstra with a linear scan: each round settles the unsettled vertex of smallest tentative distance, found by
// looking at every vertex, then relaxes its outgoing edges
std::vector<std::int64_t> shortest_path_lengths(std::int64_t n,
                                                const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>>& edges,
                                                std::int64_t source) {
    const std::int64_t unknown = std::numeric_limits<std::int64_t>::max();
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> out(n);
    for (const auto& [u, v, w] : edges) out[u].push_back({v, w});
    std::vector<std::int64_t> dist(n, unknown);
    std::vector<bool> settled(n, false);
    dist[source] = 0;
    for (std::int64_t round = 0; round < n; ++round) {
        std::int64_t u = -1;
        for (std::int64_t v = 0; v < n; ++v)
            if (!settled[v] && dist[v] != unknown && (u < 0 || dist[v] < dist[u])) u = v;
        if (u < 0) break;  // every vertex left is unreachable
        settled[u] = true;
        for (const auto& [v, w] : out[u])
            if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
    }
    for (std::int64_t v = 0; v < n; ++v)
        if (dist[v] == unknown) dist[v] = -1;
    return dist;
}
