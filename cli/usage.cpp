// The command line's usage text: all of it (`finetune help`) or one command's (`finetune COMMAND
// --help`), cut from the same text so that the two never disagree.
#include "usage.h"

#include <sstream>

namespace ft::cli {

namespace {

const char* const kUsage = R"(finetune: fine-tune local language models (Finetune Studio's command line)

usage: finetune COMMAND [options]

commands:
  info      --model DIR                     describe a Hugging Face model folder (JSON)
  score     --model DIR [--adapter DIR] [--dtype fp32|bf16|fp16] [--device cpu|cuda]
            reads {"ids": [...]} or {"text": "..."} lines on stdin, writes logprobs, nll and ppl per line
  generate  --model DIR [--adapter DIR] (--prompt TEXT | --ids 1,2,3) [--max-new-tokens N] [--stop TEXT] [--temperature T] [--top-k K]
            [--top-p P] [--repetition-penalty R] [--seed S] [--stop-ids 1,2] [--ignore-eos] [--json]
  bench     (--model DIR | --config config.json) [--device D] [--dtype T] [--batch B]
            [--prompt-len N] [--new-tokens N] [--repeat N] [--threads N] [--json]
  bench     --tokenizer DIR --text FILE [--repeat N] [--json]     tokenizer throughput (one core)
  bench     --train (--model DIR | --config config.json) [--device D] [--dtype T] [--batch 8] [--seq 1024]
            [--r 16] [--targets all|q_proj,...] [--steps 10] [--warmup 3] [--gradient-checkpointing] [--composed-ops]
            [--count-ops] [--profile] [--trace FILE] [--cuda-graph] [--lora-model-dtype] [--json]
            LoRA training throughput (tokens/s) and peak memory on random tokens; --count-ops: ATen ops per
            step; --profile: GPU busy time and kernels by time; --cuda-graph: the step captured and replayed
  tokenize  (--tokenizer DIR | --model DIR) [--add-special] [--jsonl] [--decode] [--skip-special]
            stdin text -> {"ids": [...]}; --jsonl: {"text"} lines -> {"ids"} lines; --decode: ids -> text
  render    (--tokenizer DIR | --model DIR) [--add-generation-prompt] [--template NAME|FILE]
            reads {"messages": [...]} on stdin, prints {"text": ...} (the model's chat template)
  data      import|export|stats|list|undo|redo --workspace DIR --dataset NAME ...
            import FILE [--format auto|messages|alpaca|sharegpt|prompt_completion|csv|tsv|text]
              [--keep-duplicates] [--split S] [--columns user=COL,assistant=COL] [--rejects FILE] [--json]
            export --out FILE [--format messages|alpaca] [--split S]
            list [--split S] [--tag T] [--search WORDS] [--offset N] [--limit N]
            validate [--model DIR | --tokenizer DIR] [--max-len N] [--template T] [--json]
            split [--train 0.8] [--validation 0.1] [--test 0.1] [--seed S] [--reassign]
            dedup [--threshold 0.8 (near duplicates)] [--delete]
            bench [--limit 100] [--repeat 50]      page-load latency of the table view
  merge     --model DIR --adapter DIR --out DIR [--dtype fp32|bf16]
            merges a PEFT LoRA adapter into the base and writes a complete Hugging Face model folder
  estimate  RUN.json | --model DIR | --config config.json [--method M] [--batch N] [--seq N] [--device cuda]
            [--gradient-checkpointing] [--json]   a run's peak memory before it starts, and the 8/12/16/24 GB cards it fits
  quantize  --in FILE.safetensors --out FILE.safetensors [--block-size 64] [--no-double-quant] [--dequantized FILE]
            every tensor in NF4 (QLoRA's 4-bit format) in bitsandbytes' serialized layout
  train     RUN.json [--preset NAME] [--json]  train (LoRA, QLoRA, DoRA or full: "method"; docs/run-config.md);
            --preset quick-test|balanced|thorough: the studio's presets, under the file's own settings
            --resume RUN_DIR [--checkpoint DIR]  continue a run from its newest (or the given) checkpoint
            --print-defaults [--preset NAME]     every configuration key with its default (or the preset's)
  export    --run RUN_DIR --format peft|merged|gguf|gguf-adapter [--out PATH] [--adapter final|best|step-N]
            [--dtype bf16|fp32] [--type f16|bf16|f32|q8_0] [--name NAME]
            the run's adapter in PEFT layout, or merged into the base model as a Hugging Face folder or one
            GGUF file for llama.cpp / Ollama (all with the run's chat template); gguf-adapter: the adapter
            alone as a GGUF LoRA (llama.cpp --lora, Ollama ADAPTER)
  export    --model DIR --format gguf --out FILE [--type T] [--template NAME|FILE]   a model as GGUF
  eval      --run RUN_DIR [--split validation|test] [--limit N] [--few-shot K] [--adapter final|best|step-N|DIR]
            [--max-new-tokens N] [--temperature T] [--metric auto|exact_match|token_f1|rouge_l|chrf|json_agreement|...]
            [--labels a,b,c|none] [--device D] [--json]
            held-out report: base vs tuned (and few-shot) likelihood and generation metrics with bootstrap
            intervals, regressions first; writes RUN_DIR/eval/SPLIT/report.json and report.html
  pretrain  --text FILE[,FILE] --out DIR [--vocab 2048] [--hidden 256] [--layers 4] [--heads 4] [--seq 128]
            [--batch 8] [--lr 6e-3] [--steps N | --minutes 9] [--seed S] [--device D] [--json]
            trains a SentencePiece tokenizer and a small Llama-architecture model from plain text
            (a Hugging Face folder every other command loads)
  demo      [--dir DIR (default $FT_DEMO_DIR, else ~/FinetuneStudio/demo)] [--json]
            makes the demo workspace: the order-messages dataset and a run configuration (orders-run.json)
            that fine-tunes the starter model shipped with Finetune Studio; kept if already there
  help      this text; `finetune help COMMAND` or `finetune COMMAND --help`: one command's usage

Errors are printed on stderr with a non-zero exit status.
)";

// A command's block starts at a line "  NAME  ..." and runs on through its indented lines.
bool startsBlock(const std::string& line, std::string* name) {
    if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ') return false;
    *name = line.substr(2, line.find(' ', 2) - 2);
    return true;
}

} // namespace

std::string fullUsage() {
    return kUsage;
}

std::string commandUsage(const std::string& command) {
    std::istringstream in(kUsage);
    std::string line, name, body;
    bool inside = false;
    while (std::getline(in, line)) {
        if (startsBlock(line, &name)) inside = name == command;
        else if (line.empty() || line.compare(0, 2, "  ") != 0) inside = false;
        if (inside) body += line + "\n";
    }
    if (body.empty()) return {};
    return "usage: finetune " + command + " [options]\n\n" + body +
           "\nErrors are printed on stderr with a non-zero exit status. All commands: finetune help\n";
}

} // namespace ft::cli
