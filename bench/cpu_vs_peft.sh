#!/usr/bin/env bash
# LoRA training on the CPU, ours against transformers + PEFT on the same machine and the same libtorch
# release (PyTorch's, from the project's Python environment; our build/ links the same libtorch), one
# after the other, at the same shapes: SmolLM2-135M's shape in float32 at 1 x 512 and 4 x 256 tokens,
# and the demo's starter model (bench/shapes/demo-starter.json) at its run's 2 x 128. Prints tokens/s,
# peak RSS, the ATen operators each stack dispatches per step (a GPU's kernel launches, seen from the
# CPU) and the ratios (bench/side_by_side.py).
# Usage (repository root, after scripts/build): bench/cpu_vs_peft.sh [FINETUNE]
#   THREADS=2 (default 1) sets both stacks' threads; OUT (default ./bench-results) keeps the lines;
#   OLD=build-debian/cli/finetune adds ours on Debian's libtorch 1.13 beside them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ft="${1:-$root/build/cli/finetune}"
out="${OUT:-$PWD/bench-results}"
threads="${THREADS:-1}"
mkdir -p "$out"
export HF_HUB_OFFLINE=1 TRANSFORMERS_VERBOSITY=error   # nothing fetched from a hub
"$root/scripts/pyenv"
py="$("$root/scripts/pyenv" --path)/bin/python"
results="$out/cpu_vs_peft.jsonl"
: > "$results"
"$ft" info | "$py" -c 'import json,sys; print("finetune:", json.load(sys.stdin)["engine"])'
"$py" -c 'import torch, transformers, peft; print("reference: torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__)'

settings=(   # shape batch seq steps
  "smollm2-135m 1 512 3"
  "smollm2-135m 4 256 3"
  "demo-starter 2 128 30"
)
for s in "${settings[@]}"; do
  read -r shape batch seq steps <<<"$s"
  cfg="$root/bench/shapes/$shape.json"
  echo "== $shape, $batch x $seq, $threads thread(s)" >&2
  # Each in its own process, so that each peak RSS is its own.
  OMP_NUM_THREADS=$threads "$ft" bench --train --config "$cfg" --device cpu --dtype fp32 --batch "$batch" --seq "$seq" --r 16 \
    --steps "$steps" --warmup 1 --threads "$threads" --count-ops --json | tail -1 >> "$results"
  if [[ -n "${OLD:-}" ]]; then
    OMP_NUM_THREADS=$threads "$OLD" bench --train --config "$cfg" --device cpu --dtype fp32 --batch "$batch" --seq "$seq" --r 16 \
      --steps "$steps" --warmup 1 --threads "$threads" --count-ops --json | tail -1 >> "$results"
  fi
  OMP_NUM_THREADS=$threads "$py" "$root/bench/parity/peft_train_bench.py" --config "$cfg" --device cpu --batch "$batch" --seq "$seq" \
    --r 16 --steps "$steps" --warmup 1 --count-ops | tail -1 >> "$results"
done
"$py" "$root/bench/side_by_side.py" "$results" | tee "$out/cpu_vs_peft.md"
