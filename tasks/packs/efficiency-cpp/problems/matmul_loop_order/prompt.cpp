#include <vector>

// Return the matrix product C = A * B of two n x n matrices stored as rows (a[i][j] is row i, column j):
// C[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + ... + a[i][n-1] * b[n-1][j].
// Both inputs hold exactly n rows of exactly n doubles each (n >= 0; n == 0 gives an empty result). Return n rows
// of n doubles. Any summation order is accepted: C[i][j] may differ from the exact value by up to 1e-9 times the
// product of the Euclidean norms of row i of a and column j of b.
// Example: matrix_multiply({{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}) == {{19, 22}, {43, 50}}.
std::vector<std::vector<double>> matrix_multiply(const std::vector<std::vector<double>>& a,
                                                 const std::vector<std::vector<double>>& b);
