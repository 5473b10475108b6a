// Pre-training a small Llama-architecture model from plain text, for users with no model on disk:
// a SentencePiece tokenizer is trained on the text (BPE with byte fallback, ChatML's turn markers as
// control symbols), then every weight of a freshly initialised model is trained on the text as one
// stream of fixed-length blocks, within a step or time budget. The result is an ordinary Hugging
// Face folder (config.json, model.safetensors, generation_config.json, tokenizer.model,
// tokenizer_config.json with a ChatML chat template) that every part of the studio loads. Also the
// base for continued pre-training of small models on one's own text. Torch-free header.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ft {

class RunControl;

struct PretrainOptions {
    std::vector<std::string> textFiles; // UTF-8 text; blank lines separate documents
    std::string outDir;                 // must not hold a model yet
    // The defaults are the starter model's recipe (scripts/make-starter): on 2 CPU cores, many small
    // steps at a high rate train a better model in minutes than fewer large ones.
    int64_t vocabSize = 2048;
    int64_t hiddenSize = 256, layers = 4, heads = 4, kvHeads = 4, intermediateSize = 704;
    int64_t seqLen = 128, batchSize = 8;
    double lr = 6e-3, weightDecay = 0.01, minLrRatio = 0.1;
    int64_t warmupSteps = 30;
    int64_t maxSteps = 0;              // 0 = as many as the time budget allows
    double maxMinutes = 9;             // 0 = no time budget (then maxSteps must be set)
    int64_t maxCorpusBytes = 64 << 20; // text beyond this is not read
    uint64_t seed = 0;
    std::string device = "auto";
    void validate() const; // throws ft::Error naming the field
};

struct PretrainProgress {
    std::string phase;                // "reading", "tokenizer", "encoding", "training", "saving"
    int64_t step = 0, totalSteps = 0; // totalSteps 0: not known yet (a time budget's first steps)
    double loss = 0, tokensPerSecond = 0, elapsedSeconds = 0;
    std::string message;
};

struct PretrainResult {
    int64_t steps = 0, corpusTokens = 0, parameters = 0;
    double finalLoss = 0, seconds = 0;
};

// `control` pauses between steps; a stop throws StoppedError before any model is saved (the folder
// then holds the trained tokenizer only).
PretrainResult pretrainModel(const PretrainOptions& options, const std::function<void(const PretrainProgress&)>& progress = {},
                             RunControl* control = nullptr);

} // namespace ft
