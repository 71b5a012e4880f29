#!/usr/bin/env bash
# Results benchmark: whole-process `sweep results` over a generated sweep of 10^4 cells x 100
# metric lines (generate.py), grouped over seeds (the default view), sorted by sweep.metric.
#
#   benchmarks/results/run.sh [RUNS]     (default 10 runs; prints a Markdown block)
#
# The generated sweep is kept in benchmarks/results/.data (about 240 MB on disk) so that reruns skip it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-10}
cd "$root"

source "$root/benchmarks/common.sh"
build_sweep
data="$root/benchmarks/results/.data/sweep-1e4x100"
if [ ! -f "$data/cells.jsonl" ]; then
    rm -rf "$data"
    mkdir -p "$(dirname "$data")"
    python3 "$root/benchmarks/results/generate.py" "$data" 10000 100
fi
# Warm the page cache once (the benchmark measures parsing and aggregation, not the disk).
cat "$data"/*/metrics.jsonl >/dev/null

# time_runs CMD...: RUNS whole-process runs; prints "median min max" wall seconds.
time_runs() {
    python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.3f} {min(times):.3f} {max(times):.3f}")
PY
}

lines=$(cat "$data"/*/metrics.jsonl | wc -l)
echo "### sweep results: $(ls -d "$data"/*/ | wc -l) cells, $lines metric lines ($(du -sh "$data" | cut -f1))"
echo
echo "| command | median s | min s | max s |"
echo "|---|---:|---:|---:|"
for args in "" "--format csv" "--metric test/acc:max --sort -test/acc:max --top 10" "--pivot beta,lr --metric test/acc"; do
    read -r med lo hi < <(time_runs "$sweep" results "$data" $args)
    echo "| \`sweep results DIR${args:+ $args}\` | $med | $lo | $hi |"
done
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, runs=$runs"
