#include "kernels.h"

#include "vector.h"

#include <math.h>

/// `a` where `mask` is set, else `b`.
INLINE f8 vselect(i8 mask, f8 a, f8 b) { return (f8)((mask & (i8)a) | (~mask & (i8)b)); }

INLINE f8 vsqrt(f8 x) { return __builtin_elementwise_sqrt(x); }

/// The lanes' sum in a fixed order.
INLINE float lane_sum(f8 v) {
    return ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3] + v[7]));
}

// MARK: - Adam

INLINE void adam_body(float *w, float *g, float *m, float *v, size_t count, sweep_adam_step step) {
    const float b1 = step.b1, b2 = step.b2, step_size = step.step_size, inv_root_c2 = step.inv_root_c2;
    const float eps = step.eps, shrink = step.shrink, coupled = step.coupled;
    const f8 vb1 = splat(b1), vb2 = splat(b2), va1 = splat(1 - b1), va2 = splat(1 - b2);
    const f8 vstep = splat(step_size), vinv = splat(inv_root_c2), veps = splat(eps);
    const f8 vshrink = splat(shrink), vcoupled = splat(coupled);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        f8 wi = load(w + i);
        const f8 gi = load(g + i) + vcoupled * wi;
        store(g + i, splat(0));
        wi = wi * vshrink;
        const f8 mi = vb1 * load(m + i) + va1 * gi;
        const f8 vi = vb2 * load(v + i) + va2 * gi * gi;
        wi = wi - vstep * mi / (vsqrt(vi) * vinv + veps);
        store(m + i, mi);
        store(v + i, vi);
        store(w + i, wi);
    }
    for (; i < count; i++) {
        const float gi = g[i] + coupled * w[i];
        g[i] = 0;
        float wi = w[i] * shrink;
        const float mi = b1 * m[i] + (1 - b1) * gi;
        const float vi = b2 * v[i] + (1 - b2) * gi * gi;
        wi = wi - step_size * mi / (sqrtf(vi) * inv_root_c2 + eps);
        m[i] = mi;
        v[i] = vi;
        w[i] = wi;
    }
}

// MARK: - Packed gradients and inputs

/// Copies n floats, eight at a time (the last eight overlapping the previous ones).
INLINE void copy_floats(float *dst, const float *src, size_t n) {
    if (n < 8) {
        for (size_t t = 0; t < n; t++) dst[t] = src[t];
        return;
    }
    size_t t = 0;
    for (; t + 8 <= n; t += 8) store(dst + t, load(src + t));
    if (t < n) store(dst + n - 8, load(src + n - 8));
}

/// Copies the runs of one full row into a packed row.
INLINE void gather_row(float *packed, const float *full, sweep_runs runs) {
    for (size_t i = 0; i < runs.count; i++) copy_floats(packed + runs.packed[i], full + runs.start[i], runs.length[i]);
}

/// Copies one packed row into the runs of a full row (leaving the other columns as they are).
INLINE void scatter_row(float *full, const float *packed, sweep_runs runs) {
    for (size_t i = 0; i < runs.count; i++) copy_floats(full + runs.start[i], packed + runs.packed[i], runs.length[i]);
}

INLINE void gather_body(const float *full, float *packed, size_t rows, size_t columns, size_t k, sweep_runs runs) {
    for (size_t r = 0; r < rows; r++) gather_row(packed + r * k, full + r * columns, runs);
}

/// Full row o's packed row, or −1 where its gradient is zero.
INLINE ptrdiff_t packed_row(const ptrdiff_t *row_of, size_t o) { return row_of ? row_of[o] : (ptrdiff_t)o; }

/// The packed rows in use: one past the highest packed row.
INLINE size_t packed_rows(const ptrdiff_t *row_of, size_t rows) {
    size_t used = 0;
    for (size_t o = 0; o < rows; o++) {
        const ptrdiff_t r = packed_row(row_of, o);
        if (r >= 0 && (size_t)r + 1 > used) used = (size_t)r + 1;
    }
    return used;
}

