#!/usr/bin/env python3
"""Alternates two or more commands on this noisy machine and compares them.

    benchmarks/ab.py N CMD_A... -- CMD_B... [-- CMD_C...]

Runs each command N times, interleaved (A, B, A, B, ...), with stdout discarded, and prints per
command the minimum and median CPU time (user + system of the child), the minimum and median wall
time and the peak resident memory. Interleaving keeps the host's slow drifts out of the comparison; a
difference smaller than the spread of the medians is noise.
"""
import os
import statistics
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds, rest = int(sys.argv[1]), sys.argv[2:]
    commands, current = [], []
    for word in rest:
        if word == "--":
            commands.append(current)
            current = []
        else:
            current.append(word)
    commands.append(current)
    samples = {k: [] for k in range(len(commands))}
    for _ in range(rounds):
        for k, command in enumerate(commands):
            start = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.execvp(command[0], command)
            _, status, usage = os.wait4(pid, 0)
            if status != 0:
                sys.exit(f"{' '.join(command)}: exit status {status}")
            wall = time.perf_counter() - start
            samples[k].append((usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss))
    for k, command in enumerate(commands):
        cpu = [s[0] for s in samples[k]]
        wall = [s[1] for s in samples[k]]
        rss = max(s[2] for s in samples[k]) / 1024
        print(f"{' '.join(command)[:70]:70s} cpu min {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s; "
              f"wall min {min(wall):.3f} s, median {statistics.median(wall):.3f} s; peak {rss:.0f} MB")


if __name__ == "__main__":
    main()
