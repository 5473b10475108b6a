#!/usr/bin/env python3
"""The reference for `finetune bench --train`: transformers + PEFT LoRA training throughput and peak
memory at the same settings (random weights in a config.json's shape, random tokens, every position a
target, AdamW, gradient clipping), so that both numbers come from the same machine and libtorch.
On the CPU the model is float32 and the peak is the process's peak RSS (as ours); on CUDA bf16 and
torch.cuda.max_memory_allocated. --count-ops adds the ATen operators one more step dispatches
(torch.profiler's aten:: events, nested ones included, and the leaves among them: what our
--count-ops counts).
Usage: python3 bench/parity/peft_train_bench.py --config bench/shapes/smollm2-135m.json --device cpu --batch 1 --seq 512
Prints one JSON line.
"""
import argparse, json, resource, time

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoConfig, AutoModelForCausalLM


def count_ops(step):
    """aten:: events of one step: all, and those with no aten:: event inside them (the ones that do
    the work: about one kernel each on a GPU)."""
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        step()
    ops = [e for e in prof.events() if e.name.startswith("aten::")]
    leaves = [e for e in ops if not any(c.name.startswith("aten::") for c in e.cpu_children)]
    return len(ops), len(leaves)


def profile_step(step, cuda, trace):
    """One step under torch.profiler: device busy time against wall time and kernels by time (the
    same summary as `finetune bench --train --profile`)."""
    from torch.profiler import ProfilerActivity, profile
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if cuda else [])
    if cuda:
        torch.cuda.synchronize()
    with profile(activities=activities) as prof:
        t0 = time.perf_counter()
        step()
        if cuda:
            torch.cuda.synchronize()
        wall = time.perf_counter() - t0
    by_name, busy, events = {}, 0.0, 0
    # The raw Kineto events, as `finetune bench --profile` reads them in C++.
    for e in prof.profiler.kineto_results.events():
        if e.device_type() != torch.autograd.DeviceType.CUDA:
            continue
        seconds = e.duration_ns() * 1e-9
        busy += seconds
        events += 1
        name = e.name() if len(e.name()) <= 120 else e.name()[:117] + "..."
        by_name[name] = by_name.get(name, 0.0) + seconds
    if trace:
        prof.export_chrome_trace(trace)
    top = sorted(by_name.items(), key=lambda kv: -kv[1])[:20]
    return {"wall_s": wall, "device_busy_s": busy, "device_events": events,
            "busy_fraction": busy / wall if wall else 0.0, "top_kernels_s": [list(kv) for kv in top]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seq", type=int, default=1024)
    ap.add_argument("--r", type=int, default=16)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--gradient-checkpointing", action="store_true")
    ap.add_argument("--count-ops", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--trace", default="")
    args = ap.parse_args()
    cuda = args.device.startswith("cuda")
    dtype = torch.bfloat16 if cuda else torch.float32
    cfg = AutoConfig.from_pretrained(args.config)
    with torch.device(args.device):   # weights drawn where they live: on CUDA a second, not a minute
        model = AutoModelForCausalLM.from_config(cfg, dtype=dtype, attn_implementation="sdpa")
    if args.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    model = get_peft_model(model, LoraConfig(r=args.r, lora_alpha=2 * args.r, lora_dropout=0.0,
                                             target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj",
                                                             "down_proj"]))
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-4)
    ids = torch.randint(0, cfg.vocab_size, (args.batch, args.seq), device=args.device)
    model.train()

    def step():
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0).item()
        opt.step()
        opt.zero_grad()

    if cuda:
        torch.cuda.reset_peak_memory_stats()
    for i in range(args.warmup + args.steps):
        if i == args.warmup:
            if cuda:
                torch.cuda.synchronize()
            t0 = time.perf_counter()
        step()
    if cuda:
        torch.cuda.synchronize()
    seconds = (time.perf_counter() - t0) / args.steps
    peak = torch.cuda.max_memory_allocated() if cuda else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    out = {"source": args.config, "impl": "transformers+peft", "device": args.device, "dtype": str(dtype).split(".")[-1],
           "batch": args.batch, "seq": args.seq, "r": args.r, "gradient_checkpointing": args.gradient_checkpointing,
           "seconds_per_step": seconds, "tokens_per_s": args.batch * args.seq / seconds, "peak_memory_bytes": peak,
           "torch": torch.__version__, "threads": torch.get_num_threads()}
    if args.count_ops:
        out["aten_ops_per_step"], out["leaf_aten_ops_per_step"] = count_ops(step)
    if args.profile or args.trace:
        try:   # the measurement above stands even where the profiler cannot run
            out["profile"] = profile_step(step, cuda, args.trace)
        except Exception as e:  # noqa: BLE001
            out["profile"] = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
