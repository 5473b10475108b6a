// A frozen linear layer plus its LoRA adapter as one autograd node.
#include "model/lora_linear_function.h"

#include "model/training_nodes.h"

#include "torch_compat.h"
#include "torch_pch.h"

#include <torch/csrc/autograd/custom_function.h>

namespace ft {

namespace {

// The adapter's input: x in the adapter's dtype, dropped out when a mask is given.
torch::Tensor adapterInput(const torch::Tensor& x, torch::ScalarType dtype, const torch::Tensor& keepMask, double keepProbability) {
    auto h = x.to(dtype);
    if (keepMask.numel() > 0) h = h * keepMask * (1.0 / keepProbability);
    return h;
}

// [..., n] -> [rows, n]
torch::Tensor rows(const torch::Tensor& t) {
    return t.reshape({-1, t.size(-1)});
}

// The frozen weight travels as a tensor, or (QLoRA) as the address of its NF4 form, which the
// projection owns and which outlives the step: dequantized in the forward pass and again in the
// backward pass, so that no dense copy is kept in between.
const Nf4Tensor* nf4At(int64_t address) {
    return reinterpret_cast<const Nf4Tensor*>(address);
}

torch::Tensor frozenWeight(const torch::Tensor& weight, int64_t nf4Address, torch::ScalarType dtype) {
    return nf4Address ? dequantizeNf4Transient(*nf4At(nf4Address), dtype) : weight;
}

struct LoraLinearFunction : public torch::autograd::Function<LoraLinearFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor x, torch::Tensor weight, torch::Tensor bias,
                                 torch::Tensor loraA, torch::Tensor loraB, double scaling, torch::Tensor keepMask, double keepProbability,
                                 int64_t nf4Address) {
        const auto y = torch::linear(x, frozenWeight(weight, nf4Address, x.scalar_type()), bias.numel() > 0 ? bias : torch::Tensor());
        const auto middle = torch::linear(adapterInput(x, loraA.scalar_type(), keepMask, keepProbability), loraA); // [..., r]
        const auto delta = torch::linear(middle, loraB) * scaling;
        ctx->save_for_backward({x, weight, loraA, loraB, middle, keepMask});
        ctx->saved_data["scaling"] = scaling;
        ctx->saved_data["keep"] = keepProbability;
        ctx->saved_data["nf4"] = nf4Address;
        return (y.to(torch::kFloat32) + delta.to(torch::kFloat32)).to(y.scalar_type());
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &weight = saved[1], &loraA = saved[2], &loraB = saved[3], &middle = saved[4], &keepMask = saved[5];
        const double scaling = ctx->saved_data["scaling"].toDouble(), keep = ctx->saved_data["keep"].toDouble();
        const auto& g = grads[0]; // [..., out], the model's dtype
        const auto gDelta = (g.to(torch::kFloat32) * scaling).to(loraB.scalar_type());
        const auto gMiddle = torch::matmul(gDelta, loraB); // [..., r]

        torch::Tensor gx, gA, gB;
        // Weight gradients as (inputᵀ · grad)ᵀ, as libtorch's linear backward computes them: the same
        // BLAS calls as the composed ops.
        if (ctx->needs_input_grad(4)) gB = rows(middle).t().mm(rows(gDelta)).t();
        if (ctx->needs_input_grad(3)) gA = rows(adapterInput(x, loraA.scalar_type(), keepMask, keep)).t().mm(rows(gMiddle)).t();
        if (ctx->needs_input_grad(0)) {
            auto gh = torch::matmul(gMiddle, loraA); // [..., in]
            if (keepMask.numel() > 0) gh = gh * keepMask * (1.0 / keep);
            gx = torch::matmul(g, frozenWeight(weight, ctx->saved_data["nf4"].toInt(), g.scalar_type())) + gh.to(x.scalar_type());
        }
        return {gx, torch::Tensor(), torch::Tensor(), gA, gB, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

// [a, b] x [b, c] summed and returned in float32 from model-dtype inputs: one cuBLAS call on CUDA
// (mm's out_dtype form); elsewhere through float32 copies, same values.
torch::Tensor mmFloat32(const torch::Tensor& a, const torch::Tensor& b) {
#if FT_HAS_MM_OUT_DTYPE
    if (a.is_cuda() && a.scalar_type() != torch::kFloat32) return at::mm(a, b, torch::kFloat32);
#endif
    return a.to(torch::kFloat32).mm(b.to(torch::kFloat32));
}

// The same projection with the adapter's matrix products in the model's dtype (training_nodes.h,
// loraInModelDtype): A and B·scaling rounded to it once per call, y + middle·Bᵀ in one addmm, the
// gradients of A and B summed in float32. Saves x (shared with the base projection) and the
// [rows, r] middle; no float32 tensor of the activations' size is made either way.
struct LoraLinearModelDtypeFunction : public torch::autograd::Function<LoraLinearModelDtypeFunction> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor x, torch::Tensor weight, torch::Tensor bias,
                                 torch::Tensor loraA, torch::Tensor loraB, double scaling, torch::Tensor keepMask, double keepProbability,
                                 int64_t nf4Address) {
        const auto dtype = x.scalar_type();
        const auto a = loraA.to(dtype), bScaled = (loraB * scaling).to(dtype);
        const auto y = torch::linear(x, frozenWeight(weight, nf4Address, dtype), bias.numel() > 0 ? bias : torch::Tensor());
        const auto middle = rows(adapterInput(x, dtype, keepMask, keepProbability)).mm(a.t()); // [rows, r]
        const auto out = rows(y).addmm(middle, bScaled.t());
        ctx->save_for_backward({x, weight, a, bScaled, middle, keepMask});
        ctx->saved_data["scaling"] = scaling;
        ctx->saved_data["keep"] = keepProbability;
        ctx->saved_data["nf4"] = nf4Address;
        return out.view(y.sizes());
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &weight = saved[1], &a = saved[2], &bScaled = saved[3], &middle = saved[4], &keepMask = saved[5];
        const double scaling = ctx->saved_data["scaling"].toDouble(), keep = ctx->saved_data["keep"].toDouble();
        const auto g = rows(grads[0].contiguous()); // [rows, out]
        const auto gMiddle = g.mm(bScaled);         // [rows, r]: d/d middle
        torch::Tensor gx, gA, gB;
        // d/dB = scaling · gᵀ·middle; d/dA = gMiddleᵀ·x_in (gMiddle already carries the scaling).
        if (ctx->needs_input_grad(4)) gB = mmFloat32(g.t(), middle).mul_(scaling);
        if (ctx->needs_input_grad(3)) gA = mmFloat32(gMiddle.t(), rows(adapterInput(x, x.scalar_type(), keepMask, keep)));
        if (ctx->needs_input_grad(0)) {
            auto gh = gMiddle.mm(a); // [rows, in]
            if (keepMask.numel() > 0) gh = gh * rows(keepMask) * (1.0 / keep);
            gx = g.mm(frozenWeight(weight, ctx->saved_data["nf4"].toInt(), g.scalar_type())).add_(gh).view(x.sizes());
        }
        return {gx, torch::Tensor(), torch::Tensor(), gA, gB, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

namespace {
torch::Tensor applyLoraLinear(const torch::Tensor& x, const torch::Tensor& weight, int64_t nf4Address, const torch::Tensor& bias,
                              const torch::Tensor& loraA, const torch::Tensor& loraB, double scaling, const torch::Tensor& keepMask,
                              double keepProbability) {
    // Autograd functions take defined tensors only: "none" travels as an empty tensor.
    const auto none = torch::empty({0}, x.options());
    const auto mask = keepMask.defined() ? keepMask : none.to(torch::kBool);
    if (loraInModelDtype() && x.scalar_type() != loraA.scalar_type() && x.scalar_type() != torch::kFloat32)
        return LoraLinearModelDtypeFunction::apply(x, weight, bias.defined() ? bias : none, loraA, loraB, scaling, mask, keepProbability,
                                                   nf4Address);
    return LoraLinearFunction::apply(x, weight, bias.defined() ? bias : none, loraA, loraB, scaling, mask, keepProbability, nf4Address);
}
} // namespace

torch::Tensor loraLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias, const torch::Tensor& loraA,
                         const torch::Tensor& loraB, double scaling, const torch::Tensor& keepMask, double keepProbability) {
    return applyLoraLinear(x, weight, 0, bias, loraA, loraB, scaling, keepMask, keepProbability);
}

torch::Tensor qloraLinear(const torch::Tensor& x, const Nf4Tensor& weight, const torch::Tensor& bias, const torch::Tensor& loraA,
                          const torch::Tensor& loraB, double scaling, const torch::Tensor& keepMask, double keepProbability) {
    return applyLoraLinear(x, torch::empty({0}, x.options()), reinterpret_cast<int64_t>(&weight), bias, loraA, loraB, scaling, keepMask,
                           keepProbability);
}

torch::Tensor loraKeepMask(const torch::Tensor& x, double keepProbability) {
    return torch::empty(x.sizes(), x.options().dtype(torch::kFloat32)).bernoulli_(keepProbability).to(torch::kBool);
}

} // namespace ft
