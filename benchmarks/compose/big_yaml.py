# Writes a config-like YAML file of about SIZE megabytes (nested mappings, lists, scalars of
# every type) for the large-file benchmark:  python3 big_yaml.py OUT.yaml [SIZE_MB]
import random
import sys

out, size = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
rng = random.Random(7)
with open(out, "w") as f:
    written, i = 0, 0
    while written < size * 1_000_000:
        block = [f"section_{i}:"]
        block.append(f"  name: run_{i}")
        block.append(f"  lr: {rng.choice(['1e-3', '0.01', '3.0e-4'])}")
        block.append(f"  layers: [{', '.join(str(rng.randrange(1, 1024)) for _ in range(6))}]")
        block.append(f"  flags: {{dropout: {rng.random():.3f}, enabled: {rng.choice(['true', 'false'])}}}")
        block.append("  notes: 'a quoted string, with: punctuation # not a comment'")
        block.append("  nested:")
        for j in range(4):
            block.append(f"    level_{j}:")
            block.append(f"      value: {rng.randrange(10**6)}")
            block.append(f"      ref: ${{section_{i}.name}}")
            block.append("      items:")
            for k in range(3):
                block.append(f"        - {{k: {k}, v: {rng.random():.6f}}}")
        text = "\n".join(block) + "\n"
        f.write(text)
        written += len(text)
        i += 1
