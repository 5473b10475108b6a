#!/usr/bin/env bash
# Checks `finetune export --format gguf` against llama.cpp itself (the prebuilt CPU build in the npm
# package node-llama-cpp): for tiny random models with real tokenizers (Llama 3, Qwen3, DeepSeek V3,
# Llama 2) and a SentencePiece model made by `finetune pretrain`, each exported as f32, f16 and q8_0:
#   - llama.cpp splits 8 texts (Unicode, digits, whitespace, a chat prompt) into the same ids as `finetune tokenize`;
#   - greedy generation of 24 tokens from the chat prompt gives the same ids as `finetune generate`; where
#     the paths part, the margin between the two candidates in our own log-probabilities (a near-tie
#     that summation order decides, or a real difference);
#   - ln p of each generated token, llama.cpp's against `finetune score` (largest difference), over the
#     tokens both generated alike (tiny random models have near-ties, where greedy paths can part).
# usage: bench/gguf/llama_cpp_check.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
work="${2:-$build/gguf-check}"
cli="$build/cli/finetune"
make_model="$build/tests/make_tiny_model"
mkdir -p "$work"
if [[ ! -d "$work/node/node_modules/node-llama-cpp" ]]; then
  mkdir -p "$work/node" && (cd "$work/node" && npm init -y > /dev/null && npm install --silent node-llama-cpp@3.22.1 > /dev/null)
fi
cp "$root/bench/gguf/llama_cpp_run.mjs" "$work/node/run.mjs"
"$root/scripts/fetch-fixtures" "$build/fixtures/tokenizers" > /dev/null
fixtures="$build/fixtures/tokenizers"

models=()
add_model() {   # name variant tokenizer-fixture
  local dir="$work/models/$1"
  if [[ ! -f "$dir/config.json" ]]; then
    local vocab
    vocab=$(python3 -c "import json,sys;j=json.load(open('$fixtures/$3/tokenizer.json'));print(max([v for v in j['model']['vocab'].values()]+[a['id'] for a in j['added_tokens']])+1)")
    "$make_model" "$2" "$dir" "$vocab" 7
    cp "$fixtures/$3"/tokenizer*.json "$dir/"
  fi
  models+=("$1")
}
add_model llama3-gqa llama-gqa llama3
add_model qwen3-qwen2 qwen2 qwen3
add_model deepseek-llama3rope llama3-rope deepseek_v3
add_model llama2-mha llama-mha llama2
if [[ ! -f "$work/models/spm-starter/config.json" ]]; then
  cat /usr/share/common-licenses/GPL-3 /usr/share/common-licenses/Apache-2.0 > "$work/corpus.txt"
  "$cli" pretrain --text "$work/corpus.txt" --out "$work/models/spm-starter" --steps 60 --vocab 600 --hidden 64 \
    --layers 2 --heads 4 --seq 64 > /dev/null
fi
models+=(spm-starter)

printf '%-22s %-5s %-10s %-36s %-12s %s\n' model type tokens "greedy tokens alike (24)" "max |d ln p|" "file"
for m in "${models[@]}"; do
  dir="$work/models/$m"
  chat=$(echo '{"messages": [{"role": "user", "content": "Order 3 pizzas, café au lait x2 — to 12 Main St."}]}' |
    "$cli" render --model "$dir" --add-generation-prompt | python3 -c "import json,sys;print(json.load(sys.stdin)['text'])")
  prompt=$(printf '%s' "$chat" | "$cli" tokenize --model "$dir" --add-special | python3 -c "import json,sys;print(json.load(sys.stdin)['ids'])")
  texts=$(CHAT="$chat" python3 -c "
import json, os
print(json.dumps(['Hello world! The quick brown fox, 1234567 times.', '  two  spaces and\ttabs\n\nnewlines  ',
  'café naïve Ünïcödé 日本語のテキスト 😀👍', \"it's they're we'll I'd\", '3.14159 + 2,718 = 5.85959',
  'x'*40, '<a href=\"x\">{\"key\": [1, 2]}</a>', os.environ['CHAT']]))")
  ours_tokens=$(python3 -c "import json,sys;[print(json.dumps({'text': t})) for t in json.loads(sys.argv[1])]" "$texts" |
    "$cli" tokenize --model "$dir" --jsonl)
  ours_gen=$("$cli" generate --model "$dir" --ids "$(echo "$prompt" | tr -d '[] ')" --max-new-tokens 24 --ignore-eos --temperature 0 --json)
  ours_score=$(echo "$ours_gen" | python3 -c "import json,sys;print(json.dumps({'ids': json.load(sys.stdin)['ids']}))" | "$cli" score --model "$dir")
  for type in f32 f16 q8_0; do
    gguf="$work/$m-$type.gguf"
    rm -f "$gguf"
    "$cli" export --model "$dir" --format gguf --type "$type" --out "$gguf" > /dev/null 2> "$work/$m-$type.warnings"
    theirs=$(python3 -c "import json,sys;print(json.dumps({'texts': json.loads(sys.argv[1]), 'prompts': [json.loads(sys.argv[2])], 'new_tokens': 24}))" "$texts" "$prompt" |
      (cd "$work/node" && node run.mjs "$gguf"))
    CLI="$cli" MODEL="$dir" OURS_TOKENS="$ours_tokens" OURS_GEN="$ours_gen" OURS_SCORE="$ours_score" THEIRS="$theirs" PROMPT="$prompt" \
    python3 - "$m" "$type" "$gguf" <<'PY'
import json, math, os, subprocess, sys
name, kind, path = sys.argv[1:4]
ours_tokens = [json.loads(l)["ids"] for l in os.environ["OURS_TOKENS"].splitlines() if l.strip()]
theirs = json.loads(os.environ["THEIRS"])
prompt = json.loads(os.environ["PROMPT"])
gen = json.loads(os.environ["OURS_GEN"])["ids"][len(prompt):]
logprobs = json.loads(os.environ["OURS_SCORE"])["logprobs"]
same_tokens = sum(a == b for a, b in zip(ours_tokens, theirs["tokens"]))
their_gen = theirs["generated"][0]
agree = 0
while agree < min(len(gen), len(their_gen)) and gen[agree] == their_gen[agree]:
    agree += 1
# ln p of each generated token, ours against llama.cpp's, over the tokens both generated alike
dp = max(abs(logprobs[len(prompt) - 1 + j] - math.log(theirs["probs"][0][j])) for j in range(agree)) if agree else float("nan")
parted = "identical"
if agree < min(len(gen), len(their_gen)):
    # Where the greedy paths part: how far apart the two candidates are in our own log-probabilities.
    ids = prompt + gen[:agree] + [their_gen[agree]]
    out = subprocess.run([os.environ["CLI"], "score", "--model", os.environ["MODEL"]], input=json.dumps({"ids": ids}),
                         capture_output=True, text=True, check=True).stdout
    margin = logprobs[len(prompt) - 1 + agree] - json.loads(out)["logprobs"][-1]
    parted = f"part, ours ahead by {margin:.1e}"
print(f"{name:22s} {kind:5s} {same_tokens}/{len(ours_tokens):<8d} {agree:>2d}/24 {parted:30s} {dp:<12.2e} {os.path.getsize(path)/1e6:.1f} MB")
for a, b, i in zip(ours_tokens, theirs["tokens"], range(99)):
    if a != b: print(f"    text {i}: ours {a[:16]} llama.cpp {b[:16]}")
PY
  done
done
