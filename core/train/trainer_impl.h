// The Trainer's state and its parts, shared by the trainer's source files (private to core):
// trainer.cpp (creating, resuming, controls, the run folder's files and events), trainer_prepare.cpp
// (model, data, optimiser, plan), trainer_loop.cpp (the loop and its step), trainer_eval.cpp
// (validation, checkpoints).
#pragma once
#include "train/trainer.h"
#include "util/run_control.h"

#include "chat/chat_template.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "tokenizer/tokenizer.h"
#include "train/adamw.h"
#include "train/batch_plan.h"
#include "train/checkpoint.h"
#include "train/full_finetune.h"
#include "chat/tokenizer_files.h"
#include "train/lr_schedule.h"
#include "train/run_folder.h"
#include "train/run_plan.h"
#include "train/train_batch.h"
#include "train/training_data.h"
#include "util/error.h"
#include "util/memory_stats.h"

#include "torch_pch.h"
#include <torch/version.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>

#ifndef FT_VERSION
#define FT_VERSION "unknown"
#endif

namespace ft {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace trainer_detail {

inline double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

inline double unixTime() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

inline bool isOutOfMemory(const std::exception& e) {
    if (dynamic_cast<const std::bad_alloc*>(&e) || dynamic_cast<const c10::OutOfMemoryError*>(&e)) return true;
    const std::string what = e.what();
    return what.find("out of memory") != std::string::npos || what.find("not enough memory") != std::string::npos ||
           what.find("can't allocate memory") != std::string::npos;
}

// A training failure with the step it happened at (the "failed" event's step).
struct StepFailure : Error {
    StepFailure(int64_t s, const std::string& message, const std::string& hint) : Error(message, hint), step(s) {}
    int64_t step;
};

// An exception's message without libtorch's C++ backtrace.
inline std::string messageOf(const std::exception& e) {
    const auto* c10 = dynamic_cast<const c10::Error*>(&e);
    std::string text = c10 ? c10->what_without_backtrace() : e.what();
    const auto frames = text.find("\nframe #"); // some allocator errors carry the backtrace in the message itself
    if (frames != std::string::npos) text.resize(frames);
    return text;
}

inline std::string torchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." + std::to_string(TORCH_VERSION_PATCH);
}

} // namespace trainer_detail

struct Trainer::Impl {
    RunConfig config;
    std::string runDir;
    std::string resumeCheckpoint; // "" for a fresh run
    TrainObserver observer;

    // Control, shared with other threads.
    RunControl control; // pause, resume and stop from other threads

    std::unique_ptr<MetricsWriter> metrics;
    std::ofstream logFile;

    // The run, once prepared.
    torch::Device device{torch::kCPU};
    std::string deviceName;
    torch::ScalarType dtype = torch::kFloat32;
    LoadedModel model;
    LoraConfig lora; // the adapter's (lora, qlora, dora)
    TrainingSet data;
    std::vector<std::pair<std::string, torch::Tensor>> trainable; // what the optimiser updates, by name
    std::unique_ptr<AdamW> optimizer;
    TrainerState state;
    std::vector<int64_t> trainLengths, validationLengths;
    BatchPlanOptions planOptions;
    std::vector<MicroBatch> plan; // of state.epoch
    int64_t plannedEpoch = -1;
    int64_t lastCheckpointStep = -1, lastEvalStep = -1;
    std::string lastCheckpoint;
    double lastEvalLoss = -1;

    // The run folder's files and the events (trainer.cpp).
    void emit(TrainEvent::Kind kind);
    void log(const std::string& message);
    void openFiles();
    void writeRunJson(const std::string& status);

    // Model, data, optimiser and plan (trainer_prepare.cpp).
    void prepare();
    void prepareAdapter(); // attaches fresh adapters or loads them (init_adapter, a checkpoint)
    // The trained weights: the adapter into a folder, or for full fine-tuning the model with its
    // tokenizer files and the run's chat template (a folder any program loads as a model).
    void saveWeights(const std::string& dir);
    std::string resultDir(bool best) const; // adapter/ or model/ (best: best_adapter/ or best_model/)
    const std::vector<MicroBatch>& epochPlan();

    // Validation and checkpoints (trainer_eval.cpp).
    struct EvalResult {
        double loss = 0;
        int64_t tokens = 0, examples = 0;
        bool complete = true; // false: a stop cut the pass short (nothing is recorded)
    };
    EvalResult evaluate();
    bool runEvaluation(); // true when early stopping says to stop
    void checkpoint();

    // The loop (trainer_loop.cpp).
    struct StepResult {
        double loss = 0, gradNorm = 0, lr = 0;
        int64_t tokens = 0, examples = 0;
    };
    // One optimiser step over up to grad_accum micro-batches. Returns nothing at the end of an epoch
    // that had no micro-batch left (the position moves to the next epoch).
    std::optional<StepResult> trainStep();
    bool checkControl(); // blocks while paused; false when a stop was asked for
    TrainOutcome train();
    TrainOutcome finish(TrainStatus status);
    TrainOutcome fail(int64_t step, const std::string& message, const std::string& hint);
    std::string outOfMemoryMessage(const std::exception& e);
};

} // namespace ft
