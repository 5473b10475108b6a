// How many optimiser steps a run takes: what the trainer runs and what the Setup view shows before
// it starts, from one function. Plain types only.
#pragma once
#include <cstdint>
#include <vector>

namespace ft {

struct TrainSettings;

struct RunPlan {
    int64_t examples = 0;             // train examples the plan covers
    int64_t microBatchesPerEpoch = 0; // batches of train.batch_size rows (packed rows with train.packing)
    int64_t stepsPerEpoch = 0;        // micro-batches / train.grad_accum, rounded up
    int64_t totalSteps = 0;           // train.max_steps, else train.epochs epochs (at least 1)
};

// `trainLengths`: the token length of each train example as training encodes it (cut at
// train.max_seq_len; examples with nothing to learn already left out). Without packing only their
// number matters.
RunPlan planRun(const std::vector<int64_t>& trainLengths, const TrainSettings& train);

// How a run lays out its epochs (batch size, packing capacity, seed, shuffled): the plan counted
// above and the one the trainer walks.
struct BatchPlanOptions;
BatchPlanOptions trainingPlanOptions(const TrainSettings& train);

} // namespace ft
