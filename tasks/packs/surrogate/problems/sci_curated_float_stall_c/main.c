#include <stdio.h>

int main(void) {
    float f = 0.0f;
    double d = 0.0;
    int n = 0;
    for (long i = 0; i < 20000000; i++) {
        f += 1.0f;
        d += 1.0;
        n += 1;
    }
    printf("float  %.1f\n", f);
    printf("double %.1f\n", d);
    printf("int    %d\n", n);
    printf("gap    %.1f\n", d - f);
    return 0;
}
