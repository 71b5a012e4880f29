#!/usr/bin/env python3
"""A trainer for `sweep` in plain Python (standard library only): fits y = 3x + 2 by minibatch
SGD on noisy synthetic data and follows the trainer protocol: it reads the cell's config.json
(written beside config.yaml), appends JSON lines to metrics.jsonl and writes summary.json.

    sweep run examples/toy.yaml lr=0.01,0.1 seed=0,1,2

Config keys: seed, lr, epochs, batch_size, noise (all with defaults).
"""
import json
import math
import os
import random
import sys
import time


def main() -> int:
    config_path = os.environ.get("SWEEP_CONFIG", "config.yaml")
    json_path = os.path.join(os.path.dirname(config_path) or ".", "config.json")
    with open(json_path) as f:
        config = json.load(f)
    seed = int(config.get("seed", 0))
    lr = float(config.get("lr", 0.05))
    epochs = int(config.get("epochs", 5))
    batch = int(config.get("batch_size", 16))
    noise = float(config.get("noise", 0.1))
    if lr <= 0 or epochs < 1 or batch < 1:
        print(f"error: lr must be > 0, epochs and batch_size >= 1 (got {lr}, {epochs}, {batch})", file=sys.stderr)
        return 1

    rng = random.Random(seed)
    data = [(x, 3 * x + 2 + rng.gauss(0, noise)) for x in (rng.uniform(-1, 1) for _ in range(512))]
    train, test = data[:400], data[400:]
    w, b, step = 0.0, 0.0, 0
    start = time.time()
    with open("metrics.jsonl", "a") as metrics:
        for epoch in range(1, epochs + 1):
            rng.shuffle(train)
            loss = 0.0
            for i in range(0, len(train), batch):
                chunk = train[i:i + batch]
                gw = sum(2 * (w * x + b - y) * x for x, y in chunk) / len(chunk)
                gb = sum(2 * (w * x + b - y) for x, y in chunk) / len(chunk)
                loss = sum((w * x + b - y) ** 2 for x, y in chunk) / len(chunk)
                w, b, step = w - lr * gw, b - lr * gb, step + 1
            test_loss = sum((w * x + b - y) ** 2 for x, y in test) / len(test)
            if not math.isfinite(test_loss):
                print(f"error: diverged at epoch {epoch} (lr={lr})", file=sys.stderr)
                return 1
            line = {"epoch": epoch, "step": step, "train/loss": loss, "test/loss": test_loss, "w": w, "b": b}
            metrics.write(json.dumps(line) + "\n")
            metrics.flush()
    with open("summary.json", "w") as f:
        json.dump({"test/loss": test_loss, "w": w, "b": b, "time/total_s": time.time() - start}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
