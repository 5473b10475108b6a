#!/usr/bin/env python3
"""Parity of `finetune score` / `finetune generate` with Hugging Face transformers.

Builds tiny random models of every supported variant with transformers' own classes, saves them
with save_pretrained (safetensors), and compares:
  * fp32 on CPU: per-token log-probabilities within 1e-4, greedy generation of 24 tokens identical;
  * bf16 (CUDA when available, else CPU): per-token log-probabilities within 2e-2.
Run on a machine with torch + transformers:  python3 bench/parity/parity_model.py --finetune build/cli/finetune
Prints one line per check and a final "N passed, M failed" line; exits non-zero on any failure.
"""
import argparse, json, os, subprocess, sys, tempfile

import torch
import transformers
from transformers import (LlamaConfig, LlamaForCausalLM, MistralConfig, MistralForCausalLM, Qwen2Config,
                          Qwen2ForCausalLM)

BASE = dict(vocab_size=211, hidden_size=64, intermediate_size=96, num_hidden_layers=3, num_attention_heads=8,
            num_key_value_heads=2, max_position_embeddings=512, rms_norm_eps=1e-5, bos_token_id=1, eos_token_id=2)

VARIANTS = {
    "llama-gqa-untied": (LlamaConfig, LlamaForCausalLM, dict(tie_word_embeddings=False)),
    "llama-mha-tied": (LlamaConfig, LlamaForCausalLM, dict(num_key_value_heads=8, tie_word_embeddings=True)),
    "llama-mqa": (LlamaConfig, LlamaForCausalLM, dict(num_key_value_heads=1)),
    "llama3-rope-headdim": (LlamaConfig, LlamaForCausalLM, dict(
        head_dim=16, rope_theta=500000.0, tie_word_embeddings=True,
        rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                      "original_max_position_embeddings": 64})),
    "llama-linear-bias": (LlamaConfig, LlamaForCausalLM, dict(
        rope_scaling={"rope_type": "linear", "factor": 2.0}, attention_bias=True, mlp_bias=True)),
    "qwen2-bias-tied": (Qwen2Config, Qwen2ForCausalLM, dict(tie_word_embeddings=True, rope_theta=1e6,
                                                            rms_norm_eps=1e-6)),
    "mistral-window": (MistralConfig, MistralForCausalLM, dict(sliding_window=7)),
}


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{p.stderr}")
    return p.stdout


def hf_logprobs(model, ids, device, dtype):
    model = model.to(device=device, dtype=dtype).eval()
    with torch.no_grad():
        logits = model(torch.tensor([ids], device=device)).logits[0].float()
    lp = torch.log_softmax(logits, -1)
    return [lp[i, ids[i + 1]].item() for i in range(len(ids) - 1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--finetune", default="build/cli/finetune")
    ap.add_argument("--out", default=None, help="write a JSON report here")
    args = ap.parse_args()
    torch.manual_seed(0)
    cuda = torch.cuda.is_available()
    passed = failed = 0
    report = {"transformers": transformers.__version__, "torch": torch.__version__, "checks": []}

    def check(name, ok, detail):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        report["checks"].append({"check": name, "ok": bool(ok), "detail": detail})
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        for name, (cfg_cls, model_cls, extra) in VARIANTS.items():
            cfg = cfg_cls(**{**BASE, **extra})
            cfg._attn_implementation = "eager"
            model = model_cls(cfg)
            with torch.no_grad():   # larger weights than the default init, so logits are far from uniform
                for n, p in model.named_parameters():
                    p.copy_(torch.randn_like(p) * (0.1 if "norm" in n else 0.15) + (1.0 if "norm" in n else 0.0))
            d = os.path.join(tmp, name)
            model.save_pretrained(d, safe_serialization=True)

            gen = torch.Generator().manual_seed(len(name))
            ids = torch.randint(0, cfg.vocab_size, (40,), generator=gen).tolist()
            ref = hf_logprobs(model, ids, "cpu", torch.float32)
            out = json.loads(run([args.finetune, "score", "--model", d], json.dumps({"ids": ids}) + "\n"))
            diff = max(abs(a - b) for a, b in zip(ref, out["logprobs"]))
            check(f"{name} fp32 cpu logprobs", diff < 1e-4, f"max |diff| = {diff:.2e}")

            prompt = ids[:8]
            model.generation_config.eos_token_id = None   # run all 24 steps, like --ignore-eos
            with torch.no_grad():
                hf = model.to(torch.float32).generate(torch.tensor([prompt]), max_new_tokens=24, do_sample=False,
                                                      pad_token_id=0)[0].tolist()
            ours = json.loads(run([args.finetune, "generate", "--model", d, "--ids", ",".join(map(str, prompt)),
                                   "--max-new-tokens", "24", "--ignore-eos", "--json"]))["ids"]
            same = sum(a == b for a, b in zip(hf, ours))
            check(f"{name} greedy 24 tokens", hf == ours, f"{same}/{len(hf)} ids equal")

            dev = "cuda" if cuda else "cpu"
            ref_bf16 = hf_logprobs(model, ids, dev, torch.bfloat16)
            out = json.loads(run([args.finetune, "score", "--model", d, "--dtype", "bf16", "--device", dev],
                                 json.dumps({"ids": ids}) + "\n"))
            diff = max(abs(a - b) for a, b in zip(ref_bf16, out["logprobs"]))
            mean = sum(abs(a - b) for a, b in zip(ref_bf16, out["logprobs"])) / len(ref_bf16)
            check(f"{name} bf16 {dev} logprobs", diff < 2e-2, f"max |diff| = {diff:.2e}, mean {mean:.2e}")

    print(f"{passed} passed, {failed} failed")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, indent=2)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
