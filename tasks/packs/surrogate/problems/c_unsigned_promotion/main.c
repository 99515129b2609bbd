#include <stdio.h>
#include <string.h>

int main(void) {
    int neg = -1;
    unsigned int one = 1u;
    printf("%d %d\n", neg < one, neg < (int)one);

    unsigned int u = 3;
    printf("%u\n", u - 5);

    unsigned char small = 250;
    small += 10;
    printf("%d %d\n", small, (unsigned char)0x1234);

    double half = 1 / 2;
    double third = 1.0 / 4 * 2;
    printf("%.2f %.2f\n", half, third);

    char word[] = "hpc";
    printf("%zu %zu %zu\n", sizeof word, strlen(word), sizeof 'a');

    printf("%d %d %d\n", -7 / 2, -7 % 2, 7 % -2);

    long big = 1L << 40;
    int cut = (int)(big >> 36);
    printf("%ld %d\n", big / 1000000000L, cut);
    return 0;
}
