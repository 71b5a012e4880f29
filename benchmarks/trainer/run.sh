#!/usr/bin/env bash
# Trainer benchmark: sweep-train against examples/pytorch_reference.py on real MNIST, one epoch,
# batch 128, Adam lr 1e-3, one thread, the two interleaved config by config. The VAE also runs
# PyTorch with its fused CPU Adam (`torch_fused`), an opt-in that is faster than its default.
#   benchmarks/trainer/run.sh [QUICK=1]   → benchmarks/trainer/out/<UTC time>/{results.jsonl,summary.md}
# Needs `make data` and a venv with torch (TORCH_VENV, default /work/venv-torch):
#   python3 -m venv /work/venv-torch && /work/venv-torch/bin/pip install torch==2.13.0+cpu numpy
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${TORCH_VENV:-/work/venv-torch}"
data="$root/data/mnist"
stamp="$(date -u +%Y-%m-%dT%H-%M-%SZ)"
out="$root/benchmarks/trainer/out/$stamp"
mkdir -p "$out"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE

[ -f "$data/train-images-idx3-ubyte" ] || [ -f "$data/train-images-idx3-ubyte.gz" ] || "$root/scripts/fetch-data.sh"
(cd "$root" && swift build -c release --static-swift-stdlib --product sweep-train >/dev/null)
ours="$root/.build/release/sweep-train"
cc -O2 "$root/benchmarks/trainer/sgemm.c" -o "$out/sgemm" $(pkg-config --cflags --libs openblas)

# Five VAE seeds: a run's ratio is a median over them, and one epoch on this kind of host moves by
# up to 10 % from one process to the next (on either side), which three seeds do not absorb.
if [ "${QUICK:-0}" = 1 ]; then mlp_seeds="0 1 2"; vae_seeds="0"; else mlp_seeds="0 1 2 3 4 5 6 7 8 9"; vae_seeds="0 1 2 3 4"; fi

# run IMPL MODEL SEED BETA: one process in a fresh directory, one JSON line into results.jsonl.
run() {
    local impl="$1" model="$2" seed="$3" beta="$4"
    local dir="$out/runs/$impl-$model-s$seed-b$beta"
    mkdir -p "$dir"
    cat > "$dir/config.json" <<JSON
{"seed": $seed, "epochs": 1, "batch_size": 128, "lr": 0.001, "beta": $beta, "log_every": 100,
 "model": {"kind": "$model"}, "data": {"name": "mnist", "path": "$data"}, "figures": true}
JSON
    local cmd fused=0
    if [ "$impl" = sweep ]; then cmd=("$ours" --config config.json)
    else cmd=("$venv/bin/python" "$root/examples/pytorch_reference.py" --config config.json); fi
    [ "$impl" = torch_fused ] && fused=1
    # SWEEP_TRAIN_PRODUCTS=1: sweep-train also reports the GFLOP and time of the products it runs.
    (cd "$dir" && TORCH_FUSED_ADAM=$fused SWEEP_TRAIN_PRODUCTS=1 /usr/bin/time -f "%e %M" -o time.txt "${cmd[@]}" \
        >stdout.log 2>stderr.log)
    python3 - "$dir" "$impl" "$model" "$seed" "$beta" >> "$out/results.jsonl" <<'PY'
import json, sys
d, impl, model, seed, beta = sys.argv[1:]
wall, rss = open(d + "/time.txt").read().split()[-2:]
last = [json.loads(l) for l in open(d + "/metrics.jsonl") if l.strip()][-1]
row = {"impl": impl, "model": model, "seed": int(seed), "beta": float(beta), "wall_s": float(wall),
       "peak_mib": int(rss) / 1024}
row.update({k: v for k, v in last.items() if k.startswith(("test/", "train/", "time/", "products/"))})
print(json.dumps(row))
PY
    tail -1 "$out/results.jsonl"
}

# The ceiling with OpenBLAS's default kernels and with its AVX2 ("Haswell") ones, which sweep-train
# picks on AMD Zen 4 (see Sources/SweepTrainer/BLASEnvironment.swift); the higher one counts.
ceiling() {
    "$out/sgemm" | tee "$out/sgemm-$1.json"
    OPENBLAS_CORETYPE=Haswell "$out/sgemm" | tee "$out/sgemm-$1-haswell.json"
}
ceiling before
for seed in 0 1 2; do run sweep linear $seed 1; run torch linear $seed 1; done
for seed in $mlp_seeds; do run sweep mlp $seed 1; run torch mlp $seed 1; done
for beta in 1 10; do
    for seed in $vae_seeds; do
        run sweep vae $seed $beta; run torch vae $seed $beta; run torch_fused vae $seed $beta
    done
done
ceiling after

{
    echo "machine: $(lscpu | sed -n 's/^Model name:\s*//p'), $(nproc --all) vCPU; $(uname -sr); date: $stamp"
    echo "command: benchmarks/trainer/run.sh (one thread: OMP/OPENBLAS/MKL_NUM_THREADS=1)"
    echo "torch: $("$venv/bin/python" -c 'import torch; print(torch.__version__)')"
    python3 "$root/benchmarks/trainer/summarize.py" "$out"
} | tee "$out/summary.md"
