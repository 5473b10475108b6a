// Checkpoints: everything a run needs to continue exactly where it was. A checkpoint folder holds
// the trained weights (the adapter in PEFT layout, or for full fine-tuning the whole model in
// Hugging Face layout; usable on their own), optimizer.safetensors (AdamW moments and step),
// rng.safetensors (the CPU and CUDA generator states) and trainer_state.json (step, data position,
// timers, early-stopping state). It is written into a temporary folder and renamed into place, so a
// full disk or a crash never leaves a half checkpoint, and never harms the previous one.
#pragma once
#include <nlohmann/json.hpp>
#include <torch/types.h>
#include <functional>
#include <string>

namespace ft {

class AdamW;

// trainer_state.json's "format_version": raised when a checkpoint's files change meaning, so that an
// older program refuses a newer checkpoint by name instead of misreading it. Absent: 1.
constexpr int kCheckpointFormatVersion = 1;

struct TrainerState {
    int64_t step = 0;       // optimiser steps done
    int64_t epoch = 0;      // data position: epoch ...
    int64_t microIndex = 0; // ... and the next micro-batch within it
    int64_t totalSteps = 0;
    int64_t tokensSeen = 0;
    double elapsedSeconds = 0; // training time over all sessions of the run
    double bestEvalLoss = -1;  // -1: no evaluation yet
    int64_t bestStep = 0;
    int64_t evalsWithoutImprovement = 0;
    double lastTrainLoss = -1;

    nlohmann::json toJson() const;
    // Throws ft::Error naming `source` for a malformed state or a newer format_version.
    static TrainerState fromJson(const nlohmann::json& j, const std::string& source);
};

// Writes the trained weights into a folder (it exists, empty): the adapter, or the model.
using SaveWeights = std::function<void(const std::string& dir)>;

// Writes the checkpoint at `dir` (which must not exist yet). On any failure the partial folder is
// removed and ft::Error is thrown naming what could not be written. `device`: whose generator state
// is kept besides the CPU's.
void saveCheckpoint(const std::string& dir, const SaveWeights& saveWeights, const AdamW& optimizer, const TrainerState& state,
                    const torch::Device& device);

// Restores optimizer, RNG and trainer state (the weights are loaded separately: loadAdapter, or
// the checkpoint folder as the model).
TrainerState loadCheckpointState(const std::string& dir, AdamW& optimizer, const torch::Device& device);

// Replaces `dir` with freshly saved weights, atomically (temp folder + rename).
void saveWeightsAtomically(const std::string& dir, const SaveWeights& saveWeights);

} // namespace ft
