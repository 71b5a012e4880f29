// The first layer's products on real MNIST batches of 128, one thread: over each image's nonzero
// pixels (`sweep_sparse_forward`, `sweep_sparse_weight_gradient`, weights stored by tiles of 64
// units) against OpenBLAS over the pixels nonzero in some image of the batch (what the column
// packing does), for 784 → 512. Prints the mean time per batch of each, and their largest
// difference. Needs `make data`.
// Build: clang -O2 -I Sources/CKernels/include benchmarks/trainer/sparse_input.c Sources/CKernels/kernels.c \
//          Sources/CKernels/sparse_input.c -lm $(pkg-config --cflags --libs openblas) -o /tmp/sparse_input
// Run:   OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=Haswell /tmp/sparse_input [images-idx3-ubyte] [batches]
#include "kernels.h"

#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { ROWS = 128, INPUTS = 784, UNITS = 512 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static float *floats(size_t n) {
    float *p = calloc(n, sizeof(float));
    if (!p) exit(1);
    return p;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "data/mnist/train-images-idx3-ubyte";
    const int batches = argc > 2 ? atoi(argv[2]) : 300;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s (run `make data`)\n", path);
        return 1;
    }
    const size_t bytes = 16 + (size_t)batches * ROWS * INPUTS;
    unsigned char *file = malloc(bytes);
    if (!file || fread(file, 1, bytes, f) != bytes) {
        fprintf(stderr, "%s holds fewer than %d batches\n", path, batches);
        return 1;
    }
    fclose(f);
    const unsigned char *images = file + 16;
    float *x = floats(ROWS * INPUTS), *w = floats(UNITS * INPUTS), *tiled = floats(UNITS * INPUTS);
    float *xp = floats(ROWS * INPUTS), *wp = floats(UNITS * INPUTS), *dz = floats(ROWS * UNITS);
    float *z1 = floats(ROWS * UNITS), *z2 = floats(ROWS * UNITS), *g1 = floats(UNITS * INPUTS);
    float *g2 = floats(UNITS * INPUTS), *value = floats(ROWS * INPUTS), *column_value = floats(ROWS * INPUTS);
    float *scratch = floats(ROWS * SWEEP_INPUT_TILE);
    int32_t *start = calloc(ROWS + 1, 4), *index = calloc(ROWS * INPUTS, 4), *column_start = calloc(INPUTS + 1, 4);
    int32_t *row = calloc(ROWS * INPUTS, 4), *cursor = calloc(INPUTS, 4);
    int selected[INPUTS];
    srand(1);
    for (int i = 0; i < UNITS * INPUTS; i++) w[i] = (rand() / (float)RAND_MAX - 0.5f) * 0.1f;
    for (int i = 0; i < ROWS * UNITS; i++) dz[i] = rand() / (float)RAND_MAX - 0.5f;
    for (int t = 0; t < UNITS; t += SWEEP_INPUT_TILE)
        for (int p = 0; p < INPUTS; p++)
            for (int j = 0; j < SWEEP_INPUT_TILE; j++)
                tiled[t * INPUTS + p * SWEEP_INPUT_TILE + j] = w[(t + j) * INPUTS + p];
    double t_rows = 0, t_sparse_fwd = 0, t_sparse_grad = 0, t_packed_fwd = 0, t_packed_grad = 0, worst = 0;
    long nonzero = 0, packed = 0;
    for (int b = 0; b < batches; b++) {
        for (int i = 0; i < ROWS * INPUTS; i++) x[i] = images[(size_t)b * ROWS * INPUTS + i] / 255.0f;
        // Column packing: the pixels nonzero in some image, x and W restricted to them.
        int k = 0;
        for (int p = 0; p < INPUTS; p++) {
            int on = 0;
            for (int r = 0; r < ROWS && !on; r++) on = x[r * INPUTS + p] != 0;
            if (on) selected[k++] = p;
        }
        for (int r = 0; r < ROWS; r++)
            for (int q = 0; q < k; q++) xp[r * k + q] = x[r * INPUTS + selected[q]];
        for (int u = 0; u < UNITS; u++)
            for (int q = 0; q < k; q++) wp[u * k + q] = w[u * INPUTS + selected[q]];
        double t0 = now();
        sweep_sparse_rows(x, ROWS, INPUTS, start, index, value);
        sweep_sparse_columns(start, index, value, ROWS, INPUTS, column_start, row, column_value, cursor);
        t_rows += now() - t0;
        memset(z1, 0, sizeof(float) * ROWS * UNITS);
        memset(z2, 0, sizeof(float) * ROWS * UNITS);
        t0 = now();
        sweep_sparse_forward(start, index, value, ROWS, tiled, INPUTS, UNITS, z1);
        t_sparse_fwd += now() - t0;
        t0 = now();
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, ROWS, UNITS, k, 1, xp, k, wp, k, 1, z2, UNITS);
        t_packed_fwd += now() - t0;
        t0 = now();
        sweep_sparse_weight_gradient(column_start, row, column_value, INPUTS, dz, ROWS, UNITS, g1, scratch);
        t_sparse_grad += now() - t0;
        t0 = now();
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, UNITS, k, ROWS, 1, dz, UNITS, xp, k, 0, g2, k);
        t_packed_grad += now() - t0;
        for (int i = 0; i < ROWS * UNITS; i++) worst = fmax(worst, fabs(z1[i] - z2[i]));
        for (int u = 0; u < UNITS; u++)
            for (int q = 0; q < k; q++) {
                const int t = u - u % SWEEP_INPUT_TILE;
                const float sparse = g1[t * INPUTS + selected[q] * SWEEP_INPUT_TILE + u - t];
                worst = fmax(worst, fabs(sparse - g2[u * k + q]));
            }
        nonzero += start[ROWS];
        packed += (long)k * ROWS;
    }
    const double ms = 1e3 / batches;
    printf("%s, %d batches of %d: %.0f nonzero pixels per image, %.0f packed columns per batch\n", path, batches,
           ROWS, (double)nonzero / batches / ROWS, (double)packed / batches / ROWS);
    printf("x·Wᵀ:  sparse %.3f ms, OpenBLAS packed %.3f ms\n", t_sparse_fwd * ms, t_packed_fwd * ms);
    printf("dzᵀ·x: sparse %.3f ms, OpenBLAS packed %.3f ms\n", t_sparse_grad * ms, t_packed_grad * ms);
    printf("finding the nonzero values, rows and columns: %.3f ms; largest difference %.2g\n", t_rows * ms, worst);
    return 0;
}
