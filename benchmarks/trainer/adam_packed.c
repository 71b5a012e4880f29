// Adam on the VAE's four large weight matrices with their gradients packed as in a typical batch
// (rows of units that are on, columns of active inputs: pixel rows for the first layer, a random
// four in five for hidden units), through `sweep_adam_masked`, with AVX-512 and with the AVX2 code:
// the time of one optimiser step, best of N rounds (default 100).
// Build: clang -O2 -I Sources/CKernels/include benchmarks/trainer/adam_packed.c Sources/CKernels/kernels.c -lm \
//          -o /tmp/adam_packed
// Run:   /tmp/adam_packed [rounds]
#include "kernels.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int sweep_kernels_use_avx512(int on);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

typedef struct {
    size_t rows, columns;
    double rows_on, columns_on;  // shares of packed rows and (hidden inputs) columns
    int pixels;                  // columns are MNIST pixels: the middle of the image
    float *w, *m, *v, *packed, *scratch;
    uint16_t *masks;
    ptrdiff_t *row_of, *start, *at, *length;
    size_t runs, k;
} layer;

int main(int argc, char **argv) {
    const int rounds = argc > 1 ? atoi(argv[1]) : 100;
    layer layers[] = {{512, 784, 0.76, 0, 1}, {256, 512, 0.67, 0.76, 0}, {512, 256, 0.79, 0.99, 0},
                      {784, 512, 1.0, 0.79, 0}};
    const size_t count = sizeof layers / sizeof *layers;
    srand(1);
    for (size_t l = 0; l < count; l++) {
        layer *L = &layers[l];
        const size_t n = L->rows * L->columns;
        L->w = calloc(n, 4), L->m = calloc(n, 4), L->v = calloc(n, 4), L->packed = calloc(n, 4);
        L->scratch = calloc(L->columns, 4);
        L->row_of = malloc(L->rows * sizeof(ptrdiff_t));
        size_t on = 0;
        for (size_t o = 0; o < L->rows; o++) L->row_of[o] = rand() < L->rows_on * RAND_MAX ? (ptrdiff_t)on++ : -1;
        L->start = malloc(L->columns * sizeof(ptrdiff_t));
        L->at = malloc(L->columns * sizeof(ptrdiff_t));
        L->length = malloc(L->columns * sizeof(ptrdiff_t));
        int previous = 0;
        for (size_t j = 0; j < L->columns; j++) {
            const size_t x = j % 28, y = j / 28;
            const int active =
                L->pixels ? x >= 4 && x < 25 && y >= 3 && y < 26 : rand() < L->columns_on * RAND_MAX;
            if (active && previous)
                L->length[L->runs - 1]++;
            else if (active)
                L->start[L->runs] = (ptrdiff_t)j, L->at[L->runs] = (ptrdiff_t)L->k, L->length[L->runs++] = 1;
            L->k += active;
            previous = active;
        }
        if (L->k * 8 > L->columns * 7) L->k = L->columns, L->runs = 0;  // the one-eighth rule: not packed
        L->masks = calloc((L->columns + 15) / 16, sizeof(uint16_t));
        sweep_chunk_masks((sweep_runs){L->start, L->at, L->length, L->runs}, L->columns, L->masks);
        printf("%zu × %zu: %zu rows packed, %zu columns in %zu runs\n", L->rows, L->columns, on, L->k, L->runs);
    }
    const sweep_adam_step step = {.b1 = 0.9f, .b2 = 0.999f, .step_size = 1e-3f, .inv_root_c2 = 1, .eps = 1e-8f,
                                  .shrink = 1, .coupled = 0};
    for (int avx512 = 1; avx512 >= 0; avx512--) {
        sweep_kernels_use_avx512(avx512);
        double best = 1e9;
        for (int r = 0; r < rounds; r++) {
            for (size_t l = 0; l < count; l++)
                for (size_t i = 0; i < layers[l].rows * layers[l].k; i++) layers[l].packed[i] = 1e-3f * (float)(i % 11);
            const double t0 = now();
            for (size_t l = 0; l < count; l++) {
                const layer *L = &layers[l];
                sweep_adam_masked(L->w, L->m, L->v, L->packed, L->rows, L->row_of, L->columns, L->k,
                                  L->runs ? L->masks : NULL, L->scratch, step, NULL, 0, NULL);
            }
            const double t = now() - t0;
            if (t < best) best = t;
        }
        printf("%s: %.3f ms per step\n", avx512 ? "AVX-512" : "AVX2   ", best * 1e3);
    }
    return 0;
}
