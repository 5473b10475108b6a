// The SwiGLU gate as one autograd node that keeps only its two inputs.
#include "model/swiglu_function.h"

#include "model/training_nodes.h"

#include "torch_pch.h"

#include <torch/csrc/autograd/custom_function.h>

namespace ft {

namespace {

struct SwiGluFunction : public torch::autograd::Function<SwiGluFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor gate, torch::Tensor up) {
        ctx->save_for_backward({gate, up});
        return torch::silu(gate) * up;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &gate = saved[0], &up = saved[1];
        const auto& g = grads[0];
        torch::Tensor gGate, gUp;
        if (ctx->needs_input_grad(0)) gGate = at::silu_backward(g * up, gate);
        if (ctx->needs_input_grad(1)) gUp = g * torch::silu(gate);
        return {gGate, gUp};
    }
};

} // namespace

torch::Tensor swiGlu(const torch::Tensor& gate, const torch::Tensor& up) {
    if (useTrainingNode(gate.requires_grad() || up.requires_grad())) return SwiGluFunction::apply(gate, up);
    return torch::silu(gate) * up;
}

} // namespace ft
