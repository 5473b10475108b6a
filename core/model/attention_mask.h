// Builds the boolean attention mask of one forward call: causal (optionally sliding-window) over
// cache slots, minus padding slots. A query always sees its own slot, so that padding rows never
// turn into NaN (a fully masked softmax row would).
#pragma once
#include <torch/types.h>

namespace ft {

// start: tokens already in the cache; T: new tokens; S = start + T keys.
// keyValid: [B, >= S] bool or undefined (no padding). window: 0 = unlimited.
// Returns [B or 1, 1, T, S] bool, or an undefined tensor when plain causal attention (T == S,
// no padding, no window) is meant, so that fused causal kernels can be used.
torch::Tensor buildAttentionMask(int64_t start, int64_t T, const torch::Tensor& keyValid, int64_t window, const torch::Device& device);

} // namespace ft
