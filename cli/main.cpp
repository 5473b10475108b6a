// finetune: the headless front end over core. Each subcommand lives in its own cmd_*.cpp.
#include "commands.h"
#include "util/error.h"
#include "util/host_allocator.h"

#include <csignal>
#include <cstring>
#include <iostream>

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
            [--json]  LoRA training throughput (tokens/s) and peak memory on random tokens
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
  train     RUN.json [--json]                 train a LoRA adapter (run configuration: docs/run-config.md)
            --resume RUN_DIR [--checkpoint DIR]  continue a run from its newest (or the given) checkpoint
            --print-defaults                     every configuration key with its default
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
  help      this text

Errors are printed on stderr with a non-zero exit status.
)";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const ft::cli::Argv args(argv + 2, argv + argc);
    // A file-size limit then fails the write (EFBIG, reported like a full disk) instead of killing us.
    std::signal(SIGXFSZ, SIG_IGN);
    ft::keepFreedHostMemory();
    try {
        if (command == "info") return ft::cli::runInfo(args);
        if (command == "score") return ft::cli::runScore(args);
        if (command == "generate") return ft::cli::runGenerate(args);
        if (command == "bench") return ft::cli::runBench(args);
        if (command == "tokenize") return ft::cli::runTokenize(args);
        if (command == "render") return ft::cli::runRender(args);
        if (command == "data") return ft::cli::runData(args);
        if (command == "merge") return ft::cli::runMerge(args);
        if (command == "train") return ft::cli::runTrain(args);
        if (command == "eval") return ft::cli::runEval(args);
        if (command == "pretrain") return ft::cli::runPretrain(args);
        if (command == "export") return ft::cli::runExport(args);
        std::cerr << "finetune: unknown command \"" << command << "\" (see 'finetune help')\n";
        return 2;
    } catch (const ft::Error& e) {
        std::cerr << "finetune " << command << ": error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "finetune " << command << ": error: " << e.what() << "\n";
        return 1;
    }
}
