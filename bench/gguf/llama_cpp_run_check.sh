#!/usr/bin/env bash
# A trained run, exported to GGUF and answered by llama.cpp itself (llama-cpp-python in the project's
# Python environment, scripts/pyenv) on held-out chat examples: the merged model as q8_0, f16 and f32, and the
# base model (f16) with the adapter as a GGUF LoRA. Each reply is compared with the reference (exact
# match) and with the tuned reply of the run's own evaluation (RUN_DIR/eval/test/report.json, made by
# `finetune eval --run RUN_DIR --split test`).
# usage: bench/gguf/llama_cpp_run_check.sh RUN_DIR TEST.jsonl [BUILD_DIR] [WORK_DIR]
#   e.g. bench/gguf/llama_cpp_run_check.sh ~/FinetuneStudio/demo/runs/orders-lora resources/demo/orders-test.jsonl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="$(cd "$1" && pwd)" tests="$2"
build="$(cd "${3:-$root/build}" && pwd)"
work="${4:-$build/gguf-run-check}"
cli="$build/cli/finetune"
report="$run/eval/test/report.json"
[[ -f "$report" ]] || { echo "no $report: run finetune eval --run $run --split test first" >&2; exit 1; }
mkdir -p "$work"
"$root/scripts/pyenv"
py="$("$root/scripts/pyenv" --path)/bin/python"
model=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['config']['model'])" "$run/run.json")
template=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['config'].get('chat_template',''))" "$run/run.json")

# The prompts as the run's chat template renders them (everything but the last, assistant, message).
python3 -c "
import json, sys
for line in open(sys.argv[1]):
    if line.strip(): print(json.dumps({'messages': json.loads(line)['messages'][:-1]}))
" "$tests" | while read -r conversation; do
  echo "$conversation" | "$cli" render --model "$model" --add-generation-prompt ${template:+--template "$template"}
done > "$work/prompts.jsonl"

rm -f "$work"/*.gguf
for type in q8_0 f16 f32; do
  "$cli" export --run "$run" --format gguf --type "$type" --out "$work/tuned-$type.gguf" > /dev/null
done
"$cli" export --model "$model" --format gguf --type f16 --out "$work/base-f16.gguf" ${template:+--template "$template"} > /dev/null
"$cli" export --run "$run" --format gguf-adapter --out "$work/adapter-f32.gguf" > /dev/null

input=$(python3 -c "
import json, sys
print(json.dumps({'prompts': [json.loads(l)['text'] for l in open(sys.argv[1]) if l.strip()], 'max_tokens': 96}))" "$work/prompts.jsonl")
printf '%-32s %9s %14s %24s %8s\n' "GGUF in llama.cpp" "size" "exact match" "same reply as finetune" "seconds"
for variant in tuned-q8_0 tuned-f16 tuned-f32 "base-f16 + adapter-f32"; do
  set -- $variant
  start=$(date +%s.%N)
  if [[ $# -eq 1 ]]; then
    replies=$(echo "$input" | "$py" "$root/bench/gguf/llama_cpp_chat.py" "$work/$1.gguf")
    size=$(stat -c %s "$work/$1.gguf")
  else
    replies=$(echo "$input" | "$py" "$root/bench/gguf/llama_cpp_chat.py" "$work/$1.gguf" "$work/$3.gguf")
    size=$(( $(stat -c %s "$work/$1.gguf") + $(stat -c %s "$work/$3.gguf") ))
  fi
  seconds=$(python3 -c "import time,sys;print(f'{time.time()-float(sys.argv[1]):.0f}')" "$start")
  REPLIES="$replies" python3 - "$tests" "$report" "$variant" "$size" "$seconds" <<'PY'
import json, os, sys
tests, report, variant, size, seconds = sys.argv[1:6]
examples = [json.loads(l)["messages"] for l in open(tests) if l.strip()]
references = [m[-1]["content"] for m in examples]
ours = {row["prompt"]: row["tuned"]["reply"] for row in json.load(open(report))["per_example"]}
theirs = json.loads(os.environ["REPLIES"])["replies"]
em = sum(t.strip() == r.strip() for t, r in zip(theirs, references))
prompts = ["\n".join(m["content"] for m in msgs[:-1]) for msgs in examples]
same = sum(ours.get(p, "").strip() == t.strip() for p, t in zip(prompts, theirs))
print(f"{variant:32s} {int(size)/1e6:7.1f} MB {em:>5d}/{len(references)} = {em/len(references):.3f} {same:>17d}/{len(references)} {seconds:>8s}")
PY
done
