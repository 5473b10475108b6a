// Attention for training where libtorch has no fused kernel (libtorch 1.x, the Debian build): one
// autograd node that computes softmax(q kᵀ / sqrt(hd), masked) v a block of query rows at a time and
// keeps only q, k, v and the mask for the backward pass, where each block's probabilities are
// recomputed. Composed ops keep the [B, nh, T, S] probabilities of every layer (at T = 1024 and 9
// heads, 37 kB per token and layer in float32) and build their gradients whole. Keys that no row of
// a block may see (the causal future) are skipped, in both passes.
#pragma once
#include <torch/types.h>

namespace ft {

// q [B, nh, T, hd]; k, v [B, nh, S, hd] (kv heads already repeated); mask [B|1, 1, T, S] bool
// (true = may attend) or undefined for causal attention with T == S. blockRows <= 0 picks a block
// of about 2^22 scores. Returns [B, nh, T, hd]; gradients flow to q, k and v.
torch::Tensor blockwiseAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask,
                                 int64_t blockRows = 0);

} // namespace ft
