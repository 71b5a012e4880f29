#!/usr/bin/env bash
# Compose benchmark: whole-process `sweep compose configs/vae.yaml` against Hydra 1.3's
# `python app.py --cfg job` on the same configs/ tree, same machine, same run; then one
# composition of a generated 10 MB YAML file.
#
#   benchmarks/compose/run.sh [RUNS]     (default 20 runs of each; prints a Markdown block)
#
# Hydra comes from $HYDRA_PYTHON, else benchmarks/.venv-hydra (created with pip when missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-20}
cd "$root"

source "$root/benchmarks/common.sh"
hydra_python
build_sweep
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# time_runs LABEL CMD...: RUNS whole-process runs; prints the median wall time in seconds.
time_runs() {
    local label=$1
    shift
    python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.4f}")
PY
}

# The two must agree before they are timed.
"$sweep" compose configs/vae.yaml beta=10 lr=1e-2 --json >"$tmp/ours.json"
(cd benchmarks/compose && HYDRA_FULL_ERROR=1 "$python" app.py --cfg job beta=10 lr=1e-2 >"$tmp/hydra.yaml")
"$python" - "$tmp/ours.json" "$tmp/hydra.yaml" <<'PY'
import json, sys, yaml
ours, theirs = json.load(open(sys.argv[1])), yaml.safe_load(open(sys.argv[2]))
assert ours == theirs, f"outputs differ:\n{ours}\n{theirs}"
PY

ours=$(time_runs sweep "$sweep" compose configs/vae.yaml beta=10 lr=1e-2)
hydra=$(cd benchmarks/compose && time_runs hydra "$python" app.py --cfg job beta=10 lr=1e-2)

python3 benchmarks/compose/big_yaml.py "$tmp/big.yaml" 10
size=$(du -m "$tmp/big.yaml" | cut -f1)
big=$(runs=3 time_runs big "$sweep" compose "$tmp/big.yaml" --no-check --json)

echo "### Compose ($(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores, $(hostname))"
echo
echo "Command: \`benchmarks/compose/run.sh $runs\` (median of $runs whole-process runs; outputs checked equal first)"
echo
echo "| what | time (s) |"
echo "|---|---|"
echo "| \`sweep compose configs/vae.yaml beta=10 lr=1e-2\` | $ours |"
echo "| Hydra 1.3 \`python app.py --cfg job beta=10 lr=1e-2\` | $hydra |"
echo "| ratio sweep / Hydra (goal ≤ 0.05) | $(python3 -c "print(f'{$ours/$hydra:.3f}')") |"
echo "| \`sweep compose\` of a generated ${size} MB YAML file (median of 3, goal < 1 s) | $big |"