INLINE void unpack_body(float *full, float *packed, size_t rows, const ptrdiff_t *row_of, size_t columns, size_t k,
                        sweep_runs runs) {
    memset(full, 0, rows * columns * sizeof(float));
    for (size_t o = 0; o < rows; o++) {
        const ptrdiff_t r = packed_row(row_of, o);
        if (r >= 0 && k == columns)
            copy_floats(full + o * columns, packed + (size_t)r * k, columns);
        else if (r >= 0)
            scatter_row(full + o * columns, packed + (size_t)r * k, runs);
    }
    memset(packed, 0, packed_rows(row_of, rows) * k * sizeof(float));
}

INLINE void nonzero_columns_body(const float *x, size_t rows, size_t columns, uint32_t *seen) {
    memset(seen, 0, columns * sizeof(uint32_t));
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * columns;
        for (size_t j = 0; j < columns; j++) seen[j] |= row[j] != 0;
    }
}

// MARK: - ReLU

/// h = z where z > 0, else slope·z (ReLU with slope 0 gives +0, also for NaN).
INLINE void relu_body(const float *z, float *h, size_t count, float slope) {
    const f8 vslope = splat(slope);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const f8 v = load(z + i);
        store(h + i, vselect(v > splat(0), v, slope == 0 ? splat(0) : vslope * v));
    }
    for (; i < count; i++) h[i] = z[i] > 0 ? z[i] : (slope == 0 ? 0 : slope * z[i]);
}

/// d ← d where z > 0, else slope·d (ReLU: 0 where z ≤ 0; a NaN z keeps d).
INLINE void relu_backward_body(float *d, const float *z, size_t count, float slope) {
    const f8 vslope = splat(slope);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const f8 g = load(d + i), v = load(z + i);
        store(d + i, slope == 0 ? vselect(v <= splat(0), splat(0), g) : vselect(v > splat(0), g, vslope * g));
    }
    for (; i < count; i++) {
        if (slope == 0) {
            if (z[i] <= 0) d[i] = 0;
        } else {
            d[i] = z[i] > 0 ? d[i] : slope * d[i];
        }
    }
}

// MARK: - Bernoulli loss

INLINE f8 exp_nonpositive(f8 x) {
    const f8 xc = vselect(x < splat(-87), splat(-87), x);
    // Round to the nearest integer by adding 1.5·2²³: the low mantissa bits then hold k.
    const f8 magic = splat(12582912.0f);
    const f8 shifted = xc * splat(1.44269504f) + magic;
    const f8 k = shifted - magic;
    const i8 ki = (i8)shifted - 0x4B400000;
    const f8 r = (xc - k * splat(0.69314575f)) - k * splat(1.4286068e-6f);
    f8 p = splat(1.0f / 5040);
    p = p * r + splat(1.0f / 720);
    p = p * r + splat(1.0f / 120);
    p = p * r + splat(1.0f / 24);
    p = p * r + splat(1.0f / 6);
    p = p * r + splat(0.5f);
    p = p * r + splat(1);
    p = p * r + splat(1);
    return p * (f8)((ki + 127) << 23);
}

/// ln(y) for y in [1, 2] via the atanh series in t = (y − 1)/(y + 1) ≤ 1/3.
INLINE f8 log_one_to_two(f8 y) {
    const f8 t = (y - splat(1)) / (y + splat(1));
    const f8 t2 = t * t;
    f8 s = splat(1.0f / 13);
    s = s * t2 + splat(1.0f / 11);
    s = s * t2 + splat(1.0f / 9);
    s = s * t2 + splat(1.0f / 7);
    s = s * t2 + splat(1.0f / 5);
    s = s * t2 + splat(1.0f / 3);
    s = s * t2 + splat(1);
    return splat(2) * t * s;
}

INLINE double bce_body(const float *logits, const float *targets, size_t count, float scale, float *gradient) {
    double total = 0;
    f8 acc = splat(0);
    const f8 vscale = splat(scale);
    size_t i = 0, since_flush = 0;
    for (; i + 8 <= count; i += 8) {
        const f8 l = load(logits + i), x = load(targets + i);
        const i8 negative = l < splat(0);
        const f8 e = exp_nonpositive(vselect(negative, l, -l));
        const f8 one_plus = splat(1) + e;
        acc += vselect(negative, splat(0), l) - l * x + log_one_to_two(one_plus);
        if (gradient) store(gradient + i, (vselect(negative, e, splat(1)) / one_plus - x) * vscale);
        if (++since_flush == 128) {
            total += lane_sum(acc);
            acc = splat(0);
            since_flush = 0;
        }
    }
    total += lane_sum(acc);
    for (; i < count; i++) {
        const float l = logits[i], x = targets[i];
        const float e = expf(-fabsf(l));
        total += (double)((l > 0 ? l : 0) - l * x + log1pf(e));
        if (gradient) gradient[i] = ((l >= 0 ? 1 / (1 + e) : e / (1 + e)) - x) * scale;
    }
    return total;
}

