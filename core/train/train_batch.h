// One micro-batch as tensors (right-padded rows; packed rows get per-segment positions and a
// block-diagonal causal mask) and its summed next-token loss over the loss-bearing positions only:
// logits are computed for those rows alone, never for the whole [B, T, V] block, and a slice of
// rows at a time (linear_cross_entropy.h).
#pragma once
#include "train/batch_plan.h"
#include "train/training_data.h"

#include <torch/types.h>

namespace ft {

class CausalLMImpl;

struct BatchTensors {
    torch::Tensor ids;         // [B, T] int64
    torch::Tensor positions;   // [B, T] int64, packed rows only
    torch::Tensor mask;        // [B, 1, T, T] bool, packed rows only
    torch::Tensor targetIndex; // [N] int64: flat index b*T + t of each position whose next token is a target
    torch::Tensor targets;     // [N] int64: that next token
    int64_t tokens = 0;        // real (non-padding) tokens
    int64_t examples = 0;
    int64_t targetCount() const { return targets.defined() ? targets.size(0) : 0; }
};

BatchTensors collateBatch(const MicroBatch& batch, const std::vector<TrainingSequence>& sequences, const torch::Device& device);

// Sum over the batch's targets of -log p(target), in float32 (a scalar that carries gradients when
// grad mode is on).
torch::Tensor summedNll(CausalLMImpl& model, const BatchTensors& batch, bool checkpointLayers = false);

} // namespace ft
