#!/usr/bin/env python3
"""`finetune render` against transformers' apply_chat_template, character for character: every template
of tests/data/chat_templates (nine families) and the chat templates that the real tokenizer fixtures
carry, on every conversation of conversations.json, with and without the generation prompt. Each
template sits in a tokenizer folder of its own (tokenizer_config.json with the template and its
special tokens), which both sides load. Where the template raises an exception (a role it does not
support), both must refuse, and ours must say what the template said.
Usage: python3 tests/reference/test_ref_chat_template.py FIXTURES/tokenizers
"""
import json, os, sys, tempfile
from pathlib import Path

from transformers import AutoTokenizer

sys.path.insert(0, os.path.dirname(__file__))
from reference import Checks, finetune_path, write_byte_tokenizer  # noqa: E402

import subprocess  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "chat_templates"


def ours(folder, messages, generation_prompt):
    cmd = [finetune_path(), "render", "--tokenizer", folder] + (["--add-generation-prompt"] if generation_prompt else [])
    p = subprocess.run(cmd, input=json.dumps({"messages": messages}), capture_output=True, text=True)
    return (json.loads(p.stdout)["text"], None) if p.returncode == 0 else (None, p.stderr.strip())


def theirs(tokenizer, messages, generation_prompt):
    try:
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation_prompt), None
    except Exception as e:  # jinja2's TemplateError, as raise_exception raises it
        return None, str(e)


def template_folders(tmp, fixtures):
    """(name, folder) for each template: the committed ones, then the fixtures' own."""
    specials = json.loads((DATA / "special_tokens.json").read_text())
    for path in sorted(DATA.glob("*.jinja")):
        folder = os.path.join(tmp, path.stem)
        tokens = specials[path.stem]
        names = [t for t in (tokens.get("bos_token"), tokens.get("eos_token")) if t]
        write_byte_tokenizer(folder, specials=tuple(dict.fromkeys(names + ["<|endoftext|>"])),
                             config={"chat_template": path.read_text(), "bos_token": tokens.get("bos_token"),
                                     "eos_token": tokens.get("eos_token"), "pad_token": "<|endoftext|>"})
        yield path.stem, folder
    for name in sorted(os.listdir(fixtures)):
        cfg = Path(fixtures) / name / "tokenizer_config.json"
        if cfg.exists() and "chat_template" in json.loads(cfg.read_text()):
            yield f"{name} (fixture)", str(Path(fixtures) / name)


def main():
    conversations = json.loads((DATA / "conversations.json").read_text())
    checks = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder in template_folders(tmp, sys.argv[1]):
            tokenizer = AutoTokenizer.from_pretrained(folder)
            same, refused, first = 0, 0, ""
            total = 0
            for conv, messages in conversations.items():
                for gp in (False, True):
                    total += 1
                    (mine, my_error), (ref, ref_error) = ours(folder, messages, gp), theirs(tokenizer, messages, gp)
                    if ref_error is not None:
                        ok = my_error is not None and ref_error in my_error
                        refused += ok
                    else:
                        ok = mine == ref
                    same += ok
                    if not ok and not first:
                        first = (f"{conv}, generation prompt {gp}: ours {mine!r:.120} / {my_error!r:.120}, "
                                 f"transformers {ref!r:.120} / {ref_error!r:.120}")
            checks.check(f"{name}: renders as transformers does", same == total,
                         f"{same}/{total} renderings equal ({refused} refused by both)" + (f"; {first}" if first else ""))
    checks.finish()


if __name__ == "__main__":
    main()
