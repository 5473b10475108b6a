#!/usr/bin/env python3
"""Side-by-side table of training benchmarks: reads the JSON lines of `finetune bench --train --json`
and bench/parity/peft_train_bench.py (any order, one file) and prints, per setting, both throughputs
and peak memories with our/their ratios, as Markdown; then one column group per variant of ours that
the file holds (composed ops, CUDA graph, LoRA in the model's dtype, Debian's libtorch 1.13), the GPU
busy fractions where runs were profiled, and ATen operator counts where they were counted. Lines that
are not JSON objects (a failed run's message) are reported, and their setting shows a dash.
Usage: python3 bench/side_by_side.py results.jsonl
"""
import json, os, sys

GIB = float(1 << 30)
VARIANTS = ["ours, composed ops", "ours, LoRA in model dtype", "ours, CUDA graph", "ours, LoRA in model dtype + CUDA graph",
            "ours, libtorch 1.13"]


def implementation(row):
    if row.get("impl") == "transformers+peft":
        return "peft"
    if row.get("engine", "").startswith("libtorch 1."):
        return "ours, libtorch 1.13"
    if row.get("composed_ops"):
        return "ours, composed ops"
    parts = [p for p, on in (("LoRA in model dtype", row.get("lora_model_dtype")), ("CUDA graph", row.get("cuda_graph"))) if on]
    return "ours, " + " + ".join(parts) if parts else "ours"


def key(row):
    shape = os.path.splitext(os.path.basename(row.get("source", "?")))[0]
    return shape, int(row["seq"]), int(row["batch"]), bool(row.get("gradient_checkpointing"))


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"


def tokens(row):
    return f"{row['tokens_per_s']:,.0f}" if row.get("tokens_per_s") else "-"


def peak(row):
    return f"{row['peak_memory_bytes'] / GIB:.2f}" if row.get("peak_memory_bytes") else "-"


def busy(row):
    p = row.get("profile")
    return f"{p['busy_fraction']:.0%}" if p and p.get("wall_s") and p.get("device_events") else "-"


def ops(row):
    n, leaves = row.get("aten_ops_per_step"), row.get("leaf_aten_ops_per_step")
    return f"{n:,} ({leaves:,})" if n else "-"


def read(path):
    rows, order = {}, []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
                k = key(row)
            except (ValueError, KeyError, TypeError):
                print(f"{path}:{n}: not a benchmark result: {line[:200]}", file=sys.stderr)
                continue
            if k not in rows:
                rows[k] = {}
                order.append(k)
            rows[k][implementation(row)] = row
    return rows, order


def main(path):
    rows, order = read(path)
    every = [x for r in rows.values() for x in r.values()]
    variants = [v for v in VARIANTS if any(v in r for r in rows.values())]
    profiled = [v for v in ["peft", "ours"] + variants if any(busy(r.get(v, {})) != "-" for r in rows.values())]
    counted = any("aten_ops_per_step" in x for x in every)
    head = ["shape", "seq", "batch", "HF + PEFT tokens/s", "ours tokens/s", "speed ratio", "HF + PEFT peak GiB", "ours peak GiB",
            "memory ratio"]
    for v in variants:
        head += [f"{v}: tokens/s", "speed ratio", "peak GiB"]
    head += [f"GPU busy, {'HF + PEFT' if v == 'peft' else v}" for v in profiled]
    if counted:
        head += ["HF + PEFT ATen ops/step (leaves)", "ours ATen ops/step (leaves)", "leaf ops ratio"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for k in order:
        r = rows[k]
        shape, seq, batch, gc = k
        peft, ours = r.get("peft", {}), r.get("ours", {})
        pt = peft.get("tokens_per_s")
        cells = [shape + (", gradient checkpointing" if gc else ""), str(seq), str(batch), tokens(peft), tokens(ours),
                 ratio(ours.get("tokens_per_s"), pt), peak(peft), peak(ours),
                 ratio(ours.get("peak_memory_bytes"), peft.get("peak_memory_bytes"))]
        for v in variants:
            row = r.get(v, {})
            cells += [tokens(row), ratio(row.get("tokens_per_s"), pt), peak(row)]
        cells += [busy(r.get(v, {})) for v in profiled]
        if counted:
            cells += [ops(peft), ops(ours), ratio(ours.get("leaf_aten_ops_per_step"), peft.get("leaf_aten_ops_per_step"))]
        print("| " + " | ".join(cells) + " |")
    print()
    print("Ratios are ours / HF + PEFT. The GPU targets: speed ratio >= 2.00x, memory ratio <= 0.50x.")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
