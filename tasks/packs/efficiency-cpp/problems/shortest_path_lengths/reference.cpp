#include <cstdint>
#include <limits>
#include <memory>
#include <tuple>
#include <vector>

// Dijkstra with a binary heap (O((V + E) log V)). The edges are first laid out by source vertex in flat arrays
// (compressed sparse rows, a counting sort), so a vertex's edges are contiguous. The heap holds (distance, vertex)
// entries keyed by distance; a vertex gets a new entry whenever its distance drops, and an entry whose distance is
// no longer the vertex's is skipped when it comes out (lazy deletion).
namespace {

struct Entry {
    std::int64_t dist;
    std::uint32_t vertex;
};

}  // namespace

std::vector<std::int64_t> shortest_path_lengths(std::int64_t n,
                                                const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>>& edges,
                                                std::int64_t source) {
    const std::size_t vertices = static_cast<std::size_t>(n), m = edges.size();
    const std::int64_t unknown = std::numeric_limits<std::int64_t>::max();

    // CSR: the edges of u are target[first[u] .. first[u + 1]) with lengths length[...]
    std::vector<std::uint32_t> first(vertices + 1, 0);
    for (const auto& e : edges) ++first[static_cast<std::size_t>(std::get<0>(e)) + 1];
    for (std::size_t u = 0; u < vertices; ++u) first[u + 1] += first[u];
    const auto target = std::make_unique_for_overwrite<std::uint32_t[]>(m);
    const auto length = std::make_unique_for_overwrite<std::int64_t[]>(m);
    {
        std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
        for (const auto& [u, v, w] : edges) {
            const std::uint32_t at = fill[static_cast<std::size_t>(u)]++;
            target[at] = static_cast<std::uint32_t>(v);
            length[at] = w;
        }
    }

    std::vector<std::int64_t> dist(vertices, unknown);
    // a binary min-heap in heap[0 .. size); at most one entry per improving relaxation, plus the source
    const auto heap = std::make_unique_for_overwrite<Entry[]>(m + 1);  // untouched pages cost nothing
    Entry* h = heap.get();
    std::size_t size = 0;
    auto push = [&](Entry e) {
        std::size_t at = size++;
        while (at > 0) {
            const std::size_t parent = (at - 1) / 2;
            if (h[parent].dist <= e.dist) break;
            h[at] = h[parent];
            at = parent;
        }
        h[at] = e;
    };
    auto pop = [&]() {
        const Entry top = h[0];
        const Entry last = h[--size];
        std::size_t at = 0;
        for (;;) {
            std::size_t child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && h[child + 1].dist < h[child].dist) ++child;
            if (last.dist <= h[child].dist) break;
            h[at] = h[child];
            at = child;
        }
        h[at] = last;
        return top;
    };

    dist[static_cast<std::size_t>(source)] = 0;
    push({0, static_cast<std::uint32_t>(source)});
    const std::uint32_t* begin = first.data();
    while (size > 0) {
        const Entry e = pop();
        if (e.dist != dist[e.vertex]) continue;  // stale: the vertex was settled with a smaller distance
        for (std::uint32_t k = begin[e.vertex], end = begin[e.vertex + 1]; k < end; ++k) {
            const std::int64_t d = e.dist + length[k];
            const std::uint32_t v = target[k];
            if (d < dist[v]) {
                dist[v] = d;
                push({d, v});
            }
        }
    }
    for (std::int64_t& d : dist)
        if (d == unknown) d = -1;
    return dist;
}
