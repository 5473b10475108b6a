// DoRA's forward pass and merge, composed from libtorch ops (autograd gives the backward pass).
#include "model/dora.h"

#include "torch_pch.h"

namespace ft {

namespace {
// s · B A in float32: the adapter's weight update [out, in].
torch::Tensor deltaWeight(const torch::Tensor& loraA, const torch::Tensor& loraB, double scaling) {
    return torch::matmul(loraB.to(torch::kFloat32), loraA.to(torch::kFloat32)) * scaling;
}
} // namespace

torch::Tensor doraWeightNorm(const torch::Tensor& weight, const torch::Tensor& loraA, const torch::Tensor& loraB, double scaling) {
    torch::NoGradGuard noGrad;
    // ‖W + sBA‖² by rows without forming the [out, in] sum: ‖W‖² + 2s·Σ B ⊙ (W Aᵀ) + s²·Σ (B (A Aᵀ)) ⊙ B.
    // Only [out, r] and [r, r] products: a step no longer makes (and frees) weight-sized temporaries.
    const auto a = loraA.to(torch::kFloat32), b = loraB.to(torch::kFloat32);
    const auto weightSquared = at::linalg_vector_norm(weight, 2, {1}, false, torch::kFloat32).pow(2);
    const auto projected = torch::matmul(weight, loraA.to(weight.scalar_type()).t()).to(torch::kFloat32); // W Aᵀ [out, r]
    const auto cross = (b * projected).sum(1);
    const auto adapterSquared = (torch::matmul(b, torch::matmul(a, a.t())) * b).sum(1);
    return (weightSquared + 2.0 * scaling * cross + scaling * scaling * adapterSquared).clamp_min(0).sqrt();
}

torch::Tensor doraLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias, const torch::Tensor& loraA,
                         const torch::Tensor& loraB, const torch::Tensor& magnitude, double scaling, const torch::Tensor& keepMask,
                         double keepProbability) {
    const auto base = torch::linear(x, weight, bias); // the model's dtype
    const auto adapterType = loraA.scalar_type();
    auto h = x.to(adapterType);
    const auto scale = magnitude.to(torch::kFloat32) / doraWeightNorm(weight, loraA, loraB, scaling); // [out]
    const auto lora = torch::linear(torch::linear(keepMask.defined() ? h * keepMask * (1.0 / keepProbability) : h, loraA), loraB);
    // The base projection of the (dropped) input, without its bias, in float32.
    torch::Tensor direction;
    if (keepMask.defined()) direction = torch::linear(h * keepMask * (1.0 / keepProbability), weight.to(adapterType));
    else direction = (bias.defined() ? base - bias : base).to(torch::kFloat32);
    const auto extra = (scale - 1.0) * direction.to(torch::kFloat32) + scale * lora.to(torch::kFloat32) * scaling;
    return (base.to(torch::kFloat32) + extra).to(base.scalar_type());
}

torch::Tensor doraMergedWeight(const torch::Tensor& weight, const torch::Tensor& loraA, const torch::Tensor& loraB,
                               const torch::Tensor& magnitude, double scaling) {
    torch::NoGradGuard noGrad;
    const auto adapted = weight.to(torch::kFloat32) + deltaWeight(loraA, loraB, scaling);
    const auto norm = adapted.pow(2).sum(1).sqrt();
    return adapted * (magnitude.to(torch::kFloat32) / norm).unsqueeze(1);
}

} // namespace ft
