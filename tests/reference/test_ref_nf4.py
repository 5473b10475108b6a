#!/usr/bin/env python3
"""NF4 (QLoRA's 4-bit format) against bitsandbytes, on the CPU, for random matrices and real-looking
ones (a scale per row and per column, heavy tails, outliers), float32 and bfloat16, with and without
double quantization, sizes that do and do not fill the last block:
  * the packed 4-bit codes, the blocks' absmax, the double-quantization offset and the nested
    absmax that `finetune quantize` writes equal bitsandbytes.functional.quantize_4bit(quant_type="nf4",
    compress_statistics=True) bit for bit;
  * the 8-bit codes of the absmax equal bitsandbytes' portable quantize_blockwise (backends/default,
    nearest code) bit for bit; its CPU library rounds a few values next to a midpoint the other
    way (a lookup table): those are counted, and must be off by one code at most;
  * bitsandbytes' dequantize_4bit of our state, rebuilt from the file by QuantState.from_dict, equals
    the weights `finetune quantize --dequantized` gives, bit for bit.
Usage: python3 tests/reference/test_ref_nf4.py   (FT_CLI names the finetune binary)
"""
import json, os, sys, tempfile

import torch
from safetensors.torch import load_file, save_file

sys.path.insert(0, os.path.dirname(__file__))
from reference import Checks, finetune_json  # noqa: E402

import bitsandbytes.functional as F  # noqa: E402


def real_looking(rows, cols, gen):
    """A trained layer's weight: Student-t tails, row and column scales, a few large outliers."""
    w = torch.distributions.StudentT(4.0).sample((rows, cols)) * 0.02
    w *= torch.exp(torch.randn(rows, 1, generator=gen) * 0.3) * torch.exp(torch.randn(1, cols, generator=gen) * 0.2)
    idx = torch.randint(0, rows * cols, (max(1, rows * cols // 2000),), generator=gen)
    w.view(-1)[idx] *= 20
    return w


def portable_quantize_blockwise(values, code):
    """bitsandbytes' own portable kernel (backends/default), reached past its CPU library."""
    op = torch.ops.bitsandbytes.quantize_blockwise.default
    return op.redispatch(torch._C.DispatchKeySet(torch._C.DispatchKey.CompositeExplicitAutograd), values, code, 256)


def same(checks, name, a, b):
    equal = a.shape == b.shape and a.dtype == b.dtype and torch.equal(a, b)
    detail = "equal" if equal else (f"shapes {tuple(a.shape)} and {tuple(b.shape)}" if a.shape != b.shape else
                                     f"{int((a != b).sum())} of {a.numel()} differ")
    return checks.check(name, equal, detail)


def main():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)
    checks = Checks()
    weights = {
        "random.float32": torch.randn(256, 192) * 0.05,
        "random_odd.float32": torch.randn(33, 77),  # 2,541 values: a partial last block, an odd count
        "tiny.float32": torch.randn(1, 40),  # a single partial block: absmax minus its mean is 0
        "real.float32": real_looking(512, 384, gen),
        "real.bfloat16": real_looking(384, 512, gen).to(torch.bfloat16),
        "wide.bfloat16": (torch.randn(64, 4096) * 0.01).to(torch.bfloat16),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for double in (True, False):
            src, out, back = (os.path.join(tmp, f) for f in ("in.safetensors", "nf4.safetensors", "back.safetensors"))
            save_file(weights, src)
            args = ["quantize", "--in", src, "--out", out, "--dequantized", back] + ([] if double else ["--no-double-quant"])
            report = finetune_json(*args)
            ours, ours_back = load_file(out), load_file(back)
            tag = "double quantization" if double else "plain absmax"
            lut_differences, absmax_codes, worst_step = 0, 0, 0
            for name, w in weights.items():
                degenerate = name.startswith("tiny")
                q, state = F.quantize_4bit(w, blocksize=64, quant_type="nf4", compress_statistics=double)
                same(checks, f"{tag}, {name}: packed codes", ours[name], q)
                if double:
                    stored = json.loads(bytes(ours[name + ".quant_state.bitsandbytes__nf4"].tolist()))
                    checks.check(f"{tag}, {name}: offset", torch.tensor(stored["nested_offset"], dtype=torch.float32) == state.offset,
                                 f"{stored['nested_offset']!r} and {state.offset.item()!r}")
                    raw_absmax = torch.ops.bitsandbytes.quantize_4bit.default(w, 64, "nf4", torch.uint8)[1]
                    portable, nested = portable_quantize_blockwise(raw_absmax - state.offset, state.state2.code)
                    same(checks, f"{tag}, {name}: absmax codes vs bitsandbytes' portable quantize_blockwise", ours[name + ".absmax"],
                         portable.reshape(-1))
                    same(checks, f"{tag}, {name}: nested absmax vs the portable quantize_blockwise", ours[name + ".nested_absmax"], nested)
                    if not degenerate:  # one block whose absmax less its mean is 0: the CPU library divides 0 by 0
                        same(checks, f"{tag}, {name}: nested absmax vs quantize_4bit", ours[name + ".nested_absmax"], state.state2.absmax)
                        diff = (ours[name + ".absmax"].int() - state.absmax.int()).abs()
                        lut_differences += int((diff > 0).sum())
                        absmax_codes += diff.numel()
                        worst_step = max(worst_step, int(diff.max()))
                else:
                    same(checks, f"{tag}, {name}: absmax", ours[name + ".absmax"], state.absmax)
                # bitsandbytes reads our serialized state and dequantizes it: our dequantized weights.
                qs = {k[len(name) + 1:]: v for k, v in ours.items() if k.startswith(name + ".")}
                theirs = F.dequantize_4bit(ours[name], F.QuantState.from_dict(qs, device="cpu"))
                same(checks, f"{tag}, {name}: dequantize_4bit of our state vs ours", theirs, ours_back[name])
            if double:
                print(f"      absmax codes where bitsandbytes' CPU library rounds the other way: {lut_differences} of {absmax_codes}")
                checks.check("those differ by one code at most", worst_step <= 1, f"by {worst_step}")
            print(f"      {report['bytes_before']:,} bytes -> {report['bytes_after']:,} ({tag})")
    checks.finish()


if __name__ == "__main__":
    main()