// MARK: - Batches

INLINE void bytes_to_unit_body(const uint8_t *images, const ptrdiff_t *index, size_t rows, size_t size, float *out) {
    const f8 d = splat(255);
    for (size_t r = 0; r < rows; r++) {
        // The images of a shuffled batch lie anywhere in the set: fetch a few ahead.
        if (r + 4 < rows) {
            const uint8_t *ahead = images + (size_t)index[r + 4] * size;
            for (size_t b = 0; b < size; b += 64) __builtin_prefetch(ahead + b);
        }
        const uint8_t *src = images + (size_t)index[r] * size;
        float *dst = out + r * size;
        size_t j = 0;
        for (; j + 8 <= size; j += 8) {
            const f8 v = {src[j], src[j + 1], src[j + 2], src[j + 3], src[j + 4], src[j + 5], src[j + 6], src[j + 7]};
            store(dst + j, v / d);
        }
        for (; j < size; j++) dst[j] = (float)src[j] / 255;
    }
}

// MARK: - Chunk masks

/// The sixteen-column chunks of a row that hold runs: bit j of `mask[c]` is column 16·c + j.
static void chunk_masks(uint16_t *mask, size_t chunks, sweep_runs runs) {
    memset(mask, 0, chunks * sizeof *mask);
    for (size_t i = 0; i < runs.count; i++)
        for (size_t j = (size_t)runs.start[i]; j < (size_t)(runs.start[i] + runs.length[i]); j++)
            mask[j / 16] |= (uint16_t)(1u << (j % 16));
}

void sweep_chunk_masks(sweep_runs runs, size_t columns, uint16_t *masks) {
    chunk_masks(masks, (columns + 15) / 16, runs);
}

/// Copies the packed floats `p` into the columns of `row` that `masks` selects (NULL: all `columns`).
INLINE void scatter_masked(float *row, const float *p, const uint16_t *masks, size_t columns) {
    if (!masks) {
        memcpy(row, p, columns * sizeof(float));
        return;
    }
    for (size_t c = 0, at = 0; c < (columns + 15) / 16; c++) {
        if (masks[c] == 0xFFFF) {
            // A whole chunk: two vector copies (pixels come in long runs).
            store(row + 16 * c, load(p + at));
            store(row + 16 * c + 8, load(p + at + 8));
            at += 16;
            continue;
        }
        for (unsigned bits = masks[c]; bits; bits &= bits - 1) row[16 * c + (size_t)__builtin_ctz(bits)] = p[at++];
    }
}

/// Copies the columns of `row` that `masks` selects into the packed floats `p`.
INLINE void gather_masked(float *p, const float *row, const uint16_t *masks, size_t columns) {
    for (size_t c = 0, at = 0; c < (columns + 15) / 16; c++) {
        if (masks[c] == 0xFFFF) {
            store(p + at, load(row + 16 * c));
            store(p + at + 8, load(row + 16 * c + 8));
            at += 16;
            continue;
        }
        for (unsigned bits = masks[c]; bits; bits &= bits - 1) p[at++] = row[16 * c + (size_t)__builtin_ctz(bits)];
    }
}

