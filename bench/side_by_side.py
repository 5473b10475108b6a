#!/usr/bin/env python3
"""Side-by-side table of training benchmarks: reads the JSON lines of `finetune bench --train --json`
and bench/parity/peft_train_bench.py (any order, one file) and prints, per setting, both throughputs
and peak memories with our/their ratios, as Markdown. Lines that are not JSON objects (a failed run's
message) are reported, and their setting shows a dash.
Usage: python3 bench/side_by_side.py results.jsonl
"""
import json, os, sys

GIB = float(1 << 30)


def implementation(row):
    if row.get("impl") == "transformers+peft":
        return "peft"
    if row.get("engine", "").startswith("libtorch 1."):
        return "ours, libtorch 1.13"
    if row.get("cuda_graph"):
        return "ours, CUDA graph"
    return "ours, composed ops" if row.get("composed_ops") else "ours"


def key(row):
    shape = os.path.splitext(os.path.basename(row.get("source", "?")))[0]
    return shape, int(row["seq"]), int(row["batch"]), bool(row.get("gradient_checkpointing"))


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "-"


def main(path):
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
    composed = any("ours, composed ops" in r for r in rows.values())
    graph = any("ours, CUDA graph" in r for r in rows.values())
    busy = any("profile" in x for r in rows.values() for x in r.values())
    ops = any("aten_ops_per_step" in x for r in rows.values() for x in r.values())
    head = "| shape | seq | batch | HF + PEFT tokens/s | ours tokens/s | speed ratio | HF + PEFT peak GiB | ours peak GiB | memory ratio |"
    rule = "|---|---|---|---|---|---|---|---|---|"
    if composed:
        head += " ours, composed ops: tokens/s | peak GiB |"
        rule += "---|---|"
    if graph:
        head += " ours, CUDA graph: tokens/s | speed ratio | peak GiB |"
        rule += "---|---|---|"
    if busy:
        head += " GPU busy: HF + PEFT | ours | ours, CUDA graph |"
        rule += "---|---|---|"
    if ops:
        head += " HF + PEFT ATen ops/step (leaves) | ours ATen ops/step (leaves) | leaf ops ratio |"
        rule += "---|---|---|"
    old = any("ours, libtorch 1.13" in r for r in rows.values())
    if old:
        head += " ours on Debian's libtorch 1.13: tokens/s | peak GiB | ATen ops/step (leaves) |"
        rule += "---|---|---|"
    print(head)
    print(rule)
    for k in order:
        r = rows[k]
        shape, seq, batch, gc = k
        peft, ours = r.get("peft", {}), r.get("ours", {})
        pt, ot = peft.get("tokens_per_s"), ours.get("tokens_per_s")
        pm, om = peft.get("peak_memory_bytes"), ours.get("peak_memory_bytes")
        cells = [shape + (", gradient checkpointing" if gc else ""), str(seq), str(batch),
                 f"{pt:,.0f}" if pt else "-", f"{ot:,.0f}" if ot else "-", ratio(ot, pt),
                 f"{pm / GIB:.2f}" if pm else "-", f"{om / GIB:.2f}" if om else "-", ratio(om, pm)]
        if composed:
            c = r.get("ours, composed ops", {})
            cells += [f"{c['tokens_per_s']:,.0f}" if c.get("tokens_per_s") else "-",
                      f"{c['peak_memory_bytes'] / GIB:.2f}" if c.get("peak_memory_bytes") else "-"]
        if graph:
            c = r.get("ours, CUDA graph", {})
            cells += [f"{c['tokens_per_s']:,.0f}" if c.get("tokens_per_s") else "-", ratio(c.get("tokens_per_s"), pt),
                      f"{c['peak_memory_bytes'] / GIB:.2f}" if c.get("peak_memory_bytes") else "-"]
        if busy:
            def fraction(row):
                p = row.get("profile")
                return f"{p['busy_fraction']:.0%}" if p and p.get("wall_s") and p.get("device_events") else "-"
            cells += [fraction(peft), fraction(ours), fraction(r.get("ours, CUDA graph", {}))]
        if ops:
            po, oo = peft.get("aten_ops_per_step"), ours.get("aten_ops_per_step")
            pl, ol = peft.get("leaf_aten_ops_per_step"), ours.get("leaf_aten_ops_per_step")
            cells += [f"{po:,} ({pl:,})" if po else "-", f"{oo:,} ({ol:,})" if oo else "-", ratio(ol, pl)]
        if old:
            d = r.get("ours, libtorch 1.13", {})
            cells += [f"{d['tokens_per_s']:,.0f}" if d.get("tokens_per_s") else "-",
                      f"{d['peak_memory_bytes'] / GIB:.2f}" if d.get("peak_memory_bytes") else "-",
                      f"{d['aten_ops_per_step']:,} ({d.get('leaf_aten_ops_per_step', 0):,})" if d.get("aten_ops_per_step") else "-"]
        print("| " + " | ".join(cells) + " |")
    print()
    print("Ratios are ours / HF + PEFT. The GPU targets: speed ratio >= 2.00x, memory ratio <= 0.50x.")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
