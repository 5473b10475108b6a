// The LM head and the next-token loss in one step, a slice of rows at a time:
//   sum over rows i of -log softmax(hidden[i] · weightᵀ)[targets[i]]
// without ever holding the [N, V] logits of all rows (at V = 152k and 8k rows those are 5 GB in
// float32, times three with their log-softmax and gradient). When gradients are wanted they are
// computed in the same pass, slice by slice (the loss is a sum, so each slice's gradient is final),
// and only scaled in the backward pass; the LM-head matmuls are the same two as plain autograd's.
#pragma once
#include "train/cross_entropy_slices.h"

#include <torch/types.h>

namespace ft {

// hidden [N, H] (model dtype), weight [V, H] (model dtype), targets [N] int64 -> float32 scalar.
// Gradients flow to `hidden` and, when it requires them (pre-training), to `weight`.
// sliceRows <= 0 takes crossEntropySliceRows(V).
torch::Tensor linearCrossEntropySum(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                    int64_t sliceRows = 0);

} // namespace ft
