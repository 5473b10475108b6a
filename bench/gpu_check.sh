#!/usr/bin/env bash
# Everything we check on a CUDA machine, in one call: build core + cli against the machine's PyTorch,
# then run the parity scripts and the benchmarks. Results go to $OUT (or ./gpu-results).
# Usage (from the repository root): bash bench/gpu_check.sh
set -uo pipefail
out="${OUT:-$PWD/gpu-results}"
mkdir -p "$out"
prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
sqlite_inc=""
if [[ -d .deps/sqlite/usr/include ]]; then sqlite_inc="-DSQLite3_INCLUDE_DIR=$PWD/.deps/sqlite/usr/include"; fi
cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DFT_BUILD_GUI=OFF -DFT_BUILD_TESTS=OFF \
  -DFT_USE_CCACHE=OFF -DCMAKE_PREFIX_PATH="$prefix" $sqlite_inc 2>&1 | tail -3
cmake --build build-gpu --parallel "$(nproc)" 2>&1 | tail -5 | tee "$out/build.log"
ft=build-gpu/cli/finetune
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$out/gpu.txt"

PYTHONUNBUFFERED=1 python3 bench/parity/parity_model.py --finetune "$ft" --out "$out/parity_model.json" 2>&1 | tee "$out/parity_model.log"

PYTHONUNBUFFERED=1 python3 bench/parity/parity_lora.py --finetune "$ft" 2>&1 | tee "$out/parity_lora.log"

if [[ -d build/fixtures/tokenizers ]]; then   # carried from a machine that ran scripts/fetch-fixtures
  PYTHONUNBUFFERED=1 python3 bench/parity/tokenizer_reference.py --fixtures build/fixtures/tokenizers --finetune "$ft" 2>&1 | tee "$out/tokenizer_reference.log"
fi

for shape in smollm2-135m qwen2.5-0.5b tinyllama-1.1b llama-3.2-1b; do
  for dev in cuda cpu; do
    dtype=bf16; [[ $dev == cpu ]] && dtype=fp32
    "$ft" bench --config "bench/shapes/$shape.json" --device "$dev" --dtype "$dtype" --batch 1 --prompt-len 512 \
      --new-tokens 64 --repeat 3 --json 2>&1 | tee -a "$out/bench_generate.jsonl"
  done
done

# Training: parity with PEFT (loss curves, trained adapters), then throughput against transformers + PEFT.
PYTHONUNBUFFERED=1 python3 bench/parity/parity_train.py --finetune "$ft" 2>&1 | tee "$out/parity_train.log"
OUT="$out" LEVERS=1 bash bench/train_vs_peft.sh "$ft" 2>&1 | tee "$out/train_vs_peft.log"
