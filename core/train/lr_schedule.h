// Learning-rate schedules: linear warm-up over warmup_steps (lr * (s+1)/(w+1), so that no step is
// wasted at lr 0), then constant, or linear / cosine decay reaching lr * min_lr_ratio at the end.
#pragma once
#include "train/run_config.h"

namespace ft {

// The learning rate of optimiser step `step` (0-based) in a run of `totalSteps` steps.
double learningRate(const TrainSettings& settings, int64_t step, int64_t totalSteps);

} // namespace ft
