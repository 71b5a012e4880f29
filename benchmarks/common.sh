# Shared set-up of the benchmark scripts (sourced, not run): the release `sweep` and, on request,
# a Python with Hydra 1.3.8.
#
#   root=…; source "$root/benchmarks/common.sh"
#   build_sweep            → $sweep: the release binary (Swift runtime linked statically)
#   hydra_python           → $python: $HYDRA_PYTHON, else benchmarks/.venv-hydra (made with pip)

build_sweep() {
    (cd "$root" && swift build -c release --static-swift-stdlib --product sweep >/dev/null)
    sweep="$(cd "$root" && swift build -c release --show-bin-path)/sweep"
}

hydra_python() {
    python=${HYDRA_PYTHON:-}
    if [ -z "$python" ]; then
        local venv="$root/benchmarks/.venv-hydra"
        if [ ! -x "$venv/bin/python" ]; then
            python3 -m venv "$venv"
            "$venv/bin/pip" install --quiet hydra-core==1.3.8
        fi
        python="$venv/bin/python"
    fi
}
