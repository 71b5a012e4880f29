#!/usr/bin/env bash
# Launcher benchmark: a 100-cell sweep of a no-op trainer (`/bin/true` as `sweep.command`),
# whole `sweep run`, against Hydra 1.3's multirun of a no-op task and 100 bare spawns; then
# the per-cell overhead at 1000 cells.
#
#   benchmarks/run/run.sh     (prints a Markdown block)
#
# Hydra comes from $HYDRA_PYTHON, else benchmarks/.venv-hydra (created with pip when missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source "$root/benchmarks/common.sh"
hydra_python
build_sweep
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() { python3 -c 'import subprocess,sys,time; s=time.perf_counter(); subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL); print(f"{time.perf_counter()-s:.3f}")' "$@"; }

ours100=$(seconds "$sweep" run benchmarks/run/noop.yaml 'x=range(100)' --outputs "$tmp/out" -q)
ours1000=$(seconds "$sweep" run benchmarks/run/noop.yaml 'x=range(1000)' --outputs "$tmp/out" -q)
bare=$(python3 -c 'import subprocess,time; s=time.perf_counter(); [subprocess.run(["/bin/true"]) for _ in range(100)]; print(f"{time.perf_counter()-s:.3f}")')
hydra=$(cd "$tmp" && seconds "$python" "$root/benchmarks/run/noop_app.py" -m 'x=range(100)' "hydra.sweep.dir=$tmp/multirun")

echo "### Run ($(date -u '+%Y-%m-%d %H:%M') UTC, $(uname -m), $(nproc) cores)"
echo
echo "Command: \`benchmarks/run/run.sh\` (one whole-process run each)"
echo
echo "| what | time (s) |"
echo "|---|---|"
echo "| \`sweep run\` of 100 cells of /bin/true (plan, check, run dirs, pool, results; goal ≤ 1.0 s) | $ours100 |"
echo "| Hydra 1.3 multirun of a no-op task, 100 jobs | $hydra |"
echo "| 100 bare spawns of /bin/true from Python | $bare |"
echo "| \`sweep run\` of 1000 cells of /bin/true (per cell: goal ≤ 5 ms) | $ours1000 ($(python3 -c "print(f'{$ours1000/1000*1000:.2f}')") ms per cell) |"
echo "| ratio Hydra / sweep at 100 cells (goal ≥ 25) | $(python3 -c "print(f'{$hydra/$ours100:.0f}')") |"
