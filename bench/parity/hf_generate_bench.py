#!/usr/bin/env python3
"""The reference for `finetune bench` (generation): transformers' prefill and greedy decode throughput
with random weights in a config.json's shape, at the same settings, so that both numbers come from
the same machine. Prefill: one forward pass over the prompt (tokens/s). Decode: generate() of
--new-tokens after that prompt with the KV cache, less the prefill, per new token. Median of
--repeat runs after one warm-up. bf16 on CUDA, float32 on the CPU.
Usage: python3 bench/parity/hf_generate_bench.py --config bench/shapes/smollm2-135m.json --device cuda
Prints one JSON line with the keys `finetune bench --json` prints.
"""
import argparse, json, statistics, time

import torch
from transformers import AutoConfig, AutoModelForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--prompt-len", type=int, default=512)
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cuda = args.device.startswith("cuda")
    dtype = torch.bfloat16 if cuda else torch.float32
    cfg = AutoConfig.from_pretrained(args.config)
    with torch.device(args.device):
        model = AutoModelForCausalLM.from_config(cfg, dtype=dtype, attn_implementation="sdpa").eval()
    model.generation_config.eos_token_id = None   # all new tokens, like finetune bench
    ids = torch.randint(0, cfg.vocab_size, (args.batch, args.prompt_len), device=args.device)

    def timed(fn):
        if cuda:
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        fn()
        if cuda:
            torch.cuda.synchronize()
        return time.perf_counter() - t0

    prefill, decode = [], []
    with torch.no_grad():
        for i in range(args.repeat + 1):   # run 0 is the warm-up
            p = timed(lambda: model(input_ids=ids))
            g = timed(lambda: model.generate(ids, max_new_tokens=args.new_tokens, min_new_tokens=args.new_tokens,
                                             do_sample=False, pad_token_id=0))
            if i > 0:
                prefill.append(args.batch * args.prompt_len / p)
                decode.append(args.batch * (args.new_tokens - 1) / max(1e-9, g - p))
    print(json.dumps({"source": args.config, "impl": "transformers", "device": args.device, "dtype": str(dtype).split(".")[-1],
                      "batch": args.batch, "prompt_len": args.prompt_len, "new_tokens": args.new_tokens,
                      "prefill_tokens_per_s": statistics.median(prefill), "decode_tokens_per_s": statistics.median(decode),
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
