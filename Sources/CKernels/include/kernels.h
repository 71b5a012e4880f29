#ifndef SWEEP_KERNELS_H
#define SWEEP_KERNELS_H

#include <stddef.h>
#include <stdint.h>

// The trainer's element-wise hot loops, written once over eight-lane vectors and compiled twice:
// for AVX2 (chosen at run time when the CPU has it) and for the baseline target. Both give the
// same bits: no fused multiply-add, and only correctly rounded operations or fixed polynomials.

/// One Adam/AdamW step over `count` elements (PyTorch's update; weight decay coupled into the
/// gradient, or decoupled as `shrink` of the weights), clearing each gradient element it reads.
void sweep_adam(float *w, float *g, float *m, float *v, size_t count, float b1, float b2, float step_size,
                float inv_root_c2, float eps, float shrink, float coupled);

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

#endif
