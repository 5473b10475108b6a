#!/usr/bin/env python3
"""Parity of LoRA adapters with PEFT on a tiny random Llama model, with and without rsLoRA:
  * an adapter made by PEFT (init_lora_weights=False, so B is not zero), loaded by `finetune score
    --adapter`, gives PEFT's per-token log-probabilities (fp32, within 1e-4);
  * `finetune merge` of that adapter gives the log-probabilities of PEFT's merge_and_unload().
(Adapters trained by finetune, loaded into PEFT, are checked once the trainer exists.)
Usage: python3 bench/parity/parity_lora.py --finetune build/cli/finetune
Prints PASS/FAIL lines and "N passed, M failed"; exits non-zero on failure.
"""
import argparse, json, os, subprocess, sys, tempfile

import torch
from peft import LoraConfig, get_peft_model
from transformers import LlamaConfig, LlamaForCausalLM


def logprobs(model, ids):
    with torch.no_grad():
        lp = torch.log_softmax(model(torch.tensor([ids])).logits[0].float(), -1)
    return [lp[i, ids[i + 1]].item() for i in range(len(ids) - 1)]


def score(ft, model_dir, ids, adapter=None):
    cmd = [ft, "score", "--model", model_dir] + (["--adapter", adapter] if adapter else [])
    out = subprocess.run(cmd, input=json.dumps({"ids": ids}) + "\n", capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout)["logprobs"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--finetune", default="build/cli/finetune")
    args = ap.parse_args()
    torch.manual_seed(0)
    passed = failed = 0

    def check(name, diff, tol):
        nonlocal passed, failed
        ok = diff < tol
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: max |diff| = {diff:.2e} (tolerance {tol})", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        cfg = LlamaConfig(vocab_size=211, hidden_size=64, intermediate_size=96, num_hidden_layers=2, num_attention_heads=8,
                          num_key_value_heads=2, max_position_embeddings=256, tie_word_embeddings=False)
        base = LlamaForCausalLM(cfg).eval()
        base_dir = os.path.join(tmp, "base")
        base.save_pretrained(base_dir, safe_serialization=True)
        ids = torch.randint(0, cfg.vocab_size, (32,)).tolist()
        for rslora in (False, True):
            lcfg = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.0, init_lora_weights=False, use_rslora=rslora,
                              target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"])
            peft_model = get_peft_model(LlamaForCausalLM.from_pretrained(base_dir), lcfg).eval()
            adapter_dir = os.path.join(tmp, f"peft-adapter-{rslora}")
            peft_model.save_pretrained(adapter_dir, safe_serialization=True)
            ref = logprobs(peft_model, ids)
            ours = score(args.finetune, base_dir, ids, adapter_dir)
            check(f"PEFT adapter (rslora={rslora}) in finetune score", max(abs(a - b) for a, b in zip(ref, ours)), 1e-4)
            merged_dir = os.path.join(tmp, f"merged-{rslora}")
            subprocess.run([args.finetune, "merge", "--model", base_dir, "--adapter", adapter_dir, "--out", merged_dir], check=True,
                           capture_output=True)
            merged_ref = logprobs(peft_model.merge_and_unload(), ids)
            merged_ours = score(args.finetune, merged_dir, ids)
            check(f"merged model (rslora={rslora})", max(abs(a - b) for a, b in zip(merged_ref, merged_ours)), 1e-4)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
