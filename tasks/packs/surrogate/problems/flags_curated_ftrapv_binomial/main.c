#include <stdio.h>
static int choose(int n, int k) {
    int r = 1;
    for (int i = 0; i < k; i++)
        r = r * (n - i) / (i + 1);
    return r;
}
int main(void) {
    for (int n = 20; n <= 32; n += 4)
        printf("C(%d, %d) = %d\n", n, n / 2, choose(n, n / 2));
    return 0;
}
