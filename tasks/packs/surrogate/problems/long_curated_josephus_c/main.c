#include <stdio.h>

/* People 1..n stand in a circle; going round from person 1, every second person leaves.
   survivor(n) is the number of the last one standing. */
static unsigned long long survivor(unsigned long long n) {
    if (n == 1) return 1;
    if (n % 2 == 0) return 2 * survivor(n / 2) - 1;
    return 2 * survivor(n / 2) + 1;
}

int main(void) {
    const unsigned long long people[] = {41ULL, 1000000ULL, 1000000000000000000ULL};
    for (int i = 0; i < 3; i++)
        printf("%llu\n", survivor(people[i]));
    return 0;
}
