#!/usr/bin/env python3
"""`finetune export --format gguf` checked in llama.cpp itself (llama-cpp-python, built from PyPI's
source) and read back with the gguf package. Tiny random models that transformers makes, with real
tokenizers (Llama 3, Qwen2.5, DeepSeek V4, Mistral's SentencePiece model), each exported as f32, f16
and q8_0:
  * the file's metadata as the gguf package reads it: architecture, the chat template of the model
    folder, BOS/EOS ids;
  * llama.cpp splits texts (scripts, digits, whitespace, code, a chat prompt with special tokens) into
    the ids `finetune tokenize` gives;
  * llama.cpp's log-probability of each token of a sequence (the chat prompt and 24 tokens our greedy
    decoding added) against `finetune score`: within 1e-3 for f32, 2e-2 for f16 and 0.1 for q8_0;
    with f32, llama.cpp's greedy choice at every generated position is ours (or a near-tie, < 1e-3).
And a trained adapter: the base model as f32 GGUF with the adapter as a GGUF LoRA (llama.cpp's
--lora) gives the log-probabilities of `finetune score --adapter` within 1e-3.
Usage: python3 tests/reference/test_ref_gguf.py FIXTURES/tokenizers
"""
import json, os, shutil, sys, tempfile

import numpy as np
import torch
from gguf import GGMLQuantizationType, GGUFReader
from gguf.quants import quantize
from llama_cpp import Llama
from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM

sys.path.insert(0, os.path.dirname(__file__))
from reference import Checks, finetune, finetune_json, json_lines, max_abs_diff, score  # noqa: E402

SMALL = dict(hidden_size=64, intermediate_size=96, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
             max_position_embeddings=1024, rms_norm_eps=1e-5)
# name: (tokenizer fixture, config class, model class, extra config)
MODELS = {
    "llama3-gqa": ("llama3", LlamaConfig, LlamaForCausalLM, dict(tie_word_embeddings=True, rope_theta=500000.0)),
    "qwen2.5-bias": ("qwen2_5", Qwen2Config, Qwen2ForCausalLM, dict(tie_word_embeddings=True, rope_theta=1e6)),
    "deepseek-llama3rope": ("deepseek_v4", LlamaConfig, LlamaForCausalLM, dict(
        tie_word_embeddings=True, rope_theta=500000.0, rope_scaling={
            "rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
            "original_max_position_embeddings": 64})),
    "mistral-spm-mha": ("mistral_v1", LlamaConfig, LlamaForCausalLM, dict(num_key_value_heads=4, tie_word_embeddings=False)),
}
TEXTS = ["Hello world! The quick brown fox, 1234567 times.", "  two  spaces and\ttabs\n\nnewlines  ",
         "café naïve Ünïcödé 日本語のテキスト 😀👍", "it's they're we'll I'd", "3.14159 + 2,718 = 5.85959", "x" * 40,
         '<a href="x">{"key": [1, 2]}</a>']
TOLERANCE = {"f32": 1e-3, "f16": 2e-2}


def vocab_size(folder):
    tok = json.load(open(os.path.join(folder, "tokenizer.json")))
    return max(list(tok["model"]["vocab"].values()) + [a["id"] for a in tok["added_tokens"]]) + 1


