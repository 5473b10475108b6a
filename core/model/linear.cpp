#include "model/linear.h"

#include "torch_pch.h"

namespace ft {

LinearImpl::LinearImpl(int64_t in, int64_t out, bool hasBias, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::empty({out, in}, options), /*requires_grad=*/false);
    if (hasBias) bias = register_parameter("bias", torch::empty({out}, options), /*requires_grad=*/false);
}

torch::Tensor LinearImpl::forward(const torch::Tensor& x) {
    return torch::linear(x, weight, bias);
}

EmbeddingImpl::EmbeddingImpl(int64_t count, int64_t dim, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::empty({count, dim}, options), /*requires_grad=*/false);
}

torch::Tensor EmbeddingImpl::forward(const torch::Tensor& ids) {
    return torch::embedding(weight, ids);
}

} // namespace ft
