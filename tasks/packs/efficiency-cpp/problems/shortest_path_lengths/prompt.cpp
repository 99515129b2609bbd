#include <cstdint>
#include <tuple>
#include <vector>

// A directed graph has vertices 0 .. n-1 (1 <= n <= 10^6); each edge (u, v, w) of edges is a one-way edge from u to
// v of length w, with 0 <= u, v < n and 0 <= w <= 10^9 (self-loops, parallel edges and edges of length 0 are
// allowed; edges.size() <= 10^7). Return a vector of n entries: entry v is the length of a shortest path from
// source (0 <= source < n) to v, the smallest sum of edge lengths over all directed paths from source to v, or -1
// when no path reaches v. Entry source is 0. Every distance is at most (n - 1) * 10^9, so it fits in 64 bits.
// Example: shortest_path_lengths(5, {{0, 1, 4}, {0, 2, 1}, {2, 1, 2}, {1, 3, 5}, {3, 0, 1}}, 0) == {0, 3, 1, 8, -1}
//          (0 -> 2 -> 1 costs 3, less than the direct edge of 4; nothing leads to vertex 4);
//          shortest_path_lengths(1, {}, 0) == {0}.
std::vector<std::int64_t> shortest_path_lengths(std::int64_t n,
                                                const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>>& edges,
                                                std::int64_t source);