/// `adam_masked_avx512` without AVX-512: each row's gradient is spread into `g` (a zero row) first.
INLINE void adam_masked_body(float *w, float *m, float *v, float *packed, size_t rows, const ptrdiff_t *row_of,
                             size_t columns, size_t k, const uint16_t *masks, float *g, sweep_adam_step step,
                             float *gathered, size_t gathered_k, const uint16_t *gather_masks) {
    for (size_t o = 0; o < rows; o++) {
        const ptrdiff_t r = packed_row(row_of, o);
        float *p = r >= 0 ? packed + (size_t)r * k : NULL;
        if (p) scatter_masked(g, p, masks, columns);
        // Clears g as it reads it.
        adam_body(w + o * columns, g, m + o * columns, v + o * columns, columns, step);
        if (gathered) gather_masked(gathered + o * gathered_k, w + o * columns, gather_masks, columns);
        if (p) memset(p, 0, k * sizeof(float));
    }
}

// MARK: - Dispatch

atomic_int sweep_baseline_only = 0;
static atomic_int avx512_off = 0;

int sweep_kernels_use_baseline(int on) {
    atomic_store_explicit(&sweep_baseline_only, on, memory_order_relaxed);
    return HAS_AVX2;
}

#if defined(__x86_64__)
#include <immintrin.h>
#define HAS_AVX512 __builtin_cpu_supports("avx512f")
#else
#define HAS_AVX512 0
#endif

int sweep_kernels_use_avx512(int on) {
    atomic_store_explicit(&avx512_off, !on, memory_order_relaxed);
    return HAS_AVX512;
}

#define USE_AVX512 (USE_AVX2 && HAS_AVX512 && !atomic_load_explicit(&avx512_off, memory_order_relaxed))

#if defined(__x86_64__)
/// The widest rows the AVX-512 gather takes (its chunk masks are on the stack); wider ones take the
/// AVX2 code.
#define GATHER_COLUMNS 1024

/// `gather_body` with AVX-512's compress: each sixteen columns of a full row are loaded once and
/// their active ones packed together in a register, which suits the short runs of hidden units
/// (a run-by-run copy spends most of its time on runs of one to seven floats). Only data moves,
/// so the bits are those of the other paths.
__attribute__((target("avx512f"))) static void gather_avx512(const float *full, float *packed, size_t rows,
                                                             size_t columns, size_t k, sweep_runs runs) {
    const size_t chunks = (columns + 15) / 16;
    uint16_t mask[GATHER_COLUMNS / 16];
    chunk_masks(mask, chunks, runs);
    for (size_t r = 0; r < rows; r++) {
        const float *row = full + r * columns;
        float *out = packed + r * k;
        size_t at = 0;
        for (size_t c = 0; c < chunks; c++) {
            const __mmask16 active = mask[c];
            if (!active) continue;
            const size_t left = columns - 16 * c;
            const __mmask16 inside = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
            const __m512 kept = _mm512_maskz_compress_ps(active, _mm512_maskz_loadu_ps(inside, row + 16 * c));
            const size_t n = (size_t)__builtin_popcount(active);
            // What a full store writes past the n floats is overwritten by the next chunks.
            if (at + 16 <= k)
                _mm512_storeu_ps(out + at, kept);
            else
                _mm512_mask_storeu_ps(out + at, (__mmask16)((1u << n) - 1), kept);
            at += n;
        }
    }
}

typedef float v16 __attribute__((vector_size(64)));

/// `adam_body` on sixteen lanes (the lanes outside `inside` are neither read nor written); returns
/// the updated weights.
__attribute__((target("avx512f"))) INLINE __m512 adam16(float *w, __m512 gv, float *m, float *v, __mmask16 inside,
                                                        sweep_adam_step step) {
    const v16 b1 = (v16)_mm512_set1_ps(step.b1), b2 = (v16)_mm512_set1_ps(step.b2);
    const v16 a1 = (v16)_mm512_set1_ps(1 - step.b1), a2 = (v16)_mm512_set1_ps(1 - step.b2);
    const v16 size = (v16)_mm512_set1_ps(step.step_size), inv = (v16)_mm512_set1_ps(step.inv_root_c2);
    const v16 eps = (v16)_mm512_set1_ps(step.eps), shrink = (v16)_mm512_set1_ps(step.shrink);
    const v16 coupled = (v16)_mm512_set1_ps(step.coupled);
    v16 wi = (v16)_mm512_maskz_loadu_ps(inside, w);
    const v16 gi = (v16)gv + coupled * wi;
    wi = wi * shrink;
    const v16 mi = b1 * (v16)_mm512_maskz_loadu_ps(inside, m) + a1 * gi;
    const v16 vi = b2 * (v16)_mm512_maskz_loadu_ps(inside, v) + a2 * gi * gi;
    wi = wi - size * mi / (__builtin_elementwise_sqrt(vi) * inv + eps);
    _mm512_mask_storeu_ps(m, inside, (__m512)mi);
    _mm512_mask_storeu_ps(v, inside, (__m512)vi);
    _mm512_mask_storeu_ps(w, inside, (__m512)wi);
    return (__m512)wi;
}

