#!/usr/bin/env bash
# Planner benchmark: `sweep plan --count` of a 10^6-cell grid (whole process: time and peak
# memory) against Hydra 1.3's BasicSweeper expanding the same grid; then composing and checking
# every cell of a 10^4-cell grid of configs/vae.yaml (`sweep plan --json`) against Hydra's
# per-cell compose time.
#
#   benchmarks/plan/run.sh [RUNS]     (default 5 runs of each; prints a Markdown block)
#
# Hydra comes from $HYDRA_PYTHON, else benchmarks/.venv-hydra (created with pip when missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
cd "$root"

source "$root/benchmarks/common.sh"
hydra_python
build_sweep

# measure CMD...: RUNS whole-process runs; prints "median-seconds median-peak-MiB".
measure() {
    python3 - "$runs" "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times, peaks = [], []
for _ in range(runs):
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = __import__("os").wait4(child.pid, 0)
    times.append(time.perf_counter() - start)
    assert status == 0, f"{cmd} failed"
    peaks.append(usage.ru_maxrss / 1024)
print(f"{statistics.median(times):.3f} {statistics.median(peaks):.0f}")
PY
}

grid=("beta=range(10)" "lr=range(1,11)" "epochs=range(1,11)" "batch_size=range(1,11)" "seed=range(10)" "log_every=range(1,11)")
[ "$("$sweep" plan configs/vae.yaml "${grid[@]}" --count)" = 1000000 ]
[ "$("$python" benchmarks/plan/hydra_expand.py "${grid[@]}")" = 1000000 ]
read -r ours_t ours_m < <(measure "$sweep" plan configs/vae.yaml "${grid[@]}" --count)
read -r hydra_t hydra_m < <(measure "$python" benchmarks/plan/hydra_expand.py "${grid[@]}")
read -r base_t base_m < <(measure "$python" -c "import hydra._internal.core_plugins.basic_sweeper, hydra.core.override_parser.overrides_parser")

cells=("beta=range(1,101)" "lr=range(1,101)")
read -r check_t check_m < <(measure "$sweep" plan configs/vae.yaml "${cells[@]}" --json)
per_cell=$("$python" benchmarks/plan/hydra_compose.py "$root/configs" 50)

echo "### Plan ($(date -u '+%Y-%m-%d %H:%M') UTC, $(uname -m), $(nproc) cores)"
echo
echo "Command: \`benchmarks/plan/run.sh $runs\` (median of $runs whole-process runs; peak RSS from wait4)"
echo
echo "| what | time (s) | peak MiB |"
echo "|---|---|---|"
echo "| \`sweep plan configs/vae.yaml <6 axes × 10> --count\` (10^6 cells; goal ≤ 0.3 s, ≤ 50 MiB) | $ours_t | $ours_m |"
echo "| Hydra 1.3 BasicSweeper expanding the same grid (parse + split_arguments, whole process) | $hydra_t | $hydra_m |"
echo "| (Hydra's imports alone) | $base_t | $base_m |"
echo "| \`sweep plan configs/vae.yaml beta=range(1,101) lr=range(1,101) --json\`: compose + check + id of 10^4 cells (goal ≤ 2 s) | $check_t | $check_m |"
echo "| Hydra 1.3 compose of one cell of configs/vae.yaml (mean of 50), × 10^4 | $per_cell × 10^4 = $(python3 -c "print(f'{$per_cell*1e4:.0f}')") s | |"
