// The SwiGLU feed-forward block.
#include "model/mlp.h"

#include "model/llama_config.h"
#include "model/swiglu_function.h"

#include "torch_pch.h"

namespace ft {

MlpImpl::MlpImpl(const LlamaConfig& c, const torch::TensorOptions& options) {
    gate_proj = register_module("gate_proj", Linear(c.hiddenSize, c.intermediateSize, c.mlpBias, options));
    up_proj = register_module("up_proj", Linear(c.hiddenSize, c.intermediateSize, c.mlpBias, options));
    down_proj = register_module("down_proj", Linear(c.intermediateSize, c.hiddenSize, c.mlpBias, options));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
    return down_proj(swiGlu(gate_proj(x), up_proj(x)));
}

} // namespace ft
