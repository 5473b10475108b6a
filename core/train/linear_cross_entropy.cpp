// The LM head and the next-token loss together, a slice of rows at a time.
#include "train/linear_cross_entropy.h"

#include "torch_pch.h"

#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>

namespace ft {

namespace {

// One slice: its float32 logits, their log-sum-exp and the summed loss.
struct SliceLoss {
    torch::Tensor logits, lse, loss;
};

SliceLoss sliceLoss(const torch::Tensor& h, const torch::Tensor& weight, const torch::Tensor& t) {
    SliceLoss s;
    s.logits = torch::linear(h, weight).to(torch::kFloat32); // [n, V]
    s.lse = s.logits.logsumexp(-1);                          // [n]
    s.loss = (s.lse - s.logits.gather(1, t.unsqueeze(1)).squeeze(1)).sum();
    return s;
}

struct LinearCrossEntropy : public torch::autograd::Function<LinearCrossEntropy> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor hidden, torch::Tensor weight, torch::Tensor targets,
                                 int64_t sliceRows, bool wantHidden, bool wantWeight) {
        torch::NoGradGuard noGrad;
        const int64_t N = hidden.size(0);
        auto loss = torch::zeros({}, hidden.options().dtype(torch::kFloat32));
        auto gradHidden = wantHidden ? torch::empty_like(hidden) : torch::empty({0}, hidden.options());
        // Summed in float32 across slices; cast to the weight's dtype once, in backward.
        auto gradWeight =
            wantWeight ? torch::zeros(weight.sizes(), weight.options().dtype(torch::kFloat32)) : torch::empty({0}, hidden.options());
        for (int64_t start = 0; start < N; start += sliceRows) {
            const int64_t n = std::min(sliceRows, N - start);
            const auto h = hidden.narrow(0, start, n);
            const auto t = targets.narrow(0, start, n).unsqueeze(1);
            auto s = sliceLoss(h, weight, targets.narrow(0, start, n));
            loss.add_(s.loss);
            // d loss / d logits = softmax - one_hot(target), built in place over the logits.
            auto g = s.logits.sub_(s.lse.unsqueeze(1)).exp_();
            g.scatter_(1, t, g.gather(1, t) - 1);
            const auto gm = g.to(weight.scalar_type());
            if (wantHidden) gradHidden.narrow(0, start, n).copy_(torch::matmul(gm, weight));
            if (wantWeight) gradWeight.add_(torch::matmul(gm.t(), h).to(torch::kFloat32));
        }
        ctx->save_for_backward({gradHidden, gradWeight});
        ctx->saved_data["hidden"] = wantHidden;
        ctx->saved_data["weight"] = wantWeight;
        ctx->saved_data["weight_dtype"] = int64_t(weight.scalar_type());
        return loss;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& scale = grads[0]; // d(final loss) / d(this sum): a float32 scalar
        torch::Tensor gh, gw;
        if (ctx->saved_data["hidden"].toBool()) gh = saved[0] * scale.to(saved[0].scalar_type());
        if (ctx->saved_data["weight"].toBool()) gw = (saved[1] * scale).to(torch::ScalarType(ctx->saved_data["weight_dtype"].toInt()));
        return {gh, gw, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor linearCrossEntropySum(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                    int64_t sliceRows) {
    if (sliceRows <= 0) sliceRows = crossEntropySliceRows(weight.size(0));
    const bool grad = torch::GradMode::is_enabled();
    const bool wantHidden = grad && hidden.requires_grad(), wantWeight = grad && weight.requires_grad();
    if (!wantHidden && !wantWeight) { // evaluation: the loss alone, slice by slice
        torch::NoGradGuard noGrad;
        auto loss = torch::zeros({}, hidden.options().dtype(torch::kFloat32));
        for (int64_t start = 0; start < hidden.size(0); start += sliceRows) {
            const int64_t n = std::min(sliceRows, hidden.size(0) - start);
            loss.add_(sliceLoss(hidden.narrow(0, start, n), weight, targets.narrow(0, start, n)).loss);
        }
        return loss;
    }
    return LinearCrossEntropy::apply(hidden, weight, targets, sliceRows, wantHidden, wantWeight);
}

} // namespace ft
