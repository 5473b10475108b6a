// Grouped-query self-attention with rotary embeddings and an optional KV cache.
#include "model/attention.h"

#include "model/attention_function.h"
#include "model/kv_cache.h"
#include "model/llama_config.h"
#include "model/rotary_embedding.h"
#include "model/training_nodes.h"
#include "torch_compat.h"

#include <cmath>
#include "torch_pch.h"

namespace ft {

AttentionImpl::AttentionImpl(const LlamaConfig& c, const torch::TensorOptions& options)
    : m_numHeads(c.numHeads), m_numKvHeads(c.numKvHeads), m_headDim(c.headDim) {
    q_proj = register_module("q_proj", Linear(c.hiddenSize, c.numHeads * c.headDim, c.qkvBias, options));
    k_proj = register_module("k_proj", Linear(c.hiddenSize, c.numKvHeads * c.headDim, c.qkvBias, options));
    v_proj = register_module("v_proj", Linear(c.hiddenSize, c.numKvHeads * c.headDim, c.qkvBias, options));
    o_proj = register_module("o_proj", Linear(c.numHeads * c.headDim, c.hiddenSize, c.oBias, options));
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const AttentionContext& ctx, int64_t layerIndex) {
    const int64_t B = x.size(0), T = x.size(1);
    auto q = q_proj(x).view({B, T, m_numHeads, m_headDim}).transpose(1, 2);   // [B, nh, T, hd]
    auto k = k_proj(x).view({B, T, m_numKvHeads, m_headDim}).transpose(1, 2); // [B, nkv, T, hd]
    auto v = v_proj(x).view({B, T, m_numKvHeads, m_headDim}).transpose(1, 2);
    q = applyRope(q, ctx.cos, ctx.sin);
    k = applyRope(k, ctx.cos, ctx.sin);
    if (ctx.cache) std::tie(k, v) = ctx.cache->append(layerIndex, k, v); // [B, nkv, S, hd]
    auto out = attend(q, k, v, ctx.mask);                                // [B, nh, T, hd]
    return o_proj(out.transpose(1, 2).reshape({B, T, m_numHeads * m_headDim}));
}

namespace {
// [B, nkv, S, hd] -> [B, nkv * groups, S, hd]; kv head j serves query heads j*g .. j*g+g-1.
torch::Tensor repeatKv(const torch::Tensor& x, int64_t groups) {
    if (groups == 1) return x;
    const auto s = x.sizes();
    return x.unsqueeze(2).expand({s[0], s[1], groups, s[2], s[3]}).reshape({s[0], s[1] * groups, s[2], s[3]});
}
} // namespace

torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask) {
    const int64_t groups = q.size(1) / k.size(1);
#if FT_HAS_SDPA_GQA
    // On CUDA, flash attention reads each K/V head for its query heads itself. Only without a mask:
    // with one, the kernels that take masks do not take groups, and the fallback would keep [B, nh, T, S].
    if (groups > 1 && q.is_cuda() && !mask.defined())
        return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, /*dropout_p=*/0.0, /*is_causal=*/true,
                                                /*scale=*/std::nullopt, /*enable_gqa=*/true);
#endif
    const auto kr = repeatKv(k, groups);
    const auto vr = repeatKv(v, groups);
#if FT_HAS_SDPA
    if (mask.defined()) return at::scaled_dot_product_attention(q, kr, vr, mask, /*dropout_p=*/0.0, /*is_causal=*/false);
    return at::scaled_dot_product_attention(q, kr, vr, /*attn_mask=*/{}, /*dropout_p=*/0.0, /*is_causal=*/true);
#else
    if (useTrainingNode(q.requires_grad() || k.requires_grad() || v.requires_grad()))
        return blockwiseAttention(q, kr, vr, mask); // training: no [B, nh, T, S] probabilities kept
    const double scale = 1.0 / std::sqrt(double(q.size(-1)));
    auto scores = torch::matmul(q, kr.transpose(2, 3)) * scale; // [B, nh, T, S]
    torch::Tensor allowed = mask;
    if (!allowed.defined()) {
        const int64_t T = q.size(2), S = kr.size(2);
        allowed = torch::ones({T, S}, q.options().dtype(torch::kBool)).tril(S - T);
    }
    scores = scores.masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity());
    auto probs = torch::softmax(scores, /*dim=*/-1, torch::kFloat32).to(q.scalar_type());
    return torch::matmul(probs, vr);
#endif
}

} // namespace ft
