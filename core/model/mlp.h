// SwiGLU feed-forward: down( silu(gate(x)) * up(x) ).
#pragma once
#include "model/linear.h"

namespace ft {

struct LlamaConfig;

class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(const LlamaConfig& config, const torch::TensorOptions& options);
    // x [B, T, H] -> [B, T, H]
    torch::Tensor forward(const torch::Tensor& x);

    Linear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
};
TORCH_MODULE(Mlp);

} // namespace ft
