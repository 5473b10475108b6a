// The boolean attention mask of one forward call: causal, padded, packed, sliding window.
#include "model/attention_mask.h"

#include "torch_pch.h"

namespace ft {

torch::Tensor buildAttentionMask(int64_t start, int64_t T, const torch::Tensor& keyValid, int64_t window, const torch::Device& device) {
    const int64_t S = start + T;
    if (start == 0 && !keyValid.defined() && (window == 0 || window >= S)) return {};
    const auto opts = torch::TensorOptions().dtype(torch::kInt64).device(device);
    const auto q = torch::arange(start, S, opts).unsqueeze(1); // [T, 1]
    const auto k = torch::arange(0, S, opts).unsqueeze(0);     // [1, S]
    auto allowed = k.le(q);
    if (window > 0) allowed = allowed.logical_and(k.gt(q - window));
    allowed = allowed.unsqueeze(0); // [1, T, S]
    if (keyValid.defined()) allowed = allowed.logical_and(keyValid.narrow(1, 0, S).to(device).unsqueeze(1));
    allowed = allowed.logical_or(k.eq(q).unsqueeze(0));
    return allowed.unsqueeze(1); // [B|1, 1, T, S]
}

} // namespace ft
