// Gradient checkpointing for one decoder layer: recompute in the backward pass.
#include "model/checkpointed_layer.h"

#include "torch_pch.h"

#include <ATen/core/Generator.h>
#include <ATen/Context.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>

namespace ft {

namespace {

at::Generator defaultGenerator(const torch::Device& device) {
    return device.is_cuda() ? at::globalContext().defaultGenerator(device) : at::detail::getDefaultCPUGenerator();
}

torch::Tensor rngState(const torch::Device& device) {
    auto gen = defaultGenerator(device);
    std::lock_guard<std::mutex> lock(gen.mutex());
    return gen.get_state();
}

void setRngState(const torch::Device& device, const torch::Tensor& state) {
    auto gen = defaultGenerator(device);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

// Non-tensor inputs travel through the autograd context by address; they outlive the backward
// pass because the training step keeps the model and the AttentionContext's tensors are saved.
struct CheckpointFunction : public torch::autograd::Function<CheckpointFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor h, torch::Tensor cos, torch::Tensor sin,
                                 torch::Tensor mask, int64_t layerAddress, int64_t layerIndex) {
        auto* layer = reinterpret_cast<DecoderLayerImpl*>(layerAddress);
        ctx->saved_data["layer"] = layerAddress;
        ctx->saved_data["index"] = layerIndex;
        ctx->saved_data["rng"] = rngState(h.device());
        ctx->save_for_backward({h, cos, sin, mask});
        AttentionContext a;
        a.cos = cos;
        a.sin = sin;
        if (mask.numel() > 0) a.mask = mask;
        return layer->forward(h, a, layerIndex);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        auto saved = ctx->get_saved_variables();
        auto* layer = reinterpret_cast<DecoderLayerImpl*>(ctx->saved_data["layer"].toInt());
        const int64_t index = ctx->saved_data["index"].toInt();
        auto input = saved[0].detach().requires_grad_(true);
        AttentionContext a;
        a.cos = saved[1];
        a.sin = saved[2];
        if (saved[3].numel() > 0) a.mask = saved[3];

        const auto device = input.device();
        const auto current = rngState(device);
        setRngState(device, ctx->saved_data["rng"].toTensor());
        torch::Tensor out;
        {
            torch::AutoGradMode enable(true);
            out = layer->forward(input, a, index);
        }
        setRngState(device, current);
        torch::autograd::backward({out}, {grads[0]});
        return {input.grad(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor checkpointedLayer(DecoderLayerImpl& layer, const torch::Tensor& h, const AttentionContext& ctx, int64_t layerIndex) {
    // Autograd functions take defined tensors only: "no mask" travels as an empty one.
    const auto mask = ctx.mask.defined() ? ctx.mask : torch::empty({0}, h.options().dtype(torch::kBool));
    return CheckpointFunction::apply(h, ctx.cos, ctx.sin, mask, reinterpret_cast<int64_t>(&layer), layerIndex);
}

} // namespace ft
