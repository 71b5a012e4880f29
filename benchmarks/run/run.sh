#!/usr/bin/env bash
# Launcher benchmark: a 100-cell sweep of a no-op trainer (`/bin/true` as `sweep.command`),
# whole `sweep run`, against Hydra 1.3's multirun of a no-op task and 100 bare spawns; then
# the per-cell overhead at 1000 cells, on a settled disk and right after deleting a sweep.
#
# Each run creates about eight files per cell. Deleting thousands of files in the minutes before
# (another run of this script, a test suite) slows every file creation on ext4 without a journal,
# so leave the disk a few minutes after such work; the "right after deleting" row shows the effect.
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

# seconds CMD...: wall time of one run, then the CPU time (user + system) it and its children used.
seconds() {
    python3 - "$@" <<'PY'
import os, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = os.times()
print(f"{wall:.3f} {usage.children_user + usage.children_system:.2f}")
PY
}

read -r ours100 cpu100 <<<"$(seconds "$sweep" run benchmarks/run/noop.yaml 'x=range(100)' --outputs "$tmp/out" -q)"
read -r ours1000 cpu1000 <<<"$(seconds "$sweep" run benchmarks/run/noop.yaml 'x=range(1000)' --outputs "$tmp/out" -q)"
# The same again right after deleting the first 1000-cell sweep (about 8,000 files): on ext4
# without a journal, the kernel's inode allocator then skips every recently deleted inode, one
# table lookup each (`recently_deleted`), for several minutes. This measures that disk state.
rm -rf "$tmp/out"
read -r churned churnedcpu <<<"$(seconds "$sweep" run benchmarks/run/noop.yaml 'x=range(1000)' --outputs "$tmp/out2" -q)"
bare=$(python3 -c 'import subprocess,time; s=time.perf_counter(); [subprocess.run(["/bin/true"]) for _ in range(100)]; print(f"{time.perf_counter()-s:.3f}")')
read -r hydra hydracpu <<<"$(cd "$tmp" && seconds "$python" "$root/benchmarks/run/noop_app.py" -m 'x=range(100)' "hydra.sweep.dir=$tmp/multirun")"
per() { python3 -c "print(f'{$1/1000*1000:.2f}')"; }

echo "### Run ($(date -u '+%Y-%m-%d %H:%M') UTC, $(uname -m), $(nproc) cores)"
echo
echo "Command: \`benchmarks/run/run.sh\` (one whole-process run each; CPU = user + system of the process and its children)"
echo
echo "| what | wall (s) | CPU (s) |"
echo "|---|---|---|"
echo "| \`sweep run\` of 100 cells of /bin/true (plan, check, run dirs, pool, results, report; goal ≤ 1.0 s) | $ours100 | $cpu100 |"
echo "| Hydra 1.3 multirun of a no-op task, 100 jobs | $hydra | $hydracpu |"
echo "| 100 bare spawns of /bin/true from Python | $bare | |"
echo "| \`sweep run\` of 1000 cells of /bin/true (per cell: goal ≤ 5 ms) | $ours1000 ($(per "$ours1000") ms per cell) | $cpu1000 |"
echo "| the same right after deleting that sweep's 1000 cell directories | $churned ($(per "$churned") ms per cell) | $churnedcpu |"
echo "| ratio Hydra / sweep at 100 cells (goal ≥ 25) | $(python3 -c "print(f'{$hydra/$ours100:.0f}')") | |"