/// `adam_masked_body` with AVX-512: each sixteen columns of a row take their gradient straight
/// from the packed row, spread to the active columns by an expand (zeros elsewhere), with no
/// scratch row and no run-by-run copy (hidden units leave many short runs); the updated weights'
/// columns in `gather_masks` are compressed into `gathered` while still in registers (the copy a
/// gather would make by reading the weights again). Each packed row is cleared once read: a masked
/// store of each chunk's floats would stall the next chunk's load, which overlaps it. The lanes
/// compute what `adam_body` computes, so the bits are those of the other paths.
__attribute__((target("avx512f"))) static void adam_masked_avx512(float *w, float *m, float *v, float *packed,
                                                                  size_t rows, const ptrdiff_t *row_of,
                                                                  size_t columns, size_t k, const uint16_t *masks,
                                                                  sweep_adam_step step, float *gathered,
                                                                  size_t gathered_k, const uint16_t *gather_masks) {
    const size_t chunks = (columns + 15) / 16;
    for (size_t o = 0; o < rows; o++) {
        const ptrdiff_t r = packed_row(row_of, o);
        float *p = r >= 0 ? packed + (size_t)r * k : NULL;
        float *out = gathered ? gathered + o * gathered_k : NULL;
        const size_t offset = o * columns;
        size_t at = 0, put = 0;
        for (size_t c = 0; c < chunks; c++) {
            const size_t left = columns - 16 * c;
            const __mmask16 inside = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
            __m512 g = _mm512_setzero_ps();
            if (p) {
                const __mmask16 active = (masks ? masks[c] : (__mmask16)0xFFFF) & inside;
                const size_t n = (size_t)__builtin_popcount(active);
                g = _mm512_maskz_expand_ps(active, _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), p + at));
                at += n;
            }
            const size_t j = offset + 16 * c;
            const __m512 updated = adam16(w + j, g, m + j, v + j, inside, step);
            if (out) {
                const __mmask16 keep = gather_masks[c] & inside;
                const size_t n = (size_t)__builtin_popcount(keep);
                const __m512 kept = _mm512_maskz_compress_ps(keep, updated);
                // What a full store writes past the n floats is overwritten by the next chunks.
                if (put + 16 <= gathered_k)
                    _mm512_storeu_ps(out + put, kept);
                else
                    _mm512_mask_storeu_ps(out + put, (__mmask16)((1u << n) - 1), kept);
                put += n;
            }
        }
        if (p) memset(p, 0, k * sizeof(float));
    }
}
#endif

AVX2 static void adam_avx2(float *w, float *g, float *m, float *v, size_t count, sweep_adam_step step) {
    adam_body(w, g, m, v, count, step);
}

void sweep_adam(float *w, float *g, float *m, float *v, size_t count, sweep_adam_step step) {
    if (USE_AVX2)
        adam_avx2(w, g, m, v, count, step);
    else
        adam_body(w, g, m, v, count, step);
}

AVX2 static void gather_avx2(const float *full, float *packed, size_t rows, size_t columns, size_t k,
                             sweep_runs runs) {
    gather_body(full, packed, rows, columns, k, runs);
}

void sweep_gather_runs(const float *full, float *packed, size_t rows, size_t columns, size_t k, sweep_runs runs) {
#if defined(__x86_64__)
    if (USE_AVX512 && columns <= GATHER_COLUMNS) {
        gather_avx512(full, packed, rows, columns, k, runs);
        return;
    }
#endif
    if (USE_AVX2)
        gather_avx2(full, packed, rows, columns, k, runs);
    else
        gather_body(full, packed, rows, columns, k, runs);
}

