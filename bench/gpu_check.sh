#!/usr/bin/env bash
# Everything we check on a CUDA machine, in one call that fits the device tool's limits:
#   1. the finetune binary: the one carried in .deps/gpu (bench/gpu_carry.sh, built here against the
#      same PyTorch release), else built there against that machine's PyTorch (core and cli only);
#   2. `finetune info` (must list the GPU);
#   3. the side-by-side training table against transformers + PEFT (bench/train_vs_peft.sh), ours
#      also with the step captured as a CUDA graph and with LoRA in the model's dtype (and both),
#      every run with one profiled step;
#   4. the reference checks that use the GPU (bf16 scoring, LoRA, training curves on CUDA);
#   5. prefill/decode tokens/s of `finetune bench` beside transformers' (bench/parity/hf_generate_bench.py).
# A prerequisite that fails (1, 2) stops the script with its message; a measurement that fails is
# logged and the next one runs, so that one short GPU slot tells as much as it can. Every step has a
# time limit. Logs go whole to $OUT/logs/ and are packed into $OUT/gpu-logs.tar.gz after every step
# (the device tool returns at most 8 files); the table is also $OUT/train_vs_peft.md.
# Usage (repository root):
#   bash bench/gpu_check.sh          on a CUDA machine: all of it (about 8 minutes on an H200)
#   bash bench/gpu_check.sh --part 1 steps 1 to 3 (about 6 minutes), --part 2 steps 1, 2, 4 and 5
#                                    (about 3): two device calls that each fit its 10-minute limit
#   bash bench/gpu_check.sh --cpu    here, without a GPU: the same steps at toy sizes on the CPU
#                                    (proves the script runs; measures nothing; ctest's
#                                    test_gpu_check_cpu). FT_GPU_BIN names a binary to use instead
#                                    of the carried one or a build.
set -uo pipefail
mode=cuda part=all
while (($#)); do
  case $1 in
    --cpu) mode=cpu ;;
    --part) part=$2; shift ;;
    *) echo "usage: bash bench/gpu_check.sh [--cpu] [--part 1|2]" >&2; exit 2 ;;
  esac
  shift
done
runs() { [[ $part == all || $part == "$1" ]]; }   # whether this call runs part $1
out="${OUT:-$PWD/gpu-results}"
logs="$out/logs"
mkdir -p "$logs"
python="${FT_GPU_PYTHON:-python3}"
began=$SECONDS
summary="$logs/summary.txt"
: > "$summary"

pack() { tar -C "$out" -czf "$out/gpu-logs.tar.gz.tmp" logs && mv "$out/gpu-logs.tar.gz.tmp" "$out/gpu-logs.tar.gz"; }
note() { printf '%4ss  %s\n' "$((SECONDS - began))" "$*" | tee -a "$summary"; }
# step NAME LIMIT_SECONDS COMMAND...: runs COMMAND with its output in logs/NAME.log, notes how it ended.
step() {
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS rc
  timeout --kill-after=10 "$limit" "$@" > "$logs/$name.log" 2>&1
  rc=$?
  if ((rc == 0)); then note "ok    $name ($((SECONDS - t0)) s)"
  elif ((rc == 124 || rc == 137)); then note "TIME  $name: stopped after ${limit} s"
  else note "FAIL  $name (exit $rc): $(grep -v '^\s*$' "$logs/$name.log" | tail -1)"
  fi
  pack
  return $rc
}

torch_dir=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))') || { note "FAIL  no PyTorch in $python"; pack; exit 1; }
nvidia_lib=$("$python" - <<'EOF'
import glob, os
import torch
root = os.path.dirname(os.path.dirname(torch.__file__))
print(":".join(sorted(set(os.path.dirname(p) for p in glob.glob(os.path.join(root, "nvidia", "**", "lib*.so*"), recursive=True)))))
EOF
)
{ echo "mode $mode"; "$python" -c 'import torch, transformers, peft; print("torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__)'
  [[ $mode == cuda ]] && nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv; nproc; } > "$logs/machine.txt" 2>&1

