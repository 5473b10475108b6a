// RMSNorm as Hugging Face computes it, with its own backward node.
#include "model/rms_norm.h"

#include "model/training_nodes.h"

#include "torch_compat.h"
#include "torch_pch.h"

#include <torch/csrc/autograd/custom_function.h>

namespace ft {

namespace {

// y = weight * (x32 * rsqrt(mean(x32²) + eps)).to(x's dtype), x32 = x in float32.
// As one autograd node it keeps x in its own dtype and the per-row rsqrt; composed ops keep the
// float32 copy of x (under bf16 twice the bytes) and, when the weight trains, the normalised x too.
// The backward pass is the composed ops' chain rule, step for step.
struct RmsNormFunction : public torch::autograd::Function<RmsNormFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor x, torch::Tensor weight, double eps) {
        const auto x32 = x.to(torch::kFloat32);
        const auto rstd = torch::rsqrt(x32.pow(2).mean(/*dim=*/-1, /*keepdim=*/true) + eps); // [..., 1]
        ctx->save_for_backward({x, weight, rstd});
        return weight * (x32 * rstd).to(x.scalar_type());
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &weight = saved[1], &rstd = saved[2];
        const auto& g = grads[0];
        const auto x32 = x.to(torch::kFloat32);
        torch::Tensor gx, gw;
        if (ctx->needs_input_grad(1)) {
            const auto normed = (x32 * rstd).to(x.scalar_type());
            gw = (g * normed).reshape({-1, x.size(-1)}).sum(0).to(weight.scalar_type());
        }
        if (ctx->needs_input_grad(0)) {
            const auto gNormed = (g * weight).to(torch::kFloat32);
            const auto gRstd = (gNormed * x32).sum(-1, /*keepdim=*/true);
            const auto gMeanSquare = gRstd * -0.5 * rstd.pow(3) / double(x.size(-1)); // rsqrt, then mean
            gx = (gNormed * rstd + gMeanSquare * (2 * x32)).to(x.scalar_type());
        }
        return {gx, gw, torch::Tensor()};
    }
};

} // namespace

RmsNormImpl::RmsNormImpl(int64_t dim, double eps_, const torch::TensorOptions& options) : eps(eps_) {
    weight = register_parameter("weight", torch::empty({dim}, options), /*requires_grad=*/false);
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) {
#if FT_HAS_FUSED_RMS_NORM
    // On CUDA one kernel each way (libtorch's own node saves x and the per-row rsqrt, as ours does);
    // it rounds x * rsqrt * weight once instead of twice, a bfloat16-noise difference.
    if (x.is_cuda()) return at::rms_norm(x, {x.size(-1)}, weight, eps);
#endif
    if (useTrainingNode(x.requires_grad() || weight.requires_grad())) return RmsNormFunction::apply(x, weight, eps);
    const auto x32 = x.to(torch::kFloat32);
    const auto variance = x32.pow(2).mean(/*dim=*/-1, /*keepdim=*/true);
    return weight * (x32 * torch::rsqrt(variance + eps)).to(x.scalar_type());
}

} // namespace ft
