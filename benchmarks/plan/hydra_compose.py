"""Hydra 1.3 composing cells of configs/vae.yaml one by one (what BasicSweeper's
validate_batch_is_legal and every job do): prints the mean seconds per cell.

    python hydra_compose.py CONFIG_DIR N
"""
import sys
import time

from hydra import compose, initialize_config_dir

config_dir, n = sys.argv[1], int(sys.argv[2])
with initialize_config_dir(config_dir=config_dir, version_base="1.3"):
    compose(config_name="vae", overrides=["beta=0.5", "lr=0.5"])
    start = time.perf_counter()
    for i in range(n):
        compose(config_name="vae", overrides=[f"beta={i % 100 + 1}", f"lr={i // 100 + 1}"])
    print(f"{(time.perf_counter() - start) / n:.4f}")
