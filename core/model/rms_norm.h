// RMSNorm as Hugging Face computes it: normalise in float32, cast back, then scale by the weight.
#pragma once
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ft {

class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(int64_t dim, double eps, const torch::TensorOptions& options);
    // x [..., dim] -> [..., dim]
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight; // [dim]
    double eps;
};
TORCH_MODULE(RmsNorm);

} // namespace ft
