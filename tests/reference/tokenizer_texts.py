"""The texts the tokenizer checks use: tests/data/tokenizers/texts.json (hand-picked: scripts,
whitespace, code, special-token look-alikes) and hostile ones made here from a fixed seed (long
runs, control characters, lone combining marks, zero-width joiners, random code points)."""
import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "tokenizers"


def hostile_texts():
    rng = random.Random(20261204)
    texts = [
        " " * 300, "\n" * 120, "\t \n \r\n" * 40, "a" * 5000, "ab" * 2000, "1" * 400, "日" * 700, "😀" * 300,
        "\u0301\u0301\u0301 lone combining marks", "\u200d\u200d zero-width joiners \u200c\u200b\ufeff",
        "".join(chr(c) for c in range(1, 32)) + "\x7f", "mixed\u2028line\u2029separators\x85next",
        "<|im_end|><|im_end|>im_end|><|", "</s></s><s><unk>[INST][/INST]", "\\u00e9 \\n escaped, not real",
        "RTL \u202eevil\u202c and \u2066isolates\u2069", "Hangul jamo \u1100\u1161\u11a8 vs 각",
        "Tamil க்ஷ Devanagari क्षि Thai ก่ Khmer ក្ស", "emoji 👩🏽\u200d💻 flags 🇯🇵🇺🇳 keycaps 1\ufe0f\u20e3",
        "x" + " " * 17 + "y" + "\n" * 3 + "z" + " " * 250,
    ]
    planes = [(0x20, 0x7e), (0xa0, 0x24f), (0x370, 0x52f), (0x590, 0x6ff), (0x900, 0xdff), (0x3040, 0x30ff),
              (0x4e00, 0x9fff), (0xac00, 0xd7a3), (0x1f300, 0x1faff), (0x10000, 0x1ffff), (0x2000, 0x206f)]
    for _ in range(30):
        chars = []
        for _ in range(rng.randint(1, 120)):
            lo, hi = rng.choice(planes)
            chars.append(chr(rng.randint(lo, hi)))
            if rng.random() < 0.15:
                chars.append(rng.choice(" \n\t  "))
        texts.append("".join(chars))
    return texts


def all_texts():
    return json.loads((DATA / "texts.json").read_text()) + hostile_texts()
