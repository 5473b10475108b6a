#!/usr/bin/env bash
# Everything we check on a CUDA machine, in one call: build core + cli against the machine's PyTorch,
# then run the parity scripts and the benchmarks. Results go to $OUT (or ./gpu-results).
# Usage (from the repository root): bash bench/gpu_check.sh
set -uo pipefail
out="${OUT:-$PWD/gpu-results}"
mkdir -p "$out"
torch_dir=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')
prefix="$torch_dir/share/cmake;$torch_dir"
sqlite_inc=""
if [[ -d .deps/sqlite/usr/include ]]; then sqlite_inc="-DSQLite3_INCLUDE_DIR=$PWD/.deps/sqlite/usr/include"; fi
cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DFT_BUILD_GUI=OFF -DFT_BUILD_TESTS=OFF \
  -DFT_USE_CCACHE=OFF -DCMAKE_PREFIX_PATH="$prefix" $sqlite_inc 2>&1 | tail -3
cmake --build build-gpu --parallel "$(nproc)" 2>&1 | tail -5 | tee "$out/build.log"
ft=build-gpu/cli/finetune
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$out/gpu.txt"
"$ft" info | tee "$out/info.json"   # must say CUDA compiled in and list the GPU

export FT_CLI="$PWD/$ft" PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
# The reference checks (tests/reference), here with the GPU: test_ref_model's bf16 check runs on CUDA.
python3 tests/reference/test_ref_model.py 2>&1 | tee "$out/ref_model.log"
python3 tests/reference/test_ref_lora.py 2>&1 | tee "$out/ref_lora.log"
if [[ -d .fixtures/tokenizers ]]; then   # carried: scripts/fetch-fixtures .fixtures/tokenizers on a machine with network
  python3 tests/reference/test_ref_tokenizer.py .fixtures/tokenizers 2>&1 | tee "$out/ref_tokenizer.log"
fi

for shape in smollm2-135m qwen2.5-0.5b tinyllama-1.1b llama-3.2-1b; do
  for dev in cuda cpu; do
    dtype=bf16; [[ $dev == cpu ]] && dtype=fp32
    "$ft" bench --config "bench/shapes/$shape.json" --device "$dev" --dtype "$dtype" --batch 1 --prompt-len 512 \
      --new-tokens 64 --repeat 3 --json 2>&1 | tee -a "$out/bench_generate.jsonl"
  done
done

# Training: parity with PEFT (loss curves, trained adapters), then throughput against transformers + PEFT.
python3 tests/reference/test_ref_train.py --device cuda 2>&1 | tee "$out/ref_train.log"
OUT="$out" LEVERS=1 bash bench/train_vs_peft.sh "$ft" 2>&1 | tee "$out/train_vs_peft.log"
