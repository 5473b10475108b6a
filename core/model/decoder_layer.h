// One pre-norm decoder block: h += Attn(RMSNorm(h)); h += MLP(RMSNorm(h)).
#pragma once
#include "model/attention.h"
#include "model/mlp.h"
#include "model/rms_norm.h"

namespace ft {

class DecoderLayerImpl : public torch::nn::Module {
public:
    DecoderLayerImpl(const LlamaConfig& config, const torch::TensorOptions& options);
    // h [B, T, H] -> [B, T, H]
    torch::Tensor forward(const torch::Tensor& h, const AttentionContext& ctx, int64_t layerIndex);

    Attention self_attn{nullptr};
    Mlp mlp{nullptr};
    RmsNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
};
TORCH_MODULE(DecoderLayer);

} // namespace ft
