// What the kernel files share, private to CKernels: eight-lane vectors and the run-time choice
// between the AVX2 and the baseline compilation of each kernel body.
#ifndef SWEEP_VECTOR_H
#define SWEEP_VECTOR_H

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

// Both paths must round alike: no fused multiply-add, whatever the compiler's default.
#pragma STDC FP_CONTRACT OFF

// The vector helpers are always inlined, so their eight-lane arguments never cross a call.
#pragma clang diagnostic ignored "-Wpsabi"

typedef float f8 __attribute__((vector_size(32)));
typedef int32_t i8 __attribute__((vector_size(32)));

#define INLINE static inline __attribute__((always_inline))

INLINE f8 load(const float *p) {
    f8 v;
    memcpy(&v, p, sizeof v);
    return v;
}

INLINE void store(float *p, f8 v) { memcpy(p, &v, sizeof v); }

INLINE f8 splat(float x) { return (f8){x, x, x, x, x, x, x, x}; }

#if defined(__x86_64__)
#define AVX2 __attribute__((target("avx2")))
#define HAS_AVX2 __builtin_cpu_supports("avx2")
#else
#define AVX2
#define HAS_AVX2 0
#endif

/// Set by `sweep_kernels_use_baseline` (kernels.c): the baseline code even where AVX2 is available.
extern atomic_int sweep_baseline_only;

#define USE_AVX2 (HAS_AVX2 && !atomic_load_explicit(&sweep_baseline_only, memory_order_relaxed))

#endif
