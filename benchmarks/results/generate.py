#!/usr/bin/env python3
"""Writes a synthetic finished sweep: CELLS cells x LINES metric lines each, in the launcher's
on-disk format (sweep.yaml, cells.jsonl, per-cell status.json, metrics.jsonl, summary.json).

    generate.py DIR [CELLS] [LINES]     (default 10000 cells, 100 lines)

Keys: beta (10 values) x lr (10 values) x bs (4 values) x seed (25 values) = 10^4 cells.
Standard library only; deterministic (seeded)."""
import json, os, random, sys

out = sys.argv[1]
cells = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
lines = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = random.Random(0)
os.makedirs(out, exist_ok=False)
with open(os.path.join(out, "sweep.yaml"), "w") as f:
    f.write("argv: [sweep, run, configs/vae.yaml]\nconfig: configs/vae.yaml\n"
            "sweep:\n  metric: test/acc\n  mode: max\n")
plan = []
for i in range(cells):
    beta, lr, bs, seed = i // 1000 % 10 + 1, 10 ** -(i // 100 % 10 + 1), 2 ** (i // 25 % 4 + 5), i % 25
    overrides = [f"beta={beta}", f"lr={lr:g}", f"batch_size={bs}", f"seed={seed}", "epochs=1"]
    name = f"{i:05d}_" + ",".join(overrides[:4])
    plan.append({"index": i, "id": f"{i:016x}", "overrides": overrides, "dir": name})
    d = os.path.join(out, name)
    os.mkdir(d)
    with open(os.path.join(d, "status.json"), "w") as f:
        json.dump({"state": "done" if i % 97 else "failed", "attempts": 1, "exit_code": 0 if i % 97 else 1}, f)
    body = []
    acc = 0.1
    for step in range(lines):
        acc += (0.95 - acc) * 0.05 + rng.gauss(0, 0.002)
        body.append(json.dumps({"step": step * 10, "epoch": step * 10 // (lines * 10),
                                "train/loss": round(2.3 * (1 - acc) + rng.random() * 0.01, 6),
                                "test/acc": round(acc, 6), "lr": lr}))
    with open(os.path.join(d, "metrics.jsonl"), "w") as f:
        f.write("\n".join(body) + "\n")
    with open(os.path.join(d, "summary.json"), "w") as f:
        json.dump(json.loads(body[-1]), f)
with open(os.path.join(out, "cells.jsonl"), "w") as f:
    for c in plan:
        f.write(json.dumps(c) + "\n")
