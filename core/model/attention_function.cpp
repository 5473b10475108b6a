// Attention as one autograd node, for libtorch builds without a fused kernel.
#include "model/attention_function.h"

#include "torch_pch.h"

#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ft {

namespace {

// One block of query rows [start, start + n): the keys it may see (a prefix of length keys) and its
// probabilities in float32, computed as the composed ops compute them.
struct Block {
    int64_t n = 0, keys = 0;
    torch::Tensor q, k, v, probs32;
};

Block scoreBlock(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask, int64_t start,
                 int64_t n) {
    Block b;
    b.n = n;
    const int64_t T = q.size(2), S = k.size(2);
    torch::Tensor allowed;
    if (mask.numel() > 0) {
        allowed = mask.narrow(2, start, n); // [B|1, 1, n, S]
        // The last key any row of the block may see bounds the keys it needs.
        const auto seen = allowed.reshape({-1, S}).any(0).nonzero();
        b.keys = seen.numel() > 0 ? seen.max().item<int64_t>() + 1 : S;
        allowed = allowed.narrow(3, 0, b.keys);
    } else {
        b.keys = S - T + start + n; // causal: row i sees keys 0 .. S - T + i
        const auto opts = torch::TensorOptions().dtype(torch::kInt64).device(q.device());
        const auto rows = torch::arange(S - T + start, S - T + start + n, opts).unsqueeze(1);
        allowed = torch::arange(0, b.keys, opts).unsqueeze(0).le(rows); // [n, keys]
    }
    b.q = q.narrow(2, start, n);
    b.k = k.narrow(2, 0, b.keys);
    b.v = v.narrow(2, 0, b.keys);
    const double scale = 1.0 / std::sqrt(double(q.size(-1)));
    auto scores = torch::matmul(b.q, b.k.transpose(2, 3)) * scale; // [B, nh, n, keys]
    scores = scores.masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity());
    b.probs32 = torch::softmax(scores, /*dim=*/-1, torch::kFloat32);
    return b;
}

int64_t blockRowsFor(const torch::Tensor& q, const torch::Tensor& k, int64_t blockRows) {
    if (blockRows > 0) return blockRows;
    const int64_t perRow = std::max<int64_t>(1, q.size(0) * q.size(1) * k.size(2));
    return std::max<int64_t>(1, (int64_t(1) << 22) / perRow);
}

struct BlockwiseAttention : public torch::autograd::Function<BlockwiseAttention> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, torch::Tensor q, torch::Tensor k, torch::Tensor v,
                                 torch::Tensor mask, int64_t blockRows) {
        const int64_t T = q.size(2);
        auto out = torch::empty_like(q);
        for (int64_t start = 0; start < T; start += blockRows) {
            const Block b = scoreBlock(q, k, v, mask, start, std::min(blockRows, T - start));
            out.narrow(2, start, b.n).copy_(torch::matmul(b.probs32.to(q.scalar_type()), b.v));
        }
        ctx->save_for_backward({q, k, v, mask});
        ctx->saved_data["rows"] = blockRows;
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &q = saved[0], &k = saved[1], &v = saved[2], &mask = saved[3];
        const int64_t blockRows = ctx->saved_data["rows"].toInt(), T = q.size(2);
        const auto& gOut = grads[0];
        const double scale = 1.0 / std::sqrt(double(q.size(-1)));
        // k and v gradients gather over blocks: summed in float32, rounded once.
        auto gq = torch::empty_like(q);
        auto gk = torch::zeros(k.sizes(), k.options().dtype(torch::kFloat32));
        auto gv = torch::zeros(v.sizes(), v.options().dtype(torch::kFloat32));
        for (int64_t start = 0; start < T; start += blockRows) {
            const Block b = scoreBlock(q, k, v, mask, start, std::min(blockRows, T - start));
            const auto g = gOut.narrow(2, start, b.n); // [B, nh, n, hd]
            const auto probs = b.probs32.to(q.scalar_type());
            gv.narrow(2, 0, b.keys).add_(torch::matmul(probs.transpose(2, 3), g));
            const auto gProbs = torch::matmul(g, b.v.transpose(2, 3)).to(torch::kFloat32); // [B, nh, n, keys]
            // softmax backward: p * (dp - sum(dp * p)); masked keys have p = 0.
            const auto gScores = (b.probs32 * (gProbs - (gProbs * b.probs32).sum(-1, /*keepdim=*/true))).to(q.scalar_type()) * scale;
            gq.narrow(2, start, b.n).copy_(torch::matmul(gScores, b.k));
            gk.narrow(2, 0, b.keys).add_(torch::matmul(gScores.transpose(2, 3), b.q));
        }
        return {gq, gk.to(k.scalar_type()), gv.to(v.scalar_type()), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor blockwiseAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask,
                                 int64_t blockRows) {
    // Autograd functions take defined tensors only: "no mask" travels as an empty one.
    const auto m = mask.defined() ? mask : torch::empty({0}, q.options().dtype(torch::kBool));
    return BlockwiseAttention::apply(q, k, v, m, blockRowsFor(q, k, blockRows));
}

} // namespace ft
