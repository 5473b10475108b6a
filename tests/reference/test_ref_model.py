#!/usr/bin/env python3
"""`finetune score` and `finetune generate` against transformers, on tiny random models that
transformers itself makes (save_pretrained, safetensors), one per supported variant:
  * fp32 on the CPU: per-token log-probabilities within 1e-4, 24 greedy tokens identical;
  * bf16 (CUDA when there is one, else the CPU): our log-probabilities no further from the fp32 ones
    than transformers' bf16 log-probabilities are (x1.5 + 1e-3): the same rounding, not the same bits.
Usage: python3 tests/reference/test_ref_model.py   (FT_CLI names the finetune binary)
"""
import json, os, sys, tempfile

import torch
from transformers import (LlamaConfig, LlamaForCausalLM, MistralConfig, MistralForCausalLM, Qwen2Config,
                          Qwen2ForCausalLM)

sys.path.insert(0, os.path.dirname(__file__))
from reference import Checks, finetune_json, max_abs_diff, score  # noqa: E402

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
    "qwen2-bias-tied": (Qwen2Config, Qwen2ForCausalLM, dict(tie_word_embeddings=True, rope_theta=1e6, rms_norm_eps=1e-6)),
    "mistral-window": (MistralConfig, MistralForCausalLM, dict(sliding_window=7)),
}


def make_model(cfg_cls, model_cls, extra):
    cfg = cfg_cls(**{**BASE, **extra})
    cfg._attn_implementation = "eager"
    model = model_cls(cfg)
    with torch.no_grad():   # larger weights than the default init, so that logits are far from uniform
        for n, p in model.named_parameters():
            p.copy_(torch.randn_like(p) * (0.1 if "norm" in n else 0.15) + (1.0 if "norm" in n else 0.0))
    return cfg, model.eval()


def logprobs(model, ids, device, dtype):
    model = model.to(device=device, dtype=dtype)
    with torch.no_grad():
        lp = torch.log_softmax(model(torch.tensor([ids], device=device)).logits[0].float(), -1)
    return [lp[i, ids[i + 1]].item() for i in range(len(ids) - 1)]


def main():
    torch.manual_seed(0)
    checks = Checks()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in VARIANTS.items():
            cfg, model = make_model(*spec)
            folder = os.path.join(tmp, name)
            model.save_pretrained(folder, safe_serialization=True)
            ids = torch.randint(0, cfg.vocab_size, (40,), generator=torch.Generator().manual_seed(len(name))).tolist()

            exact = logprobs(model, ids, "cpu", torch.float32)
            diff = max_abs_diff(exact, score(folder, ids))
            checks.within(f"{name} fp32 cpu log-probabilities", diff, 1e-4)

            prompt = ids[:8]
            model.generation_config.eos_token_id = None   # all 24 steps, like --ignore-eos
            with torch.no_grad():
                theirs = model.to(torch.float32).generate(torch.tensor([prompt]), max_new_tokens=24, do_sample=False,
                                                          pad_token_id=0)[0].tolist()
            ours = finetune_json("generate", "--model", folder, "--ids", ",".join(map(str, prompt)),
                                 "--max-new-tokens", "24", "--ignore-eos", "--json")["ids"]
            same = sum(a == b for a, b in zip(theirs, ours))
            checks.check(f"{name} greedy 24 tokens", theirs == ours, f"{same}/{len(theirs)} ids equal")

            # bf16: our rounding error against float32 no larger than transformers' own (x1.5 + 1e-3).
            theirs_error = max_abs_diff(logprobs(model, ids, device, torch.bfloat16), exact)
            ours_error = max_abs_diff(score(folder, ids, "--dtype", "bf16", "--device", device), exact)
            checks.check(f"{name} bf16 {device}: error against fp32 no larger than transformers' bf16",
                         ours_error <= 1.5 * theirs_error + 1e-3, f"max |diff| ours {ours_error:.2e}, transformers {theirs_error:.2e}")
    checks.finish()


if __name__ == "__main__":
    main()
