// A layer whose inputs are mostly zero in each row (MNIST digits: about 150 of 784 pixels): its
// products run over each row's nonzero inputs only, against weights stored input-major by tiles
// of units (see kernels.h). Written once over eight-lane vectors and compiled twice, like
// kernels.c: a full tile keeps its 64 sums in registers; the last, narrower tile takes a scalar
// loop that adds in the same order. Each term is a fused multiply-add (the products are what the
// layer spends its time in, and separate multiplies and adds run at two thirds of the speed), one
// instruction with FMA and a correctly rounded `fmaf` without: every path gives the same bits.
#include "kernels.h"

#include "vector.h"

#define TILE SWEEP_INPUT_TILE
#define LANES (TILE / 8)

#include <math.h>

#if defined(__x86_64__)
#define AVX2_FMA __attribute__((target("avx2,fma")))
#define USE_AVX2_FMA (USE_AVX2 && __builtin_cpu_supports("fma"))
#else
#define AVX2_FMA
#define USE_AVX2_FMA 0
#endif

/// a·b + c, rounded once.
INLINE f8 fma8(f8 a, f8 b, f8 c) { return __builtin_elementwise_fma(a, b, c); }

size_t sweep_sparse_rows(const float *x, size_t rows, size_t columns, int32_t *start, int32_t *index, float *value) {
    size_t n = 0;
    for (size_t r = 0; r < rows; r++) {
        start[r] = (int32_t)n;
        const float *row = x + r * columns;
        // Branch-free: every value is written, and kept by advancing past it when nonzero.
        for (size_t c = 0; c < columns; c++) {
            const float v = row[c];
            index[n] = (int32_t)c;
            value[n] = v;
            n += v != 0;
        }
    }
    start[rows] = (int32_t)n;
    return n;
}

void sweep_sparse_columns(const int32_t *start, const int32_t *index, const float *value, size_t rows,
                          size_t columns, int32_t *column_start, int32_t *row, float *column_value,
                          int32_t *cursor) {
    memset(column_start, 0, (columns + 1) * sizeof(int32_t));
    const size_t n = (size_t)start[rows];
    for (size_t e = 0; e < n; e++) column_start[index[e] + 1]++;
    for (size_t c = 0; c < columns; c++) {
        column_start[c + 1] += column_start[c];
        cursor[c] = column_start[c];
    }
    for (size_t r = 0; r < rows; r++) {
        for (int32_t e = start[r]; e < start[r + 1]; e++) {
            const int32_t at = cursor[index[e]]++;
            row[at] = (int32_t)r;
            column_value[at] = value[e];
        }
    }
}

/// out[0 ..< width] += value[e]·(row pick[e] of `rows`, width floats each) for e in from ..< to,
/// in that order, each term fused: a full tile with its sums in registers, a narrower one scalar.
INLINE void add_picked_rows(float *out, size_t width, const float *rows, const int32_t *pick, const float *value,
                            int32_t from, int32_t to) {
    if (width == TILE) {
        f8 sum[LANES];
        for (int k = 0; k < LANES; k++) sum[k] = load(out + 8 * k);
        for (int32_t e = from; e < to; e++) {
            const f8 x = splat(value[e]);
            const float *row = rows + (size_t)pick[e] * TILE;
            for (int k = 0; k < LANES; k++) sum[k] = fma8(x, load(row + 8 * k), sum[k]);
        }
        for (int k = 0; k < LANES; k++) store(out + 8 * k, sum[k]);
    } else {
        for (int32_t e = from; e < to; e++) {
            const float x = value[e];
            const float *row = rows + (size_t)pick[e] * width;
            for (size_t j = 0; j < width; j++) out[j] = fmaf(x, row[j], out[j]);
        }
    }
}

INLINE void sparse_forward_body(const int32_t *start, const int32_t *index, const float *value, size_t rows,
                                const float *weights, size_t inputs, size_t outputs, float *z) {
    for (size_t t0 = 0; t0 < outputs; t0 += TILE) {
        const size_t width = outputs - t0 < TILE ? outputs - t0 : TILE;
        // Row r of z takes the tile's weight rows of its nonzero inputs.
        for (size_t r = 0; r < rows; r++)
            add_picked_rows(z + r * outputs + t0, width, weights + t0 * inputs, index, value, start[r], start[r + 1]);
    }
}

INLINE void sparse_weight_gradient_body(const int32_t *column_start, const int32_t *row, const float *column_value,
                                        size_t inputs, const float *dz, size_t rows, size_t outputs, float *gradient,
                                        float *scratch) {
    for (size_t t0 = 0; t0 < outputs; t0 += TILE) {
        const size_t width = outputs - t0 < TILE ? outputs - t0 : TILE;
        // The tile's columns of dz, contiguous (rows × width): the rows a column's values pick.
        for (size_t r = 0; r < rows; r++) memcpy(scratch + r * width, dz + r * outputs + t0, width * sizeof(float));
        // Input p's gradient row takes the dz rows of the images where p is nonzero.
        float *tile = gradient + t0 * inputs;
        memset(tile, 0, inputs * width * sizeof(float));
        for (size_t p = 0; p < inputs; p++)
            add_picked_rows(tile + p * width, width, scratch, row, column_value, column_start[p], column_start[p + 1]);
    }
}

AVX2_FMA static void sparse_forward_avx2(const int32_t *start, const int32_t *index, const float *value, size_t rows,
                                     const float *weights, size_t inputs, size_t outputs, float *z) {
    sparse_forward_body(start, index, value, rows, weights, inputs, outputs, z);
}

void sweep_sparse_forward(const int32_t *start, const int32_t *index, const float *value, size_t rows,
                          const float *weights, size_t inputs, size_t outputs, float *z) {
    if (USE_AVX2_FMA)
        sparse_forward_avx2(start, index, value, rows, weights, inputs, outputs, z);
    else
        sparse_forward_body(start, index, value, rows, weights, inputs, outputs, z);
}

AVX2_FMA static void sparse_weight_gradient_avx2(const int32_t *column_start, const int32_t *row,
                                             const float *column_value, size_t inputs, const float *dz, size_t rows,
                                             size_t outputs, float *gradient, float *scratch) {
    sparse_weight_gradient_body(column_start, row, column_value, inputs, dz, rows, outputs, gradient, scratch);
}

void sweep_sparse_weight_gradient(const int32_t *column_start, const int32_t *row, const float *column_value,
                                  size_t inputs, const float *dz, size_t rows, size_t outputs, float *gradient,
                                  float *scratch) {
    if (USE_AVX2_FMA)
        sparse_weight_gradient_avx2(column_start, row, column_value, inputs, dz, rows, outputs, gradient, scratch);
    else
        sparse_weight_gradient_body(column_start, row, column_value, inputs, dz, rows, outputs, gradient, scratch);
}