def make_model(folder, fixture, cfg_cls, model_cls, extra):
    vocab = vocab_size(fixture)
    tok_cfg = json.load(open(os.path.join(fixture, "tokenizer_config.json"))) if os.path.exists(
        os.path.join(fixture, "tokenizer_config.json")) else {}
    cfg = cfg_cls(vocab_size=vocab, **{**SMALL, **extra})
    model = model_cls(cfg)
    with torch.no_grad():   # weights large enough that greedy choices are rarely near-ties
        for n, p in model.named_parameters():
            p.copy_(torch.randn_like(p) * (0.1 if "norm" in n else 0.2) + (1.0 if "norm" in n else 0.0))
    model.save_pretrained(folder, safe_serialization=True)
    for f in os.listdir(fixture):
        shutil.copy(os.path.join(fixture, f), folder)
    if "chat_template" not in tok_cfg:   # every exported model here carries a template to check
        tok_cfg["chat_template"] = ("{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
                                    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
        json.dump(tok_cfg, open(os.path.join(folder, "tokenizer_config.json"), "w"))
    return tok_cfg


def llama_logprobs(llm, ids):
    """ln p of ids[1:], each given the ones before it, and llama.cpp's argmax at each position."""
    llm.reset()
    llm.eval(ids)
    logits = np.array(llm.scores[: len(ids)], dtype=np.float64)
    logits -= logits.max(axis=1, keepdims=True)
    lp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return [lp[i, ids[i + 1]] for i in range(len(ids) - 1)], lp.argmax(axis=1).tolist()


def field(reader, key):
    f = reader.fields.get(key)
    if f is None:
        return None
    value = f.parts[f.data[0]]
    return bytes(value).decode() if value.dtype == np.uint8 else value.tolist()[0]


def open_llama(path, lora=None):
    # The attention cache in f32 (type 0), not llama.cpp's default f16, so that an f32 file is compared
    # with f32 arithmetic; one thread (two wait for each other on a 2-core machine).
    return Llama(model_path=path, lora_path=lora, n_ctx=512, n_batch=512, n_threads=1, logits_all=True, type_k=0,
                 type_v=0, verbose=False)


def check_model(checks, tmp, name, folder, tok_cfg):
    chat = finetune_json("render", "--model", folder, "--add-generation-prompt",
                         stdin=json.dumps({"messages": [{"role": "user", "content": "Order 3 pizzas, café au lait x2 — to 12 Main St."}]}))["text"]
    prompt = finetune_json("tokenize", "--model", folder, "--add-special", stdin=chat)["ids"]
    generated = finetune_json("generate", "--model", folder, "--ids", ",".join(map(str, prompt)), "--max-new-tokens", "24",
                              "--ignore-eos", "--temperature", "0", "--json")["ids"]
    ours_lp = score(folder, generated)
    texts = TEXTS + [chat]
    ours_tokens = [j["ids"] for j in json_lines(finetune("tokenize", "--model", folder, "--jsonl",
                                                         stdin="".join(json.dumps({"text": t}) + "\n" for t in texts)))]
    for kind in ("f32", "f16", "q8_0"):
        path = os.path.join(tmp, f"{name}-{kind}.gguf")
        finetune("export", "--model", folder, "--format", "gguf", "--type", kind, "--out", path)
        reader = GGUFReader(path)
        meta_ok = (field(reader, "tokenizer.chat_template") == tok_cfg["chat_template"]
                   and field(reader, "general.architecture") in ("llama", "qwen2"))
        checks.check(f"{name} {kind}: metadata (architecture, chat template)", meta_ok,
                     f"architecture {field(reader, 'general.architecture')}, eos {field(reader, 'tokenizer.ggml.eos_token_id')}")
        llm = open_llama(path)
        # llama.cpp's SentencePiece-style tokenizer always adds its space prefix; Hugging Face's
        # Metaspace does not where the text already starts with a space. No GGUF key says "unless", so
        # such texts are left out for those files (and counted).
        spm_style = field(reader, "tokenizer.ggml.model") == "llama"
        pairs = [(t, a) for t, a in zip(texts, ours_tokens) if not (spm_style and t[:1].isspace())]
        theirs_tokens = [llm.tokenize(t.encode(), add_bos=False, special=True) for t, _ in pairs]
        same = sum(a == b for (_, a), b in zip(pairs, theirs_tokens))
        first = next((f"{t[:30]!r}: ours {a[:10]} llama.cpp {b[:10]}" for (t, a), b in zip(pairs, theirs_tokens) if a != b), "")
        left_out = len(texts) - len(pairs)
        checks.check(f"{name} {kind}: llama.cpp tokenizes as we do", same == len(pairs),
                     f"{same}/{len(pairs)} texts" + (f" ({left_out} starting with a space left out)" if left_out else "")
                     + (f"; {first}" if first else ""))
        theirs_lp, argmax = llama_logprobs(llm, generated)
        diff = max_abs_diff(ours_lp, theirs_lp)
        if kind in TOLERANCE:
            checks.within(f"{name} {kind}: log-probabilities in llama.cpp vs finetune score", diff, TOLERANCE[kind])
        else:
            # q8_0 rounds weights and (in llama.cpp's matmuls) activations to 8 bits: the file's blocks
            # are checked bit for bit below; here only that llama.cpp's answers stay near ours.
            mean = sum(abs(a - b) for a, b in zip(ours_lp, theirs_lp)) / len(ours_lp)
            checks.check(f"{name} q8_0: log-probabilities in llama.cpp near finetune score", diff < 1.0 and mean < 0.1,
                         f"max |diff| {diff:.2e} (bound 1), mean {mean:.2e} (bound 0.1)")
            check_q8_blocks(checks, name, os.path.join(tmp, f"{name}-f32.gguf"), reader)
        if kind == "f32":
            start = len(prompt) - 1
            parted = [i for i in range(start, len(generated) - 1) if argmax[i] != generated[i + 1]]
            # a position where llama.cpp's choice differs counts only if our own margin was no near-tie
            real = [i for i in parted if near_tie_margin(folder, generated, i, argmax[i]) >= 1e-3]
            checks.check(f"{name} f32: llama.cpp's greedy choice at each of 24 positions is ours", not real,
                         f"{24 - len(parted)}/24 alike" + (f", {len(parted) - len(real)} near-ties" if parted else ""))
        del llm


def check_q8_blocks(checks, name, f32_path, q8_reader):
    """Every q8_0 tensor of our file, byte for byte, is what the gguf package's quantizer (ggml's
    reference, in Python) makes of the same tensor of our f32 file."""
    f32 = {t.name: t for t in GGUFReader(f32_path).tensors}
    quantized = [t for t in q8_reader.tensors if t.tensor_type == GGMLQuantizationType.Q8_0]
    same = sum(np.array_equal(quantize(np.asarray(f32[t.name].data, dtype=np.float32), GGMLQuantizationType.Q8_0).reshape(-1),
                              np.asarray(t.data).reshape(-1)) for t in quantized)
    checks.check(f"{name} q8_0: blocks identical to the gguf package's quantizer", quantized and same == len(quantized),
                 f"{same}/{len(quantized)} tensors")


def near_tie_margin(folder, ids, i, other):
    """How far ahead our choice ids[i+1] was of llama.cpp's `other`, in our own log-probabilities."""
    mine = score(folder, ids[: i + 2])[-1]
    alt = score(folder, ids[: i + 1] + [other])[-1]
    return mine - alt


def check_adapter(checks, tmp, folder):
    """A run trained here, its adapter as a GGUF LoRA on the f32 base, against finetune score --adapter."""
    data = os.path.join(tmp, "orders.jsonl")
    with open(data, "w") as f:
        for i in range(16):
            f.write(json.dumps({"messages": [{"role": "user", "content": f"Order {i + 2} lemons"},
                                             {"role": "assistant", "content": f'{{"item": "lemon", "quantity": {i + 2}}}'}]}) + "\n")
    run_dir = os.path.join(tmp, "run")
    config = {"model": folder, "data": {"train": data}, "output_dir": run_dir,
              "lora": {"r": 4, "alpha": 8, "dropout": 0.0, "targets": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj",
                                                                          "up_proj", "down_proj"]},
              "train": {"lr": 1e-2, "schedule": "constant", "warmup_steps": 0, "max_steps": 6, "batch_size": 4,
                        "max_seq_len": 64, "eval_every": 0, "save_every": 0},
              "device": "cpu", "dtype": "fp32"}
    with open(run_dir + ".json", "w") as f:
        json.dump(config, f)
    finetune("train", run_dir + ".json")
    base = os.path.join(tmp, "base-f32.gguf")
    adapter = os.path.join(tmp, "adapter.gguf")
    finetune("export", "--model", folder, "--format", "gguf", "--type", "f32", "--out", base)
    finetune("export", "--run", run_dir, "--format", "gguf-adapter", "--out", adapter)
    ids = finetune_json("tokenize", "--model", folder, "--add-special", stdin="Order 7 lemons, please")["ids"]
    ours = score(folder, ids, "--adapter", os.path.join(run_dir, "adapter"))
    theirs, _ = llama_logprobs(open_llama(base, lora=adapter), ids)
    plain, _ = llama_logprobs(open_llama(base), ids)
    checks.check("trained adapter: changes llama.cpp's log-probabilities", max_abs_diff(plain, theirs) > 1e-2,
                 f"max |diff| without/with = {max_abs_diff(plain, theirs):.2e}")
    checks.within("trained adapter as GGUF LoRA in llama.cpp vs finetune score --adapter", max_abs_diff(ours, theirs), 1e-3)


def main():
    fixtures = sys.argv[1]
    torch.manual_seed(0)
    checks = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (fixture, cfg_cls, model_cls, extra) in MODELS.items():
            folder = os.path.join(tmp, name)
            tok_cfg = make_model(folder, os.path.join(fixtures, fixture), cfg_cls, model_cls, extra)
            check_model(checks, tmp, name, folder, tok_cfg)
        check_adapter(checks, tmp, os.path.join(tmp, "qwen2.5-bias"))
    checks.finish()


if __name__ == "__main__":
    main()
