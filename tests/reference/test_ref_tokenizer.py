#!/usr/bin/env python3
"""`finetune tokenize` against Hugging Face's tokenizers library on real tokenizer files of five model
families (scripts/fetch-fixtures: Llama 3 and 3.2, Qwen2.5, DeepSeek V4, Mistral v1 and v3, Gemma 3) and a
SentencePiece tokenizer.model against the sentencepiece library, on the hand-picked and hostile texts
of tokenizer_texts.py: ids without and with special tokens identical, decoding (with and without
special tokens) identical. Also checks that the committed second-opinion ids
(tests/data/tokenizers/reference-*.jsonl, which tests/core/test_tokenizer reads) are still what the
library gives. Usage: python3 tests/reference/test_ref_tokenizer.py FIXTURES/tokenizers
"""
import json, os, sys, unicodedata
from pathlib import Path

import sentencepiece
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(__file__))
from reference import Checks, finetune, json_lines  # noqa: E402
from tokenizer_texts import DATA, all_texts  # noqa: E402

def unicode_nfc(text):
    return unicodedata.normalize("NFC", text)


JSON_TOKENIZERS = ["llama3", "llama3_2", "qwen2_5", "deepseek_v4", "mistral_v1", "mistral_v3", "gemma3"]


def ours(folder, texts, *flags):
    stdin = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    return [j["ids"] for j in json_lines(finetune("tokenize", "--tokenizer", folder, "--jsonl", *flags, stdin=stdin))]


def ours_decoded(folder, id_lists, *flags):
    stdin = "".join(json.dumps({"ids": ids}) + "\n" for ids in id_lists)
    return [j["text"] for j in json_lines(finetune("tokenize", "--tokenizer", folder, "--jsonl", "--decode", *flags, stdin=stdin))]


def first_difference(texts, a, b):
    for t, x, y in zip(texts, a, b):
        if x != y:
            return f"first on {t[:40]!r}: ours {str(x)[:80]} vs {str(y)[:80]}"
    return "lengths differ" if len(a) != len(b) else ""


def compare(checks, name, texts, mine, theirs, what):
    same = sum(x == y for x, y in zip(mine, theirs))
    ok = same == len(texts) and len(mine) == len(theirs)
    checks.check(f"{name}: {what}", ok, f"{same}/{len(texts)} texts" + ("" if ok else ", " + first_difference(texts, mine, theirs)))


def main():
    fixtures = Path(sys.argv[1])
    texts = all_texts()
    checks = Checks()
    for name in JSON_TOKENIZERS:
        folder = str(fixtures / name)
        tok = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
        # Where the tokenizer normalizes to NFC, the library's tables are older than the Unicode
        # standard's (it leaves U+0652 U+0D3B unordered, a pair Unicode 10 gave an order). We follow
        # the standard: there the reference is the library on the text as Unicode normalizes it.
        nfc = '"NFC"' in json.dumps(json.load(open(os.path.join(folder, "tokenizer.json"))).get("normalizer"))
        refs = [unicode_nfc(t) if nfc and tok.normalizer.normalize_str(t) != tok.normalizer.normalize_str(unicode_nfc(t)) else t
                for t in texts]
        older = sum(r != t for r, t in zip(refs, texts))
        plain = [tok.encode(t, add_special_tokens=False).ids for t in refs]
        compare(checks, name, texts, ours(folder, texts), plain, "ids" + (f" ({older} by Unicode's NFC)" if older else ""))
        compare(checks, name, texts, ours(folder, texts, "--add-special"),
                [tok.encode(t, add_special_tokens=True).ids for t in refs], "ids with special tokens")
        for skip in (False, True):
            theirs = [tok.decode(ids, skip_special_tokens=skip) for ids in plain]
            compare(checks, name, texts, ours_decoded(folder, plain, *(["--skip-special"] if skip else [])), theirs,
                    "decoded" + (" without special tokens" if skip else ""))
        committed = DATA / f"reference-{name}.jsonl"
        refs = json_lines(committed.read_text())
        stale = [r["text"] for r in refs if tok.encode(r["text"], add_special_tokens=False).ids != r["ids"]
                 or tok.encode(r["text"], add_special_tokens=True).ids != r["ids_special"]]
        checks.check(f"{name}: {committed.name} still what the library gives", refs and not stale,
                     f"{len(refs) - len(stale)}/{len(refs)} lines")

    # tokenizer.model alone: our SentencePiece module against the sentencepiece library, on the texts
    # without control-token strings ("<s>" in a text is BOS to us, as to transformers, and plain text
    # to the sentencepiece library).
    folder = str(fixtures / "mistral_v1_spm")
    sp = sentencepiece.SentencePieceProcessor(model_file=os.path.join(folder, "tokenizer.model"))
    controls = [sp.id_to_piece(i) for i in range(sp.get_piece_size()) if sp.is_control(i) or sp.is_unknown(i)]
    plain_texts = [t for t in texts if not any(c in t for c in controls)]
    compare(checks, f"mistral_v1 tokenizer.model ({len(texts) - len(plain_texts)} texts with control tokens left out)",
            plain_texts, ours(folder, plain_texts), [sp.encode(t) for t in plain_texts], "ids")
    checks.finish()


if __name__ == "__main__":
    main()
