// Linear (y = x W^T + b) and Embedding, with parameters named "weight"/"bias" as in PyTorch,
// created uninitialised in the requested dtype/device (the loader fills them) and frozen.
#pragma once
#include "quant/nf4.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <memory>

namespace ft {

class LinearImpl : public torch::nn::Module {
public:
    LinearImpl(int64_t in, int64_t out, bool bias, const torch::TensorOptions& options);
    // x [..., in] -> [..., out]; with an adapter: + scaling * B(A(dropout(x))), computed in the
    // adapter's dtype and added in float32, as PEFT does.
    torch::Tensor forward(const torch::Tensor& x);

    // LoRA: lora_A.weight [r, in] (PEFT init: uniform within 1/sqrt(in)), lora_B.weight [out, r] (zeros),
    // trainable, registered as the submodules "lora_A" and "lora_B" (PEFT's names). With `dora`, also
    // the trainable parameter "lora_magnitude_vector" [out], starting at the rows' norms (model/dora.h).
    void attachLora(int64_t r, double scaling, double dropout, const torch::TensorOptions& options, at::Generator& gen, bool dora = false);
    void detachLora();
    void mergeLora(); // weight += scaling * B A (DoRA: the rescaled sum), in float32, then detach (a quantized weight turns dense)
    bool hasLora() const { return bool(lora_A); }
    bool hasDora() const { return loraMagnitude.defined(); }

    // QLoRA: the weight in NF4 (quant/nf4.h), dequantized for each use in the weight's dtype; `weight`
    // then holds an empty tensor of its dtype and device.
    void quantizeWeight(int64_t blockSize = 64);
    void setQuantizedWeight(Nf4Tensor q);
    bool isQuantized() const { return bool(nf4); }
    torch::Tensor denseWeight() const; // [out, in]: `weight`, or the NF4 weight dequantized

    int64_t inFeatures = 0, outFeatures = 0;
    torch::Tensor weight; // [out, in] (empty when quantized)
    std::shared_ptr<const Nf4Tensor> nf4;
    torch::Tensor bias; // [out] or undefined
    std::shared_ptr<LinearImpl> lora_A, lora_B;
    torch::Tensor loraMagnitude; // DoRA's [out] (float32); undefined for plain LoRA
    double loraScaling = 0, loraDropout = 0;
    bool loraEnabled = true; // false: the base model's output (compare view, evaluation of the base)
};
TORCH_MODULE(Linear);

class EmbeddingImpl : public torch::nn::Module {
public:
    EmbeddingImpl(int64_t count, int64_t dim, const torch::TensorOptions& options);
    // ids [B, T] int64 -> [B, T, dim]
    torch::Tensor forward(const torch::Tensor& ids);

    torch::Tensor weight; // [count, dim]
};
TORCH_MODULE(Embedding);

} // namespace ft
