// One pre-norm decoder block: attention and MLP with their residuals.
#include "model/decoder_layer.h"

#include "model/llama_config.h"

#include "torch_pch.h"

namespace ft {

DecoderLayerImpl::DecoderLayerImpl(const LlamaConfig& c, const torch::TensorOptions& options) {
    self_attn = register_module("self_attn", Attention(c, options));
    mlp = register_module("mlp", Mlp(c, options));
    input_layernorm = register_module("input_layernorm", RmsNorm(c.hiddenSize, c.rmsNormEps, options));
    post_attention_layernorm = register_module("post_attention_layernorm", RmsNorm(c.hiddenSize, c.rmsNormEps, options));
}

torch::Tensor DecoderLayerImpl::forward(const torch::Tensor& h, const AttentionContext& ctx, int64_t layerIndex) {
    auto x = h + self_attn->forward(input_layernorm(h), ctx, layerIndex);
    return x + mlp(post_attention_layernorm(x));
}

} // namespace ft
