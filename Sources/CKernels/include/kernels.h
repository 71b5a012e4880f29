#ifndef SWEEP_KERNELS_H
#define SWEEP_KERNELS_H

#include <stddef.h>
#include <stdint.h>

// The trainer's element-wise hot loops, written once over eight-lane vectors and compiled twice:
// for AVX2 (chosen at run time when the CPU has it) and for the baseline target. Both give the
// same bits: no fused multiply-add, and only correctly rounded operations or fixed polynomials.

/// The constants of one Adam/AdamW step (PyTorch's update): w ← w·shrink − step_size·m̂ /
/// (√v̂·inv_root_c2 + eps), with weight decay coupled into the gradient (`coupled`) or decoupled
/// (`shrink` = 1 − lr·wd).
typedef struct {
    float b1, b2, step_size, inv_root_c2, eps, shrink, coupled;
} sweep_adam_step;

/// One Adam/AdamW step over `count` elements, clearing each gradient element it reads.
void sweep_adam(float *w, float *g, float *m, float *v, size_t count, sweep_adam_step step);

/// The active input columns of a packed layer, as runs of consecutive columns: run i starts at
/// full column start[i] and packed column packed[i], and is length[i] long.
typedef struct {
    const ptrdiff_t *start, *packed, *length;
    size_t count;
} sweep_runs;

/// Copies the runs of each of `rows` full rows (rows × columns) into a packed matrix (rows × k).
void sweep_gather_runs(const float *full, float *packed, size_t rows, size_t columns, size_t k, sweep_runs runs);

/// Writes a packed gradient into the full one (rows × columns) and clears the packed one. The
/// packed gradient holds the nonzero rows only, each over the runs (k floats): full row o is packed
/// row `row_of[o]`, or zero where that is −1 (`row_of` NULL: every row, in order). With k < columns,
/// its columns are the runs and the others are zero; with k = columns, every column in order.
void sweep_unpack_runs(float *full, float *packed, size_t rows, const ptrdiff_t *row_of, size_t columns, size_t k,
                       sweep_runs runs);

/// The runs as chunk masks, one per sixteen columns, (columns + 15) / 16 of them: bit j of
/// masks[c] is column 16·c + j.
void sweep_chunk_masks(sweep_runs runs, size_t columns, uint16_t *masks);

/// One Adam step over a full weight matrix (rows × columns) whose gradient is still packed as for
/// `sweep_unpack_runs`, its columns given as chunk masks (`masks` NULL: every column, k = columns):
/// rows without a packed row take a zero gradient, and the full gradient is never written
/// (`scratch`, one zero row, is left zero). When `gathered` is not NULL, also writes the updated
/// weights' columns in `gather_masks` (gathered_k of them) into `gathered` (rows × gathered_k):
/// the copy `sweep_gather_runs` would then make. Clears the packed gradient; same bits as
/// `sweep_unpack_runs`, `sweep_adam` and `sweep_gather_runs` in turn.
void sweep_adam_masked(float *w, float *m, float *v, float *packed, size_t rows, const ptrdiff_t *row_of,
                       size_t columns, size_t k, const uint16_t *masks, float *scratch, sweep_adam_step step,
                       float *gathered, size_t gathered_k, const uint16_t *gather_masks);

/// Marks in `seen` (columns entries, cleared first) the columns of `x` (rows × columns) that hold a
/// nonzero value (−0 counts as zero).
void sweep_nonzero_columns(const float *x, size_t rows, size_t columns, uint32_t *seen);

/// ReLU (slope 0) or leaky ReLU: h = z where z > 0, else slope·z (+0 for ReLU, also for NaN).
void sweep_relu(const float *z, float *h, size_t count, float slope);

/// Back through (leaky) ReLU: d ← d where z > 0, else slope·d (ReLU: 0 where z ≤ 0).
void sweep_relu_backward(float *d, const float *z, size_t count, float slope);

/// Bernoulli negative log-likelihood with logits, Σ max(ℓ,0) − ℓx + log(1+e^−|ℓ|) over `count`
/// elements; writes the gradient (σ(ℓ) − x)·scale when `gradient` is not null.
double sweep_bce_with_logits(const float *logits, const float *targets, size_t count, float scale,
                             float *gradient);

/// e^x for eight values x ≤ 0 (clamped at −87), relative error about 2e-7 (for tests).
void sweep_exp_nonpositive8(const float *x, float *out);

/// ln(y) for eight values y in [1, 2], error about 1e-8 (for tests).
void sweep_log_one_to_two8(const float *y, float *out);

/// Gathers `rows` images of `size` bytes each, `images + index[r]·size`, into floats divided by 255.
void sweep_bytes_to_unit(const uint8_t *images, const ptrdiff_t *index, size_t rows, size_t size, float *out);

/// Makes the kernels use (1) or stop using (0) the baseline code even where AVX2 is available, so
/// that tests can compare the two; returns whether the CPU has AVX2.
int sweep_kernels_use_baseline(int on);

/// Lets (1) or stops (0) the AVX-512 kernels (gathering packed columns, Adam on a packed gradient)
/// run where the CPU has them, so that tests can compare them with the AVX2 code; returns whether
/// the CPU has AVX-512.
int sweep_kernels_use_avx512(int on);

// MARK: Sparse inputs (sparse_input.c)

/// The units per tile of a layer whose weights are stored for sparse inputs: tile t holds units
/// 64·t ..< 64·t + w (w = min(64, outputs − 64·t)) input by input, so unit 64·t + j's weight on
/// input p is at 64·t·inputs + p·w + j.
#define SWEEP_INPUT_TILE 64

/// The nonzero values of `x` (rows × columns) row by row (compressed sparse rows): row r's are
/// entries start[r] ..< start[r + 1] of `index` (their columns, ascending) and `value`. −0 counts
/// as zero, NaN as nonzero. `index` and `value` hold rows × columns; returns the count.
size_t sweep_sparse_rows(const float *x, size_t rows, size_t columns, int32_t *start, int32_t *index, float *value);

/// The same values column by column: column c's are entries column_start[c] ..< column_start[c + 1]
/// of `row` (ascending) and `column_value`. `cursor` is scratch of `columns` entries.
void sweep_sparse_columns(const int32_t *start, const int32_t *index, const float *value, size_t rows,
                          size_t columns, int32_t *column_start, int32_t *row, float *column_value,
                          int32_t *cursor);

/// z (rows × outputs) += x·Wᵀ over each row's nonzero values (in the order given), W stored by
/// tiles as above.
void sweep_sparse_forward(const int32_t *start, const int32_t *index, const float *value, size_t rows,
                          const float *weights, size_t inputs, size_t outputs, float *z);

/// The weight gradient dzᵀ·x (stored by tiles as above, every element written) from x column by
/// column and dz (rows × outputs); `scratch` holds rows × 64 floats.
void sweep_sparse_weight_gradient(const int32_t *column_start, const int32_t *row, const float *column_value,
                                  size_t inputs, const float *dz, size_t rows, size_t outputs, float *gradient,
                                  float *scratch);

#endif
