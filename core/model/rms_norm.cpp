#include "model/rms_norm.h"

#include "torch_pch.h"

namespace ft {

RmsNormImpl::RmsNormImpl(int64_t dim, double eps_, const torch::TensorOptions& options) : eps(eps_) {
    weight = register_parameter("weight", torch::empty({dim}, options), /*requires_grad=*/false);
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) {
    const auto x32 = x.to(torch::kFloat32);
    const auto variance = x32.pow(2).mean(/*dim=*/-1, /*keepdim=*/true);
    return weight * (x32 * torch::rsqrt(variance + eps)).to(x.scalar_type());
}

} // namespace ft
