// Deliberately wrong sort_doubles: the last element is left where it is.
#include <algorithm>
#include <vector>

void sort_doubles(std::vector<double> &x) {
    if (x.size() > 1) std::sort(x.begin(), x.end() - 1);
}
