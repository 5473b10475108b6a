// finetune pretrain --text FILE[,FILE...] --out DIR [--vocab 2048] [--hidden 256] [--layers 4] [--heads 4]
// [--kv-heads 4] [--intermediate 704] [--seq 128] [--batch 8] [--lr 6e-3] [--steps N] [--minutes 9]
// [--max-bytes N] [--seed S] [--device D] [--json]: a small Llama-architecture model and its
// SentencePiece tokenizer trained from plain text, saved as a Hugging Face folder.
#include "args.h"
#include "commands.h"
#include "interrupt.h"
#include "train/pretrain.h"
#include "util/error.h"
#include "util/run_control.h"
#include "util/strings.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace ft::cli {

int runPretrain(const Argv& argv) {
    const Args args(argv,
                    {"text", "out", "vocab", "hidden", "layers", "heads", "kv-heads", "intermediate", "seq", "batch", "lr", "steps",
                     "minutes", "max-bytes", "seed", "device"},
                    {"json"});
    PretrainOptions o;
    std::stringstream files(args.required("text"));
    for (std::string f; std::getline(files, f, ',');)
        if (!f.empty()) o.textFiles.push_back(f);
    o.outDir = args.required("out");
    o.vocabSize = args.integer("vocab", o.vocabSize);
    o.hiddenSize = args.integer("hidden", o.hiddenSize);
    o.layers = args.integer("layers", o.layers);
    o.heads = args.integer("heads", o.heads);
    o.kvHeads = args.integer("kv-heads", o.heads);
    o.intermediateSize = args.integer("intermediate", o.intermediateSize);
    o.seqLen = args.integer("seq", o.seqLen);
    o.batchSize = args.integer("batch", o.batchSize);
    o.lr = args.number("lr", o.lr);
    o.maxSteps = args.integer("steps", 0);
    o.maxMinutes = args.number("minutes", o.maxSteps > 0 ? 0.0 : o.maxMinutes);
    o.maxCorpusBytes = args.integer("max-bytes", o.maxCorpusBytes);
    o.seed = uint64_t(args.integer("seed", 0));
    o.device = args.value("device", "auto");
    const bool json = args.flag("json"), tty = isatty(STDERR_FILENO);
    RunControl control;
    const InterruptScope interrupts([&] { control.stop(); }); // Ctrl-C: stop; twice: quit
    const PretrainResult r = pretrainModel(
        o,
        [&](const PretrainProgress& p) {
            if (json) {
                std::cout << nlohmann::json{{"phase", p.phase},
                                            {"step", p.step},
                                            {"total_steps", p.totalSteps},
                                            {"loss", p.loss},
                                            {"tokens_per_s", p.tokensPerSecond},
                                            {"elapsed_s", p.elapsedSeconds},
                                            {"message", p.message}}
                                 .dump()
                          << std::endl;
            } else if (p.phase == "training") {
                const std::string of = p.totalSteps > 0 ? "/" + std::to_string(p.totalSteps) : "";
                std::fprintf(stderr, "%sstep %lld%s  loss %.4f  %.0f tokens/s  %s", tty ? "\r" : "", (long long)p.step, of.c_str(), p.loss,
                             p.tokensPerSecond, formatDuration(p.elapsedSeconds).c_str());
                if (!tty || p.step == p.totalSteps) std::fprintf(stderr, "\n");
            } else {
                std::fprintf(stderr, "%s\n", p.message.c_str());
            }
        },
        &control);
    const nlohmann::json out = {{"out", o.outDir},  {"parameters", r.parameters}, {"corpus_tokens", r.corpusTokens},
                                {"steps", r.steps}, {"final_loss", r.finalLoss},  {"seconds", r.seconds}};
    std::cout << out.dump() << std::endl;
    return 0;
}

} // namespace ft::cli
