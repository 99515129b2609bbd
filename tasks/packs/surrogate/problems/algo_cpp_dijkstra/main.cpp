#include <functional>
#include <iostream>
#include <queue>
#include <utility>
#include <vector>

int main() {
    const int n = 7;
    const int edges[][3] = {
        {0, 1, 7}, {0, 2, 2}, {2, 1, 3}, {1, 3, 4}, {2, 3, 9}, {2, 4, 11},
        {3, 4, 2}, {3, 5, 8}, {4, 5, 3}, {5, 6, 1}, {4, 6, 7}, {1, 6, 20},
    };
    std::vector<std::vector<std::pair<int, int>>> adj(n);
    for (const auto &e : edges)
        adj[e[0]].push_back({e[1], e[2]});

    const int INF = 1000000;
    std::vector<int> dist(n, INF), parent(n, -1);
    using Entry = std::pair<int, int>;  // (distance, node)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    dist[0] = 0;
    heap.push({0, 0});
    int stale = 0;
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (d > dist[u]) {
            ++stale;
            continue;
        }
        for (auto [v, w] : adj[u]) {
            if (dist[u] + w < dist[v]) {
                dist[v] = dist[u] + w;
                parent[v] = u;
                heap.push({dist[v], v});
            }
        }
    }
    for (int v = 0; v < n; ++v)
        std::cout << v << ':' << dist[v] << (v + 1 < n ? ' ' : '\n');
    std::cout << "stale " << stale << '\n';
    std::vector<int> path;
    for (int v = n - 1; v != -1; v = parent[v])
        path.push_back(v);
    for (auto it = path.rbegin(); it != path.rend(); ++it)
        std::cout << *it << (it + 1 != path.rend() ? " -> " : "\n");
    return 0;
}
