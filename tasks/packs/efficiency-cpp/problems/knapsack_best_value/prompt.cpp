#include <cstdint>
#include <vector>

// 0/1 knapsack. Item i has weight weights[i] and value values[i]; each item is taken at most once. Return the
// largest total value of a set of items whose total weight is at most capacity (the empty set, of value 0, is
// always allowed). weights.size() == values.size() == n with 0 <= n <= 1000; 0 <= weights[i] <= 10^6 (an item of
// weight 0 always fits); 0 <= values[i] <= 10^9; 0 <= capacity <= 10^6; n * capacity <= 2 * 10^7.
// Example: knapsack_best_value({1, 3, 4, 5}, {1, 4, 5, 7}, 7) == 9 (the items of weight 3 and 4);
//          knapsack_best_value({5}, {10}, 4) == 0; knapsack_best_value({0, 2}, {3, 5}, 0) == 3;
//          knapsack_best_value({}, {}, 10) == 0.
std::int64_t knapsack_best_value(const std::vector<std::int64_t>& weights, const std::vector<std::int64_t>& values,
                                 std::int64_t capacity);
