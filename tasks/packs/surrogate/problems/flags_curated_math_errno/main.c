#include <errno.h>
#include <math.h>
#include <stdio.h>
int main(void) {
    volatile double neg = -4.0, zero = 0.0;
    errno = 0;
    double r = sqrt(neg);
    printf("sqrt(-4): %s, errno %d\n", r != r ? "nan" : "number", errno);
    errno = 0;
    double l = log(zero);
    printf("log(0): %s, errno %d\n", l < 0 ? "-inf" : "other", errno);
    return 0;
}