AVX2 static void unpack_avx2(float *full, float *packed, size_t rows, const ptrdiff_t *row_of, size_t columns,
                             size_t k, sweep_runs runs) {
    unpack_body(full, packed, rows, row_of, columns, k, runs);
}

void sweep_unpack_runs(float *full, float *packed, size_t rows, const ptrdiff_t *row_of, size_t columns, size_t k,
                       sweep_runs runs) {
    if (USE_AVX2)
        unpack_avx2(full, packed, rows, row_of, columns, k, runs);
    else
        unpack_body(full, packed, rows, row_of, columns, k, runs);
}

AVX2 static void adam_masked_avx2(float *w, float *m, float *v, float *packed, size_t rows, const ptrdiff_t *row_of,
                                  size_t columns, size_t k, const uint16_t *masks, float *scratch,
                                  sweep_adam_step step, float *gathered, size_t gathered_k,
                                  const uint16_t *gather_masks) {
    adam_masked_body(w, m, v, packed, rows, row_of, columns, k, masks, scratch, step, gathered, gathered_k,
                     gather_masks);
}

void sweep_adam_masked(float *w, float *m, float *v, float *packed, size_t rows, const ptrdiff_t *row_of,
                       size_t columns, size_t k, const uint16_t *masks, float *scratch, sweep_adam_step step,
                       float *gathered, size_t gathered_k, const uint16_t *gather_masks) {
#if defined(__x86_64__)
    if (USE_AVX512) {
        adam_masked_avx512(w, m, v, packed, rows, row_of, columns, k, masks, step, gathered, gathered_k,
                           gather_masks);
        return;
    }
#endif
    if (USE_AVX2)
        adam_masked_avx2(w, m, v, packed, rows, row_of, columns, k, masks, scratch, step, gathered, gathered_k,
                         gather_masks);
    else
        adam_masked_body(w, m, v, packed, rows, row_of, columns, k, masks, scratch, step, gathered, gathered_k,
                         gather_masks);
}

AVX2 static void nonzero_columns_avx2(const float *x, size_t rows, size_t columns, uint32_t *seen) {
    nonzero_columns_body(x, rows, columns, seen);
}

void sweep_nonzero_columns(const float *x, size_t rows, size_t columns, uint32_t *seen) {
    if (USE_AVX2)
        nonzero_columns_avx2(x, rows, columns, seen);
    else
        nonzero_columns_body(x, rows, columns, seen);
}

AVX2 static void relu_avx2(const float *z, float *h, size_t count, float slope) { relu_body(z, h, count, slope); }

void sweep_relu(const float *z, float *h, size_t count, float slope) {
    if (USE_AVX2)
        relu_avx2(z, h, count, slope);
    else
        relu_body(z, h, count, slope);
}

AVX2 static void relu_backward_avx2(float *d, const float *z, size_t count, float slope) {
    relu_backward_body(d, z, count, slope);
}

void sweep_relu_backward(float *d, const float *z, size_t count, float slope) {
    if (USE_AVX2)
        relu_backward_avx2(d, z, count, slope);
    else
        relu_backward_body(d, z, count, slope);
}

AVX2 static double bce_avx2(const float *logits, const float *targets, size_t count, float scale, float *gradient) {
    return bce_body(logits, targets, count, scale, gradient);
}

double sweep_bce_with_logits(const float *logits, const float *targets, size_t count, float scale,
                             float *gradient) {
    return USE_AVX2 ? bce_avx2(logits, targets, count, scale, gradient)
                    : bce_body(logits, targets, count, scale, gradient);
}

AVX2 static void bytes_to_unit_avx2(const uint8_t *images, const ptrdiff_t *index, size_t rows, size_t size,
                                    float *out) {
    bytes_to_unit_body(images, index, rows, size, out);
}

void sweep_bytes_to_unit(const uint8_t *images, const ptrdiff_t *index, size_t rows, size_t size, float *out) {
    if (USE_AVX2)
        bytes_to_unit_avx2(images, index, rows, size, out);
    else
        bytes_to_unit_body(images, index, rows, size, out);
}

void sweep_exp_nonpositive8(const float *x, float *out) { store(out, exp_nonpositive(load(x))); }

void sweep_log_one_to_two8(const float *y, float *out) { store(out, log_one_to_two(load(y))); }
