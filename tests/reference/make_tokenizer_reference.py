#!/usr/bin/env python3
"""Writes tests/data/tokenizers/reference-NAME.jsonl, the committed second opinion that
tests/core/test_tokenizer checks on every build (also where the Python stack is absent): for each
text of texts.json, the ids without and with special tokens and the decodings, from Hugging Face's
tokenizers library. test_ref_tokenizer checks that they stay current.
Usage (the project's Python environment): python tests/reference/make_tokenizer_reference.py FIXTURES/tokenizers
"""
import json, os, sys
from pathlib import Path

from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(__file__))
from test_ref_tokenizer import JSON_TOKENIZERS  # noqa: E402
from tokenizer_texts import DATA  # noqa: E402

texts = json.loads((DATA / "texts.json").read_text())
for name in JSON_TOKENIZERS:
    tok = Tokenizer.from_file(str(Path(sys.argv[1]) / name / "tokenizer.json"))
    lines = []
    for text in texts:
        ids = tok.encode(text, add_special_tokens=False).ids
        lines.append(json.dumps({"text": text, "ids": ids, "ids_special": tok.encode(text, add_special_tokens=True).ids,
                                 "decoded": tok.decode(ids, skip_special_tokens=False),
                                 "decoded_skip": tok.decode(ids, skip_special_tokens=True)}, ensure_ascii=False))
    (DATA / f"reference-{name}.jsonl").write_text("\n".join(lines) + "\n")
    print(f"{name}: {len(texts)} texts")
