#!/bin/sh
# YAML parse benchmark: parses a generated ~10 MB config-like YAML text (nested mappings and
# lists, 27,000 experiments) with YAML.parse in a release build, best of 3, and a ~1 MB text
# to check that the time grows linearly. Prints one "YAML parse: ..." line.
# Usage: benchmarks/yaml/run.sh   (from the package root)
set -eu
cd "$(dirname "$0")/../.."
SWEEP_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ParseBenchmarkTests 2>&1 |
    grep -E "YAML parse|passed|failed|error"
