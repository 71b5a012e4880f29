#!/usr/bin/env python3
"""PyTorch reference trainer for `sweep` (same protocol and architectures as `sweep-train`).

Reads one composed config (JSON, or YAML when PyYAML is installed) from --config PATH
(default: $SWEEP_CONFIG, else config.yaml), trains linear / MLP / β-VAE on IDX files, and appends
JSON lines to metrics.jsonl in the current directory, then writes summary.json. Threads: one unless
OMP_NUM_THREADS says otherwise. Used by benchmarks/trainer/run.sh as the baseline, with PyTorch's
default optimiser implementation; TORCH_FUSED_ADAM=1 asks for its fused CPU Adam/AdamW instead.
"""

import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        path += ".gz"
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4 : 4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_config(path):
    with open(path) as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    import yaml  # noqa: PLC0415

    return yaml.safe_load(text)


ACTIVATIONS = {
    "relu": nn.ReLU,
    "leaky_relu": nn.LeakyReLU,
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "swish": nn.SiLU,
    "softplus": nn.Softplus,
    "identity": nn.Identity,
}


def mlp(widths, act):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(ACTIVATIONS[act]())
    return nn.Sequential(*layers)


class VAE(nn.Module):
    def __init__(self, encoder, latent, decoder, act, variance):
        super().__init__()
        self.latent = latent
        self.variance = variance
        self.enc = mlp(encoder + [2 * latent], act)
        self.dec = mlp([latent] + decoder, act)

    def forward(self, x, gen):
        h = self.enc(x)
        mu, s = h[:, : self.latent], h[:, self.latent :]
        sigma = F.softplus(s) + 1e-6 if self.variance == "softplus" else torch.exp(0.5 * s)
        eps = torch.randn(mu.shape, generator=gen)
        z = mu + sigma * eps
        logits = self.dec(z)
        recon = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
        kl = 0.5 * (mu.pow(2) + sigma.pow(2) - 1 - 2 * torch.log(sigma)).sum()
        return recon, kl


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default=os.environ.get("SWEEP_CONFIG", "config.yaml"))
    args = ap.parse_args()
    cfg = load_config(args.config)
    threads = int(os.environ.get("OMP_NUM_THREADS", "1"))
    torch.set_num_threads(threads)
    torch.manual_seed(cfg["seed"])
    gen = torch.Generator().manual_seed(cfg["seed"])
    model_cfg = cfg.get("model", {})
    kind = model_cfg.get("kind", "mlp")
    data_cfg = cfg.get("data", {})
    name = data_cfg.get("name", "mnist")
    directory = data_cfg.get("path") or {"mnist": "data/mnist", "fashion_mnist": "data/fashion_mnist"}.get(name, "data")
    if not os.path.isabs(directory):
        directory = os.path.join(os.environ.get("SWEEP_PROJECT_DIR", "."), directory)
    xtr = read_idx(os.path.join(directory, "train-images-idx3-ubyte")).reshape(-1, 784)
    ytr = read_idx(os.path.join(directory, "train-labels-idx1-ubyte")).astype(np.int64)
    xte = read_idx(os.path.join(directory, "t10k-images-idx3-ubyte")).reshape(-1, 784)
    yte = read_idx(os.path.join(directory, "t10k-labels-idx1-ubyte")).astype(np.int64)
    xtr = torch.from_numpy(xtr.astype(np.float32) / 255.0)
    xte = torch.from_numpy(xte.astype(np.float32) / 255.0)
    ytr, yte = torch.from_numpy(ytr), torch.from_numpy(yte)

    act = model_cfg.get("activation", "relu")
    beta = float(cfg.get("beta", 1))
    if kind == "vae":
        model = VAE(
            model_cfg.get("encoder", [784, 512, 256]), model_cfg.get("latent", 2),
            model_cfg.get("decoder", [256, 512, 784]), act, model_cfg.get("variance", "softplus"))
    else:
        layers = model_cfg.get("layers") or ([784, 10] if kind == "linear" else [784, 10, 3, 10])
        model = mlp(layers, act)
    opt_cfg = cfg.get("optim", {})
    opt_name = opt_cfg.get("name", "adam")
    lr = float(cfg["lr"])
    wd = float(opt_cfg.get("weight_decay", 0))
    if opt_name == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=float(opt_cfg.get("momentum", 0)),
                              nesterov=bool(opt_cfg.get("nesterov", False)), weight_decay=wd)
    else:
        cls = torch.optim.AdamW if opt_name == "adamw" else torch.optim.Adam
        fused = {"fused": True} if os.environ.get("TORCH_FUSED_ADAM") == "1" else {}
        opt = cls(model.parameters(), lr=lr, betas=tuple(opt_cfg.get("betas", [0.9, 0.999])),
                  eps=float(opt_cfg.get("eps", 1e-8)), weight_decay=wd, **fused)
    bs = int(cfg["batch_size"])
    log_every = int(cfg.get("log_every", 100))
    out = open("metrics.jsonl", "a")
    step = 0
    last = {}

    def write(fields):
        last.update(fields)
        out.write(json.dumps(fields) + "\n")
        out.flush()

    for epoch in range(1, int(cfg["epochs"]) + 1):
        t0 = time.perf_counter()
        model.train()
        perm = torch.randperm(len(xtr), generator=gen)
        total, n, window, wsteps = 0.0, 0, 0.0, 0
        for i in range(0, len(xtr), bs):
            idx = perm[i : i + bs]
            x = xtr[idx]
            if kind == "vae":
                recon, kl = model(x, gen)
                loss = (recon + beta * kl) / len(idx)
            else:
                loss = F.cross_entropy(model(x), ytr[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            step += 1
            lv = loss.item()
            total += lv * len(idx)
            n += len(idx)
            window += lv
            wsteps += 1
            if log_every and step % log_every == 0:
                write({"step": step, "epoch": epoch, "train/loss": window / wsteps})
                window, wsteps = 0.0, 0
        train_s = time.perf_counter() - t0
        model.eval()
        fields = {"step": step, "epoch": epoch, "train/loss": total / n}
        with torch.no_grad():
            if kind == "vae":
                egen = torch.Generator().manual_seed(cfg["seed"] + 4)
                r, k = 0.0, 0.0
                for i in range(0, len(xte), 500):
                    rr, kk = model(xte[i : i + 500], egen)
                    r += rr.item()
                    k += kk.item()
                N = len(xte)
                fields.update({"test/loss": (r + beta * k) / N, "test/elbo": -(r + k) / N, "test/recon": r / N, "test/kl": k / N})
            else:
                logits = model(xte)
                fields.update({"test/loss": F.cross_entropy(logits, yte).item(),
                               "test/acc": (logits.argmax(1) == yte).float().mean().item()})
        fields["time/epoch_s"] = train_s
        write(fields)
    with open("summary.json", "w") as f:
        json.dump(dict(last, steps=step), f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
