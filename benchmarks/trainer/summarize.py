#!/usr/bin/env python3
"""Markdown tables from a benchmarks/trainer run directory (results.jsonl, sgemm-*.json)."""

import json
import os
import statistics as st
import sys

VAE_GFLOP = 335.25  # GEMM work of one VAE epoch (60,000 images, 784-512-256-2 / 2-256-512-784)

out = sys.argv[1]
rows = [json.loads(l) for l in open(out + "/results.jsonl") if l.strip()]
ceiling = [json.loads(open(f"{out}/sgemm-{w}.json").read()) for w in ("before", "after")]
# Runs since the fifth session also measure OpenBLAS's AVX2 ("Haswell") kernels, which sweep-train
# uses on AMD Zen 4: the ceiling is the higher of the two.
haswell = [json.loads(open(f"{out}/sgemm-{w}-haswell.json").read()) for w in ("before", "after")
           if os.path.exists(f"{out}/sgemm-{w}-haswell.json")]


def pick(impl, model, beta=None):
    return [r for r in rows if r["impl"] == impl and r["model"] == model and (beta is None or r["beta"] == beta)]


def fmt(xs, digits=4):
    if not xs:
        return "–"
    if len(xs) == 1:
        return f"{xs[0]:.{digits}g}"
    return f"{st.median(xs):.{digits}g} (min {min(xs):.{digits}g}, max {max(xs):.{digits}g}, n={len(xs)})"


best = max(c["sgemm_128x784x512_gflops"] for c in ceiling + haswell)
print(f"\nsgemm ceiling (128×784·784×512, one thread): {ceiling[0]['sgemm_128x784x512_gflops']} GFLOP/s before, "
      f"{ceiling[1]['sgemm_128x784x512_gflops']} after"
      + (f"; AVX2 kernels {haswell[0]['sgemm_128x784x512_gflops']} before, {haswell[1]['sgemm_128x784x512_gflops']} after"
         if len(haswell) == 2 else "") + f" (ceiling: {best})\n")
print("| model | metric | sweep-train | PyTorch | ratio (PyTorch / ours) |")
print("|---|---|---|---|---|")
for model in ("linear", "mlp"):
    a, b = pick("sweep", model), pick("torch", model)
    wa, wb = [r["wall_s"] for r in a], [r["wall_s"] for r in b]
    print(f"| {model} | whole process, s | {fmt(wa, 3)} | {fmt(wb, 3)} | {st.median(wb) / st.median(wa):.1f}× |")
    ea, eb = [r["time/epoch_s"] for r in a], [r["time/epoch_s"] for r in b]
    print(f"| {model} | epoch, s | {fmt(ea, 3)} | {fmt(eb, 3)} | {st.median(eb) / st.median(ea):.1f}× |")
    print(f"| {model} | test acc | {fmt([r['test/acc'] for r in a])} | {fmt([r['test/acc'] for r in b])} | |")
    print(f"| {model} | train loss | {fmt([r['train/loss'] for r in a])} | {fmt([r['train/loss'] for r in b])} | |")
    print(f"| {model} | peak MiB | {fmt([r['peak_mib'] for r in a], 3)} | {fmt([r['peak_mib'] for r in b], 3)} | |")
for beta in (1.0, 10.0):
    a, b = pick("sweep", "vae", beta), pick("torch", "vae", beta)
    if not a:
        continue
    ea, eb = [r["time/epoch_s"] for r in a], [r["time/epoch_s"] for r in b]
    print(f"| vae β={beta:g} | epoch, s | {fmt(ea, 3)} | {fmt(eb, 3)} | {st.median(eb) / st.median(ea):.2f}× |")
    print(f"| vae β={beta:g} | whole process, s | {fmt([r['wall_s'] for r in a], 3)} | {fmt([r['wall_s'] for r in b], 3)} | |")
    g = VAE_GFLOP / st.median(ea)
    # The dense products' 336 GFLOP over the epoch: the trainer skips zero inputs and units, so it
    # executes less (see RESULTS.md), and this is the rate a dense computation would need.
    print(f"| vae β={beta:g} | dense GEMM GFLOP/s (336 GFLOP / epoch) | {g:.1f} ({100 * g / best:.0f} % of ceiling) | "
          f"{VAE_GFLOP / st.median(eb):.1f} | |")
    executed = [r for r in a if r.get("time/products_s")]
    if executed:
        # The products the trainer actually runs (SWEEP_TRAIN_PRODUCTS=1: OpenBLAS's, and the first
        # layer's over each image's nonzero pixels): their GFLOP and time.
        rate = st.median(r["products/gflop"] / r["time/products_s"] for r in executed)
        work = st.median(r["products/gflop"] for r in executed)
        spent = st.median(r["time/products_s"] for r in executed)
        print(f"| vae β={beta:g} | executed products GFLOP/s | {rate:.1f} ({100 * rate / best:.0f} % of ceiling; "
              f"{work:.0f} GFLOP in {spent:.2f} s) | | |")
    f = pick("torch_fused", "vae", beta)
    if f:
        ef = [r["time/epoch_s"] for r in f]
        print(f"| vae β={beta:g} | epoch, s, PyTorch with fused Adam (opt-in) | {fmt(ea, 3)} | {fmt(ef, 3)} | "
              f"{st.median(ef) / st.median(ea):.2f}× |")
    for k in ("test/elbo", "test/recon", "test/kl"):
        print(f"| vae β={beta:g} | {k} | {fmt([r[k] for r in a])} | {fmt([r[k] for r in b])} | |")
    print(f"| vae β={beta:g} | peak MiB | {fmt([r['peak_mib'] for r in a], 3)} | {fmt([r['peak_mib'] for r in b], 3)} | |")
