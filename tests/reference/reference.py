"""Shared pieces of the reference checks (tests/reference/test_ref_*.py): each compares `finetune` with
the Python stack it must agree with (transformers, PEFT, tokenizers, llama.cpp) on data it makes
itself, prints one PASS/FAIL line per check and a closing "N passed, N failed" line, and exits 1 on
any failure. ctest runs them through run_reference.sh (label `reference`), which passes FT_CLI.
"""
import json
import os
import subprocess
import sys


def finetune_path():
    return os.environ.get("FT_CLI", "build/cli/finetune")


def run(cmd, stdin=None):
    """Runs a command; its stdout, or an error with the command and the end of its stderr."""
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({p.returncode}):\n{p.stderr[-4000:]}")
    return p.stdout


def finetune(*args, stdin=None):
    return run([finetune_path(), *map(str, args)], stdin)


def finetune_json(*args, stdin=None):
    return json.loads(finetune(*args, stdin=stdin))


def json_lines(text):
    """The objects of JSON-lines output. (Not str.splitlines: it also splits at U+2028, U+0085 and
    others, which JSON strings may hold as they are.)"""
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def score(model_dir, ids, *extra):
    """Per-token log-probabilities of `finetune score` for one sequence of ids."""
    return finetune_json("score", "--model", model_dir, *extra, stdin=json.dumps({"ids": ids}) + "\n")["logprobs"]


def hf_logprobs(model, ids):
    """Per-token log-probabilities of a transformers (or PEFT) model for one sequence of ids."""
    import torch
    with torch.no_grad():
        lp = torch.log_softmax(model(torch.tensor([ids])).logits[0].float(), -1)
    return [lp[i, ids[i + 1]].item() for i in range(len(ids) - 1)]


def max_abs_diff(a, b):
    if len(a) != len(b):
        return float("inf")
    return max((abs(x - y) for x, y in zip(a, b)), default=0.0)


def byte_symbols():
    """GPT-2's byte -> printable character mapping (the id of byte b is b)."""
    out, n = [], 0
    for b in range(256):
        printable = (33 <= b <= 126) or (0xA1 <= b <= 0xAC) or (0xAE <= b <= 0xFF)
        out.append(chr(b) if printable else chr(256 + n))
        n += not printable
    return out


def write_byte_tokenizer(folder, specials=("<|im_start|>", "<|im_end|>", "<|endoftext|>"), config=None):
    """A byte-level BPE tokenizer.json without merges (ids 0-255 are the bytes, specials after them)
    and a tokenizer_config.json. Returns the id of each special token."""
    vocab = {s: i for i, s in enumerate(byte_symbols())}
    added = [{"id": 256 + i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, t in enumerate(specials)]
    level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    tok = {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
           "pre_tokenizer": level, "post_processor": level, "decoder": level,
           "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                     "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "vocab": vocab, "merges": []}}
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "tokenizer.json"), "w") as f:
        json.dump(tok, f)
    cfg = {"bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>",
           "tokenizer_class": "PreTrainedTokenizerFast"}
    cfg.update(config or {})
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as f:
        json.dump(cfg, f)
    return {t: 256 + i for i, t in enumerate(specials)}


class Checks:
    """Counts PASS/FAIL lines; finish() prints the closing line and exits."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        ok = bool(ok)
        self.passed += ok
        self.failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def within(self, name, value, tolerance, what="max |diff|"):
        return self.check(name, value < tolerance, f"{what} = {value:.2e} (tolerance {tolerance:g})")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        sys.exit(1 if self.failed or not self.passed else 0)
