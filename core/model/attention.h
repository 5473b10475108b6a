// Grouped-query self-attention (q/k/v/o projections, rotary embeddings, optional KV cache).
// Uses scaled_dot_product_attention where libtorch has it, an exact eager fallback otherwise.
#pragma once
#include "model/linear.h"

namespace ft {

struct LlamaConfig;
class KvCache;

// Inputs shared by every layer of one forward call.
struct AttentionContext {
    torch::Tensor cos, sin;   // [B, T, hd] in the activation dtype
    torch::Tensor mask;       // [B, 1, T, S] bool (true = may attend), or undefined for plain causal
    KvCache* cache = nullptr; // when set, keys/values are appended and attention spans the cache
};

class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(const LlamaConfig& config, const torch::TensorOptions& options);
    // x [B, T, H] -> [B, T, H]
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& ctx, int64_t layerIndex);

    Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};

private:
    int64_t m_numHeads, m_numKvHeads, m_headDim;
};
TORCH_MODULE(Attention);

// Attention core: q [B, nh, T, hd], k/v [B, nkv, S, hd] -> [B, nh, T, hd].
// mask: [B, 1, T, S] bool or undefined (then causal with T == S).
torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask);

} // namespace ft
