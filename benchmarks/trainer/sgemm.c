// sgemm ceiling on this machine: GFLOP/s of the VAE's largest products (row-major, OpenBLAS).
// Build: cc -O2 sgemm.c -o sgemm $(pkg-config --cflags --libs openblas)
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double bench(int m, int n, int k, int reps) {
    float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n), *c = malloc(sizeof(float) * m * n);
    for (int i = 0; i < m * k; i++) a[i] = (float)(i % 7) * 0.1f;
    for (int i = 0; i < k * n; i++) b[i] = (float)(i % 5) * 0.1f;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n);
    double best = 1e9;
    for (int r = 0; r < 5; r++) {
        double t0 = now();
        for (int i = 0; i < reps; i++)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n);
        double t = (now() - t0) / reps;
        if (t < best) best = t;
    }
    free(a); free(b); free(c);
    return 2.0 * m * n * k / best / 1e9;
}

int main(void) {
    printf("{\"sgemm_128x784x512_gflops\": %.1f, \"sgemm_512cubed_gflops\": %.1f, \"threads\": %d}\n",
           bench(128, 512, 784, 40), bench(512, 512, 512, 10), openblas_get_num_threads());
    return 0;
}
