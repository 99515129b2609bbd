#include <omp.h>
#include <stdio.h>

static long calls = 0, tasks = 0;

static long fib(int n) {
#pragma omp atomic
    calls++;
    if (n < 2)
        return n;
    if (n < 10)
        return fib(n - 1) + fib(n - 2);
    long x, y;
#pragma omp task shared(x)
    {
#pragma omp atomic
        tasks++;
        x = fib(n - 1);
    }
#pragma omp task shared(y)
    {
#pragma omp atomic
        tasks++;
        y = fib(n - 2);
    }
#pragma omp taskwait
    return x + y;
}

int main(void) {
    long result = 0;
#pragma omp parallel
#pragma omp single
    result = fib(14);
    printf("fib(14) = %ld\n", result);
    printf("calls = %ld\n", calls);
    printf("tasks = %ld\n", tasks);
    return 0;
}
