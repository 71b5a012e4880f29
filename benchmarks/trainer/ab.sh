#!/usr/bin/env bash
# Alternates sweep-train binaries on a short VAE epoch (the first 12,800 training images: 100 steps
# of 128, one thread) and prints each binary's epoch times (`time/epoch_s`), sorted, and their
# median: a code change's effect on the training loop without the host's slow drifts.
#
#   benchmarks/trainer/ab.sh ROUNDS BIN_A BIN_B [BIN...]     (needs `make data`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/config.json" <<JSON
{"seed": 0, "epochs": 1, "batch_size": 128, "lr": 0.001, "beta": 1, "log_every": 100,
 "model": {"kind": "vae"}, "figures": false,
 "data": {"name": "mnist", "path": "$root/data/mnist", "train_limit": 12800, "test_limit": 1000}}
JSON
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
for _ in $(seq "$rounds"); do
    for bin in "$@"; do
        rm -f "$work/metrics.jsonl"
        (cd "$work" && "$bin" --config config.json >/dev/null 2>&1)
        python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if "time/epoch_s" in l]
print(sys.argv[2], rows[-1]["time/epoch_s"])' "$work/metrics.jsonl" "$bin"
    done
done | python3 -c 'import statistics, sys
times = {}
for line in sys.stdin:
    bin, t = line.rsplit(" ", 1)
    times.setdefault(bin, []).append(float(t))
for bin, ts in times.items():
    print(f"{bin}: median {statistics.median(ts):.3f} s; " + " ".join(f"{t:.3f}" for t in sorted(ts)))'