# 1. The binary. The carried one links the same libtorch release; it finds libtorch through
#    LD_LIBRARY_PATH here, and libft_spm.so, SQLite and SentencePiece beside it.
ft="${FT_GPU_BIN:-}"   # a binary given (the CPU-mode test in tests/ uses the build's)
if [[ -n $ft ]]; then :
elif [[ -x .deps/gpu/bin/finetune ]]; then
  export LD_LIBRARY_PATH="$PWD/.deps/gpu/lib:$torch_dir/lib:$nvidia_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  if step carried-info 60 .deps/gpu/bin/finetune info; then ft="$PWD/.deps/gpu/bin/finetune"; fi
fi
if [[ -z $ft ]]; then
  deps="$PWD/.deps/gpu"   # headers a bare CUDA machine lacks (sqlite3.h, SentencePiece, nlohmann_json)
  args=(-DCMAKE_BUILD_TYPE=Release -DFT_BUILD_GUI=OFF -DFT_BUILD_TESTS=OFF -DFT_USE_CCACHE=OFF
        "-DCMAKE_PREFIX_PATH=$torch_dir/share/cmake;$torch_dir;$deps")
  if [[ -d $deps/include ]]; then
    args+=("-DSQLite3_INCLUDE_DIR=$deps/include" "-DSQLite3_LIBRARY=$deps/lib/libsqlite3.so.0"
           "-DFT_SENTENCEPIECE_INCLUDE=$deps/include" "-DFT_SENTENCEPIECE_LIB=$deps/lib/libsentencepiece.so.0")
    export LD_LIBRARY_PATH="$deps/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
  step configure 120 cmake -S . -B build-gpu -G Ninja "${args[@]}" || exit 1
  step build 420 cmake --build build-gpu --parallel "$(nproc)" --target finetune ft_spm || exit 1
  ft="$PWD/build-gpu/cli/finetune"
fi

# 2. What the engine sees.
step info 60 "$ft" info || exit 1
cp "$logs/info.log" "$out/info.json"
if [[ $mode == cuda ]] && ! grep -q '"cuda' "$logs/info.log"; then note "FAIL  finetune info lists no CUDA device"; pack; exit 1; fi

export FT_CLI="$ft" PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_VERBOSITY=error

# 3. The table: ours beside transformers + PEFT at the issue's five settings (toy sizes on the CPU).
if ! runs 1; then :
elif [[ $mode == cuda ]]; then
  step train_vs_peft 420 env OUT="$out" RUN_LIMIT=80 GRAPH=1 LORA_MODEL_DTYPE=1 PROFILE=1 "$BASH" bench/train_vs_peft.sh "$ft"
else
  step train_vs_peft 600 env OUT="$out" SETTINGS="smollm2-135m 64 1 no;smollm2-135m 64 1 yes" DEVICE=cpu PROFILE=1 \
    LORA_MODEL_DTYPE=1 \
    STEPS=2 WARMUP=1 "$BASH" bench/train_vs_peft.sh "$ft"
fi
[[ -f $out/train_vs_peft.md ]] && cp "$out/train_vs_peft.md" "$logs/"

if runs 2; then
  # 4. The reference checks that use the GPU: bf16 scoring (test_ref_model), training curves (and
  #    LoRA files on the CPU run).
  step ref_model 90 "$python" tests/reference/test_ref_model.py
  [[ $mode == cpu ]] && step ref_lora 60 "$python" tests/reference/test_ref_lora.py   # no GPU in it: CI runs it
  if [[ $mode == cuda ]]; then step ref_train 120 "$python" tests/reference/test_ref_train.py --device cuda
  else step ref_train 300 "$python" tests/reference/test_ref_train.py --steps 5; fi

  # 5. Prefill and decode tokens/s, ours and transformers'.
  gen=(--batch 1 --prompt-len 512 --new-tokens 128 --repeat 3)
  [[ $mode == cpu ]] && gen=(--batch 1 --prompt-len 16 --new-tokens 4 --repeat 1)
  for shape in smollm2-135m llama-3.2-1b; do
    dtype=bf16; [[ $mode == cpu ]] && dtype=fp32
    step "generate-$shape" 60 "$ft" bench --config "bench/shapes/$shape.json" --device "$mode" --dtype "$dtype" "${gen[@]}" --json
    step "hf-generate-$shape" 90 "$python" bench/parity/hf_generate_bench.py --config "bench/shapes/$shape.json" --device "$mode" "${gen[@]}"
    [[ $mode == cpu ]] && break
  done
fi
note "done in $((SECONDS - began)) s"
pack
! grep -q '^ *[0-9]*s  \(FAIL\|TIME\)' "$summary"
