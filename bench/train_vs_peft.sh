#!/usr/bin/env bash
# The GPU issue's table: LoRA training throughput and peak memory of `finetune bench --train` beside
# transformers + PEFT (bench/parity/peft_train_bench.py) at the same five settings, one after the
# other on the same CUDA machine, printed side by side with the ratios.
# Usage (repository root, on a machine with CUDA, PyTorch, transformers and peft):
#   bash bench/train_vs_peft.sh [FINETUNE]      FINETUNE defaults to build-gpu/cli/finetune
#   LEVERS=1 bash bench/train_vs_peft.sh        also runs ours with --composed-ops (what the
#                                               engine's own autograd nodes save)
#   GRAPH=1 bash bench/train_vs_peft.sh         also runs ours with --cuda-graph (the step replayed)
#   LORA_MODEL_DTYPE=1 bash bench/train_vs_peft.sh  also runs ours with --lora-model-dtype (and with
#                                               GRAPH=1 both together)
#   PROFILE=1 bash bench/train_vs_peft.sh       every run profiles one more step (GPU busy time and
#                                               kernels by time in its JSON line)
# Results: $OUT (or ./gpu-results)/train_vs_peft.jsonl and train_vs_peft.md.
set -uo pipefail
out="${OUT:-$PWD/gpu-results}"
mkdir -p "$out"
ft="${1:-build-gpu/cli/finetune}"
[[ -x "$ft" ]] || { echo "no finetune binary at $ft (build it first: bench/gpu_check.sh does)" >&2; exit 2; }
results="$out/train_vs_peft.jsonl"
: > "$results"

# shape, sequence length, batch, gradient checkpointing (the anchor table of the issue); SETTINGS
# replaces them ("shape seq batch yes|no;..."), DEVICE, STEPS and WARMUP the rest (bench/gpu_check.sh --cpu).
settings=(
  "smollm2-135m 1024 16 no"
  "qwen2.5-0.5b 1024 8 no"
  "tinyllama-1.1b 1024 8 no"
  "tinyllama-1.1b 2048 8 yes"
  "llama-3.2-1b 1024 8 no"
)
[[ -n ${SETTINGS:-} ]] && IFS=';' read -r -a settings <<<"$SETTINGS"
device="${DEVICE:-cuda}" steps="${STEPS:-10}" warmup="${WARMUP:-3}"
dtype=bf16; [[ $device == cpu ]] && dtype=fp32
python="${FT_GPU_PYTHON:-python3}"
limit=(timeout --kill-after=5 "${RUN_LIMIT:-900}")   # seconds for one run; a hung run costs no more
for s in "${settings[@]}"; do
  read -r shape seq batch gc <<<"$s"
  cfg="bench/shapes/$shape.json"
  extra=(); [[ $gc == yes ]] && extra=(--gradient-checkpointing)
  echo "== $shape, $batch x $seq${extra[*]:+, gradient checkpointing}" >&2
  common=(--config "$cfg" --device "$device" --batch "$batch" --seq "$seq" --r 16 --steps "$steps" --warmup "$warmup" "${extra[@]}")
  [[ ${PROFILE:-0} == 1 ]] && common+=(--profile)
  "${limit[@]}" "$ft" bench --train "${common[@]}" --dtype "$dtype" --json 2>&1 | grep -aE '^\{|[Ee]rror' | tail -1 >> "$results"
  if [[ ${LEVERS:-0} == 1 ]]; then
    "${limit[@]}" "$ft" bench --train "${common[@]}" --dtype "$dtype" --composed-ops --json 2>&1 | grep -aE '^\{|[Ee]rror' | tail -1 >> "$results"
  fi
  variants=()
  [[ ${GRAPH:-0} == 1 ]] && variants+=("--cuda-graph")
  [[ ${LORA_MODEL_DTYPE:-0} == 1 ]] && variants+=("--lora-model-dtype")
  [[ ${GRAPH:-0} == 1 && ${LORA_MODEL_DTYPE:-0} == 1 ]] && variants+=("--lora-model-dtype --cuda-graph")
  for v in "${variants[@]}"; do
    # shellcheck disable=SC2086  # a variant is one or two flags
    "${limit[@]}" "$ft" bench --train "${common[@]}" --dtype "$dtype" $v --json 2>&1 | grep -aE '^\{|[Ee]rror' | tail -1 >> "$results"
  done
  PYTHONUNBUFFERED=1 "${limit[@]}" "$python" bench/parity/peft_train_bench.py "${common[@]}" 2>&1 | grep -aE '^\{|[Ee]rror' | tail -1 >> "$results"
done
"$python" bench/side_by_side.py "$results" | tee "$out/train_vs_peft.md"
