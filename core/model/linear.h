// Linear (y = x W^T + b) and Embedding, with parameters named "weight"/"bias" as in PyTorch,
// created uninitialised in the requested dtype/device (the loader fills them) and frozen.
#pragma once
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ft {

class LinearImpl : public torch::nn::Module {
public:
    LinearImpl(int64_t in, int64_t out, bool bias, const torch::TensorOptions& options);
    // x [..., in] -> [..., out]
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight;   // [out, in]
    torch::Tensor bias;     // [out] or undefined
};
TORCH_MODULE(Linear);

class EmbeddingImpl : public torch::nn::Module {
public:
    EmbeddingImpl(int64_t count, int64_t dim, const torch::TensorOptions& options);
    // ids [B, T] int64 -> [B, T, dim]
    torch::Tensor forward(const torch::Tensor& ids);

    torch::Tensor weight;   // [count, dim]
};
TORCH_MODULE(Embedding);

} // namespace ft
