#!/usr/bin/env python3
"""Checks the committed tokenizer reference ids (tests/data/tokenizers/reference-*.jsonl, made with
@huggingface/tokenizers by make_tokenizer_reference.mjs) against the Python/Rust `tokenizers`
library, and our `finetune tokenize` against both. Run on a machine with `tokenizers` installed:
    python3 bench/parity/tokenizer_reference.py --fixtures FIXTURES/tokenizers --finetune build/cli/finetune
FIXTURES is what scripts/fetch-fixtures writes (carry it to machines without network access).
Prints one line per tokenizer and a final "N passed, M failed" line.
"""
import argparse, json, subprocess, sys
from pathlib import Path

from tokenizers import Tokenizer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--finetune", default=None)
    args = ap.parse_args()
    passed = failed = 0
    for ref_path in sorted(Path("tests/data/tokenizers").glob("reference-*.jsonl")):
        name = ref_path.stem[len("reference-"):]
        tok_dir = Path(args.fixtures) / name
        if not (tok_dir / "tokenizer.json").exists():
            print(f"SKIP  {name}: no fixture")
            continue
        tok = Tokenizer.from_file(str(tok_dir / "tokenizer.json"))
        refs = [json.loads(l) for l in ref_path.read_text().splitlines() if l.strip()]
        bad = []
        for r in refs:
            if tok.encode(r["text"], add_special_tokens=False).ids != r["ids"]:
                bad.append(("ids", r["text"]))
            if tok.encode(r["text"], add_special_tokens=True).ids != r["ids_special"]:
                bad.append(("ids_special", r["text"]))
            if r["ids"] and tok.decode(r["ids"], skip_special_tokens=False) != r["decoded"]:
                bad.append(("decoded", r["text"]))
        if args.finetune:
            inp = "".join(json.dumps({"text": r["text"]}) + "\n" for r in refs)
            out = subprocess.run([args.finetune, "tokenize", "--tokenizer", str(tok_dir), "--jsonl"], input=inp,
                                 capture_output=True, text=True, check=True).stdout.splitlines()
            for r, line in zip(refs, out):
                if json.loads(line)["ids"] != tok.encode(r["text"], add_special_tokens=False).ids:
                    bad.append(("finetune", r["text"]))
        ok = not bad
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {len(refs)} texts" + ("" if ok else f", first difference {bad[0]}"))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
