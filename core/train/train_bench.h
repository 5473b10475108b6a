// A training-throughput probe: full optimiser steps (forward, loss on every position, backward,
// gradient norm and clipping, AdamW) on random tokens, through the same code as the trainer.
// Used by `finetune bench --train` and for the time/memory estimate shown before a run starts.
#pragma once
#include <string>
#include <utility>
#include <vector>
#include "lora/lora_config.h"
#include "model/llama_model.h"
#include "train/train_method.h"
#include "util/step_profiler.h"

namespace ft {

struct TrainBenchOptions {
    TrainMethod method = TrainMethod::Lora; // qlora: the adapted projections in NF4 (those the loader left dense)
    int64_t batch = 8, seqLen = 1024;
    int64_t steps = 10, warmup = 3;
    bool gradientCheckpointing = false;
    bool countOps = false;  // also count the ATen ops of one more step (util/op_counter.h)
    bool cudaGraph = false; // capture the step once and replay it (train/cuda_graph.h)
    bool profile = false;   // also profile one more step's device time (util/step_profiler.h)
    std::string tracePath;  // with profile: its Chrome trace goes here
    uint64_t seed = 0;
};

struct TrainBenchResult {
    double tokensPerSecond = 0; // over the measured steps
    double secondsPerStep = 0;
    uint64_t peakBytes = 0; // device peak (CUDA) / process peak RSS (CPU)
    int64_t trainableParams = 0;
    int64_t opsPerStep = -1;     // ATen ops dispatched in one step, nested ones included; -1 when not counted
    int64_t leafOpsPerStep = -1; // of those, the ones that called no other op
    std::vector<std::pair<std::string, int64_t>> leafOpsByName; // the leaves by operator, most first
    DeviceProfile profile;                                      // with options.profile
    std::string profileError;                                   // why the profile is missing, when it is
};

// Attaches fresh adapters per `lora` to `model` (which must have none), or for full fine-tuning
// trains every weight, and measures.
TrainBenchResult benchTraining(CausalLM& model, const LoraConfig& lora, const TrainBenchOptions& options);

} // namespace ft
