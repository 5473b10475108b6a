// Linear and Embedding with PyTorch's parameter names, frozen, in the requested dtype and device.
#include "model/linear.h"

#include "model/dora.h"
#include "model/lora_linear_function.h"
#include "model/training_nodes.h"
#include "util/error.h"

#include "torch_pch.h"

#include <cmath>

namespace ft {

LinearImpl::LinearImpl(int64_t in, int64_t out, bool hasBias, const torch::TensorOptions& options) : inFeatures(in), outFeatures(out) {
    weight = register_parameter("weight", torch::empty({out, in}, options), /*requires_grad=*/false);
    if (hasBias) bias = register_parameter("bias", torch::empty({out}, options), /*requires_grad=*/false);
}

torch::Tensor LinearImpl::forward(const torch::Tensor& x) {
    if (!lora_A || !loraEnabled) {
        // Without gradients the dequantized weight is needed for this product only.
        if (nf4 && !torch::GradMode::is_enabled()) return torch::linear(x, dequantizeNf4Transient(*nf4, weight.scalar_type()), bias);
        return torch::linear(x, denseWeight(), bias);
    }
    const double keep = 1.0 - loraDropout;
    const auto mask = loraDropout > 0 && is_training() ? loraKeepMask(x, keep) : torch::Tensor();
    if (loraMagnitude.defined())
        return doraLinear(x, denseWeight(), bias, lora_A->weight, lora_B->weight, loraMagnitude, loraScaling, mask, keep);
    // Training the adapter (the base weight frozen): one node, which keeps no copy of the weight
    // (a quantized one is dequantized again for the backward pass).
    if (useTrainingNode(x.requires_grad() || lora_A->weight.requires_grad() || lora_B->weight.requires_grad()) && !weight.requires_grad())
        return nf4 ? qloraLinear(x, *nf4, bias, lora_A->weight, lora_B->weight, loraScaling, mask, keep)
                   : loraLinear(x, weight, bias, lora_A->weight, lora_B->weight, loraScaling, mask, keep);
    const auto y = torch::linear(x, denseWeight(), bias);
    auto h = x.to(lora_A->weight.scalar_type());
    if (mask.defined()) h = h * mask * (1.0 / keep);
    const auto delta = torch::linear(torch::linear(h, lora_A->weight), lora_B->weight) * loraScaling;
    return (y.to(torch::kFloat32) + delta.to(torch::kFloat32)).to(y.scalar_type());
}

void LinearImpl::attachLora(int64_t r, double scaling, double dropout, const torch::TensorOptions& options, at::Generator& gen, bool dora) {
    detachLora();
    const int64_t in = inFeatures, out = outFeatures;
    lora_A = std::make_shared<LinearImpl>(in, r, false, options);
    lora_B = std::make_shared<LinearImpl>(r, out, false, options);
    {
        torch::NoGradGuard noGrad;
        const double bound = 1.0 / std::sqrt(double(in)); // kaiming_uniform(a=sqrt(5)) on [r, in]
        lora_A->weight.copy_(at::empty({r, in}, torch::kFloat32).uniform_(-bound, bound, gen));
        lora_B->weight.zero_();
    }
    lora_A->weight.set_requires_grad(true);
    lora_B->weight.set_requires_grad(true);
    register_module("lora_A", lora_A);
    register_module("lora_B", lora_B);
    loraScaling = scaling;
    loraDropout = dropout;
    if (dora) {
        const auto norm = doraWeightNorm(denseWeight(), lora_A->weight, lora_B->weight, scaling).to(options);
        loraMagnitude = register_parameter("lora_magnitude_vector", norm, /*requires_grad=*/true);
    }
}

void LinearImpl::detachLora() {
    if (!lora_A) return;
    unregister_module("lora_A");
    unregister_module("lora_B");
    lora_A.reset();
    lora_B.reset();
    if (loraMagnitude.defined()) {
        parameters_.erase("lora_magnitude_vector");
        loraMagnitude = torch::Tensor();
    }
}

void LinearImpl::mergeLora() {
    if (!lora_A) return;
    torch::NoGradGuard noGrad;
    if (nf4) { // the sum is dense: the weight leaves NF4
        weight.set_data(denseWeight());
        nf4.reset();
    }
    if (loraMagnitude.defined()) {
        weight.copy_(doraMergedWeight(weight, lora_A->weight, lora_B->weight, loraMagnitude, loraScaling).to(weight.scalar_type()));
    } else {
        const auto delta = torch::matmul(lora_B->weight.to(torch::kFloat32), lora_A->weight.to(torch::kFloat32)) * loraScaling;
        weight.copy_((weight.to(torch::kFloat32) + delta.to(weight.device())).to(weight.scalar_type()));
    }
    detachLora();
}

void LinearImpl::quantizeWeight(int64_t blockSize) {
    setQuantizedWeight(quantizeNf4(weight.detach(), blockSize));
}

void LinearImpl::setQuantizedWeight(Nf4Tensor q) {
    if (q.shape != std::vector<int64_t>{outFeatures, inFeatures})
        throw Error(format("an NF4 weight of %lld values does not fit a [%lld, %lld] projection", (long long)q.numel(),
                           (long long)outFeatures, (long long)inFeatures));
    q.dtype = weight.scalar_type(); // dequantized in the model's dtype
    nf4 = std::make_shared<const Nf4Tensor>(std::move(q));
    torch::NoGradGuard noGrad;
    weight.set_data(torch::empty({0}, weight.options())); // frees the dense weight
}

torch::Tensor LinearImpl::denseWeight() const {
    return nf4 ? dequantizeNf4(*nf4) : weight;
}

EmbeddingImpl::EmbeddingImpl(int64_t count, int64_t dim, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::empty({count, dim}, options), /*requires_grad=*/false);
}

torch::Tensor EmbeddingImpl::forward(const torch::Tensor& ids) {
    return torch::embedding(weight, ids);
}

} // namespace ft
