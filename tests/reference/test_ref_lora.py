#!/usr/bin/env python3
"""LoRA adapters both ways with PEFT, plain, rsLoRA and DoRA, on a tiny random Llama (fp32, CPU):
  * an adapter PEFT made (init_lora_weights=False, so B is not zero), scored by `finetune score
    --adapter`, gives PEFT's per-token log-probabilities within 1e-4;
  * an adapter finetune saved (trained a few steps from random data), loaded by peft.PeftModel, gives
    `finetune score --adapter`'s log-probabilities within 1e-4;
  * `finetune merge` gives the log-probabilities of PEFT's merge_and_unload() within 1e-4.
Usage: python3 tests/reference/test_ref_lora.py   (FT_CLI names the finetune binary)
"""
import json, os, sys, tempfile

import torch
from peft import LoraConfig, PeftModel, get_peft_model
from transformers import LlamaConfig, LlamaForCausalLM

sys.path.insert(0, os.path.dirname(__file__))
from reference import Checks, finetune, hf_logprobs, max_abs_diff, score, write_byte_tokenizer  # noqa: E402

TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def main():
    torch.manual_seed(0)
    checks = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        cfg = LlamaConfig(vocab_size=260, hidden_size=64, intermediate_size=96, num_hidden_layers=2, num_attention_heads=8,
                          num_key_value_heads=2, max_position_embeddings=256, tie_word_embeddings=False,
                          bos_token_id=256, eos_token_id=257)
        base_dir = os.path.join(tmp, "base")
        LlamaForCausalLM(cfg).save_pretrained(base_dir, safe_serialization=True)
        write_byte_tokenizer(base_dir)
        ids = torch.randint(0, 256, (32,)).tolist()
        with open(os.path.join(tmp, "text.txt"), "w") as f:
            f.write("\n\n".join(f"document {i}: the quick brown fox jumps over the lazy dog" for i in range(8)) + "\n")

        for rslora, dora in ((False, False), (True, False), (False, True)):
            tag = "rsLoRA" if rslora else "DoRA" if dora else "LoRA"
            lcfg = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.0, init_lora_weights=False, use_rslora=rslora,
                              use_dora=dora, target_modules=TARGETS)
            peft_model = get_peft_model(LlamaForCausalLM.from_pretrained(base_dir), lcfg).eval()
            peft_dir = os.path.join(tmp, f"peft-{tag}")
            peft_model.save_pretrained(peft_dir, safe_serialization=True)
            checks.within(f"PEFT's {tag} adapter in finetune score",
                          max_abs_diff(hf_logprobs(peft_model, ids), score(base_dir, ids, "--adapter", peft_dir)), 1e-4)

            merged_dir = os.path.join(tmp, f"merged-{tag}")
            finetune("merge", "--model", base_dir, "--adapter", peft_dir, "--out", merged_dir)
            checks.within(f"finetune merge of PEFT's {tag} adapter vs merge_and_unload",
                          max_abs_diff(hf_logprobs(peft_model.merge_and_unload(), ids), score(merged_dir, ids)), 1e-4)

            # Ours into PEFT: a few training steps so that B is not zero, then the saved adapter.
            run_dir = os.path.join(tmp, f"run-{tag}")
            config = {"model": base_dir, "data": {"train": os.path.join(tmp, "text.txt")}, "output_dir": run_dir,
                      "method": "dora" if dora else "lora",
                      "lora": {"r": 8, "alpha": 16, "dropout": 0.0, "targets": TARGETS, "rslora": rslora},
                      "train": {"lr": 1e-2, "schedule": "constant", "warmup_steps": 0, "max_steps": 5, "batch_size": 4,
                                "max_seq_len": 64, "loss_on": "text", "eval_every": 0, "save_every": 0},
                      "device": "cpu", "dtype": "fp32"}
            with open(run_dir + ".json", "w") as f:
                json.dump(config, f)
            finetune("train", run_dir + ".json")
            adapter = os.path.join(run_dir, "adapter")
            theirs = PeftModel.from_pretrained(LlamaForCausalLM.from_pretrained(base_dir), adapter).eval()
            read = theirs.peft_config["default"]
            checks.check(f"our {tag} adapter's config as PEFT reads it", read.use_rslora == rslora and read.use_dora == dora,
                         f"use_rslora = {read.use_rslora}, use_dora = {read.use_dora}")
            checks.within(f"our {tag} adapter in peft.PeftModel vs finetune score",
                          max_abs_diff(hf_logprobs(theirs, ids), score(base_dir, ids, "--adapter", adapter)), 1e-4)
    checks.finish()


if __name__ == "__main__":
    main()
