#!/usr/bin/env python3
"""Training parity with transformers + PEFT on a tiny random Llama (CUDA machine):
  1. from the same initial adapter (made by PEFT with init_lora_weights=False), on the same batches
     (every example in every step, so the order cannot differ) and the same hyperparameters
     (AdamW, constant lr, gradient clipping at 1.0), our per-step losses over 50 steps follow a
     plain PyTorch + PEFT loop: fp32 within 1e-3 relative, bf16 base weights within bf16 noise;
  2. the adapter our fp32 run produced, loaded with peft.PeftModel, gives the log-probabilities of
     `finetune score --adapter` (within 1e-4).
Usage: python3 bench/parity/parity_train.py --finetune build-gpu/cli/finetune [--device cuda]
Prints PASS/FAIL lines and "N passed, M failed"; exits non-zero on failure.
"""
import argparse, json, os, random, subprocess, sys, tempfile

import torch
from peft import LoraConfig, PeftModel, get_peft_model
from transformers import LlamaConfig, LlamaForCausalLM

TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def byte_symbols():
    """GPT-2's byte -> printable character mapping (id of byte b is b)."""
    out, n = [], 0
    for b in range(256):
        printable = (33 <= b <= 126) or (0xA1 <= b <= 0xAC) or (0xAE <= b <= 0xFF)
        out.append(chr(b) if printable else chr(256 + n))
        n += not printable
    return out


def write_tokenizer(d):
    vocab = {s: i for i, s in enumerate(byte_symbols())}
    added = [{"id": 256 + i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
             for i, t in enumerate(["<|im_start|>", "<|im_end|>", "<|endoftext|>"])]
    bl = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    tok = {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None, "pre_tokenizer": bl,
           "post_processor": bl, "decoder": bl,
           "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None, "end_of_word_suffix": None,
                     "fuse_unk": False, "byte_fallback": False, "vocab": vocab, "merges": []}}
    json.dump(tok, open(os.path.join(d, "tokenizer.json"), "w"))
    json.dump({"bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>"}, open(os.path.join(d, "tokenizer_config.json"), "w"))
    return 257  # eos id


def run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if out.returncode:
        raise RuntimeError(" ".join(cmd) + "\n" + out.stderr[-3000:])
    return out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--finetune", default="build-gpu/cli/finetune")
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--steps", type=int, default=50)
    args = ap.parse_args()
    torch.manual_seed(0)
    random.seed(0)
    passed = failed = 0

    def check(name, value, tol):
        nonlocal passed, failed
        ok = value < tol
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {value:.2e} (tolerance {tol})", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        base_dir = os.path.join(tmp, "base")
        cfg = LlamaConfig(vocab_size=260, hidden_size=128, intermediate_size=256, num_hidden_layers=4, num_attention_heads=8,
                          num_key_value_heads=4, max_position_embeddings=512, tie_word_embeddings=False, eos_token_id=257, bos_token_id=256)
        LlamaForCausalLM(cfg).save_pretrained(base_dir, safe_serialization=True)
        eos = write_tokenizer(base_dir)

        # 16 documents of exactly 63 bytes: 64 tokens each with the EOS, no padding anywhere.
        words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "lambda"]
        docs = []
        while len(docs) < 16:
            text = " ".join(random.choice(words) for _ in range(20))[:63].strip()
            if len(text) == 63 and text not in docs:
                docs.append(text)
        with open(os.path.join(tmp, "docs.txt"), "w") as f:
            f.write("\n\n".join(docs) + "\n")
        seqs = [list(d.encode()) + [eos] for d in docs]

        init_dir = os.path.join(tmp, "init")
        lcfg = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.0, init_lora_weights=False, target_modules=TARGETS)
        get_peft_model(LlamaForCausalLM.from_pretrained(base_dir), lcfg).save_pretrained(init_dir, safe_serialization=True)

        lr = 1e-3
        for dtype in ("fp32", "bf16"):
            run_dir = os.path.join(tmp, f"run-{dtype}")
            config = {"model": base_dir, "init_adapter": init_dir, "data": {"train": os.path.join(tmp, "docs.txt")}, "output_dir": run_dir,
                      "lora": {"r": 8, "alpha": 16, "dropout": 0.0, "targets": TARGETS},
                      "train": {"lr": lr, "schedule": "constant", "warmup_steps": 0, "max_steps": args.steps, "batch_size": 16,
                                "max_seq_len": 128, "loss_on": "text", "eval_every": 0, "save_every": 0, "max_grad_norm": 1.0},
                      "device": args.device, "dtype": dtype}
            cfg_path = os.path.join(tmp, f"run-{dtype}.json")
            json.dump(config, open(cfg_path, "w"))
            events = [json.loads(l) for l in run([args.finetune, "train", cfg_path, "--json"]).splitlines() if l.strip()]
            ours = [e["loss"] for e in events if e["event"] == "step"]

            # The reference: plain PyTorch + PEFT on the same full batch.
            torch_dtype = torch.float32 if dtype == "fp32" else torch.bfloat16
            base = LlamaForCausalLM.from_pretrained(base_dir, torch_dtype=torch_dtype, attn_implementation="sdpa").to(args.device)
            model = PeftModel.from_pretrained(base, init_dir, is_trainable=True)
            for n, p in model.named_parameters():
                if "lora_" in n:
                    p.data = p.data.float()
            params = [p for p in model.parameters() if p.requires_grad]
            opt = torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)
            ids = torch.tensor(seqs, device=args.device)
            ref = []
            model.train()
            for _ in range(args.steps):
                logits = model(ids).logits.float()
                loss = torch.nn.functional.cross_entropy(logits[:, :-1].reshape(-1, logits.size(-1)), ids[:, 1:].reshape(-1))
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
                opt.zero_grad()
                ref.append(loss.item())
            worst = max(abs(a - b) / abs(b) for a, b in zip(ours, ref))
            print(f"      {dtype} losses: ours {ours[0]:.4f} -> {ours[-1]:.4f}, PEFT {ref[0]:.4f} -> {ref[-1]:.4f}", flush=True)
            check(f"{args.steps}-step loss curve vs PEFT ({dtype}), max relative difference", worst, 1e-3 if dtype == "fp32" else 3e-2)

            if dtype == "fp32":
                probe = seqs[0][:48]
                peft_trained = PeftModel.from_pretrained(LlamaForCausalLM.from_pretrained(base_dir), os.path.join(run_dir, "adapter")).eval()
                with torch.no_grad():
                    lp = torch.log_softmax(peft_trained(torch.tensor([probe])).logits[0].float(), -1)
                peft_lp = [lp[i, probe[i + 1]].item() for i in range(len(probe) - 1)]
                out = run([args.finetune, "score", "--model", base_dir, "--adapter", os.path.join(run_dir, "adapter")],
                          input=json.dumps({"ids": probe}) + "\n")
                ours_lp = json.loads(out)["logprobs"]
                check("adapter trained here, in peft.PeftModel vs finetune score --adapter", max(abs(a - b) for a, b in zip(peft_lp, ours_lp)), 1e-4)

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
