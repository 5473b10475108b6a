// Held-out evaluation of a run: on the validation or test split, the base model and the tuned one
// (and optionally the base with k training examples in the prompt, the few-shot baseline) are
// scored on exactly the same reply tokens (loss, perplexity) and generate replies that are compared
// with the references (text, JSON and label metrics, bootstrap intervals, a winner per example,
// regressions first). Writes report.json and a self-contained report.html under
// <run>/eval/<split>/. Torch-free header: the studio's Evaluation view includes it.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft {

class RunControl;

struct EvalOptions {
    std::string runDir;
    std::string split = "validation"; // validation | test
    std::string adapter = "final";    // final | best | step-N | a PEFT adapter folder
    int64_t limit = 0;                // 0 = every example of the split
    int64_t fewShot = 0;              // k > 0 adds the few-shot baseline (k train examples in the prompt)
    int64_t maxNewTokens = 256;
    double temperature = 0; // 0 = greedy
    double topP = 1;
    int64_t topK = 0;
    uint64_t seed = 0;
    std::string metric = "auto";     // headline: auto | exact_match | normalized_exact_match | token_f1 | rouge_l | chrf | json_agreement
    std::vector<std::string> labels; // the label set, overriding detection ("none" alone turns it off)
    std::string device;              // "" = the run's
    int64_t batchSize = 8;
};

using EvalProgress = std::function<void(const std::string& phase, int64_t done, int64_t total)>;

struct EvalResult {
    nlohmann::json report;
    std::string jsonPath, htmlPath;
};

// Throws ft::Error naming what is missing (the run, its adapter, the split's examples). `control`
// pauses between examples and generated tokens; a stop throws StoppedError and nothing is written.
EvalResult evaluateRun(const EvalOptions& options, const EvalProgress& progress = {}, RunControl* control = nullptr);

// The report's folder for a split: <run>/eval/<split>.
std::string evalReportDir(const std::string& runDir, const std::string& split);

} // namespace ft
