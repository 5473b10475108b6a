#!/usr/bin/env python3
"""The reference for `finetune bench --train`: transformers + PEFT LoRA training throughput and peak
memory at the same settings (random weights in a config.json's shape, random tokens, every position
a target, AdamW, clipping), so that both numbers come from the same machine.
Usage: python3 bench/parity/peft_train_bench.py --config bench/shapes/tinyllama-1.1b.json --batch 8 --seq 1024 --r 16
Prints one JSON line.
"""
import argparse, json, time

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoConfig, AutoModelForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seq", type=int, default=1024)
    ap.add_argument("--r", type=int, default=16)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--gradient-checkpointing", action="store_true")
    args = ap.parse_args()
    cfg = AutoConfig.from_pretrained(args.config)
    model = AutoModelForCausalLM.from_config(cfg, torch_dtype=torch.bfloat16, attn_implementation="sdpa").cuda()
    if args.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    model = get_peft_model(model, LoraConfig(r=args.r, lora_alpha=2 * args.r, lora_dropout=0.0,
                                             target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]))
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-4)
    ids = torch.randint(0, cfg.vocab_size, (args.batch, args.seq), device="cuda")
    model.train()
    torch.cuda.reset_peak_memory_stats()
    for step in range(args.warmup + args.steps):
        if step == args.warmup:
            torch.cuda.synchronize()
            t0 = time.perf_counter()
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0).item()
        opt.step()
        opt.zero_grad()
    torch.cuda.synchronize()
    seconds = (time.perf_counter() - t0) / args.steps
    print(json.dumps({"source": args.config, "impl": "transformers+peft", "batch": args.batch, "seq": args.seq, "r": args.r,
                      "gradient_checkpointing": args.gradient_checkpointing, "seconds_per_step": seconds,
                      "tokens_per_s": args.batch * args.seq / seconds, "peak_memory_bytes": torch.cuda.max_memory_allocated()}))


if __name__ == "__main__":
    main()
