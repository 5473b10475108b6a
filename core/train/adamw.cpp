// AdamW for the adapters: fused where libtorch has it, per tensor elsewhere, skipping non-finite
// steps.
#include "train/adamw.h"

#include "util/error.h"

#include "torch_compat.h"
#include "torch_pch.h"

#include <cmath>
#include <algorithm>
#include <map>

namespace ft {

AdamW::AdamW(std::vector<std::pair<std::string, torch::Tensor>> params, AdamWOptions options)
    : m_params(std::move(params)), m_options(options) {
    for (auto& [name, p] : m_params) {
        const auto state = p.options().dtype(torch::kFloat32);
        m_master.push_back(p.scalar_type() == torch::kFloat32 ? torch::Tensor() : p.detach().to(torch::kFloat32).contiguous());
        m_expAvg.push_back(torch::zeros(p.sizes(), state));
        m_expAvgSq.push_back(torch::zeros(p.sizes(), state));
        m_decays.push_back(!m_options.decays || m_options.decays(name));
        m_lrScale.push_back(m_options.lrScale ? m_options.lrScale(name) : 1.0);
        m_stepTensors.push_back(torch::zeros({}, p.options().dtype(torch::kFloat32)));
        const size_t i = m_lrScale.size() - 1;
        auto group = std::find_if(m_groups.begin(), m_groups.end(),
                                  [&](const Group& g) { return g.lrScale == m_lrScale[i] && g.decays == m_decays[i]; });
        if (group == m_groups.end()) group = m_groups.insert(m_groups.end(), Group{m_lrScale[i], m_decays[i], {}});
        group->members.push_back(i);
    }
}

void AdamW::step(double lr, const torch::Tensor& skipIf) {
    torch::NoGradGuard noGrad;
    ++m_steps;
    const double b1 = m_options.beta1, b2 = m_options.beta2;
#if FT_HAS_FUSED_OPTIMIZER
    // One multi-tensor kernel per group instead of seven per tensor (420 adapter tensors in SmolLM2's
    // LoRA): the same update as torch.optim.AdamW(fused=True).
    for (const Group& group : m_groups) {
        std::vector<torch::Tensor> params, grads, expAvg, expAvgSq, steps;
        for (size_t i : group.members) {
            const auto& g = m_params[i].second.grad();
            if (!g.defined()) continue;
            if (m_master[i].defined()) { // one at a time: a float32 copy of one gradient at most
                auto step = std::vector<torch::Tensor>{m_stepTensors[i]};
                at::_foreach_add_(step, 1.0);
                at::_fused_adamw_({m_master[i]}, {g.to(torch::kFloat32)}, {m_expAvg[i]}, {m_expAvgSq[i]}, {}, step, lr * group.lrScale, b1,
                                  b2, group.decays ? m_options.weightDecay : 0.0, m_options.eps, false, false, std::nullopt,
                                  skipIf.defined() ? std::optional<at::Tensor>(skipIf) : std::nullopt);
                if (skipIf.defined()) at::_foreach_add_(step, skipIf, -1.0);
                m_params[i].second.detach().copy_(m_master[i]);
                continue;
            }
            params.push_back(m_params[i].second);
            grads.push_back(g);
            expAvg.push_back(m_expAvg[i]);
            expAvgSq.push_back(m_expAvgSq[i]);
            steps.push_back(m_stepTensors[i]);
        }
        if (params.empty()) continue;
        at::_foreach_add_(steps, 1.0);
        at::_fused_adamw_(params, grads, expAvg, expAvgSq, /*max_exp_avg_sqs=*/{}, steps, lr * group.lrScale, b1, b2,
                          group.decays ? m_options.weightDecay : 0.0, m_options.eps, /*amsgrad=*/false, /*maximize=*/false,
                          /*grad_scale=*/std::nullopt, skipIf.defined() ? std::optional<at::Tensor>(skipIf) : std::nullopt);
        if (skipIf.defined()) at::_foreach_add_(steps, skipIf, -1.0); // a skipped update does not count (as PyTorch)
    }
#else
    if (skipIf.defined() && skipIf.item<double>() != 0) return; // libtorch 1.13 (CPU): the host decides
    const double biasCorrection1 = 1.0 - std::pow(b1, double(m_steps));
    const double biasCorrection2Sqrt = std::sqrt(1.0 - std::pow(b2, double(m_steps)));
    for (size_t i = 0; i < m_params.size(); ++i) {
        auto& param = m_params[i].second;
        if (!param.grad().defined()) continue;
        auto p = m_master[i].defined() ? m_master[i] : param;
        const auto g = param.grad().to(torch::kFloat32);
        const double paramLr = lr * m_lrScale[i];
        const double stepSize = paramLr / biasCorrection1;
        if (m_options.weightDecay != 0 && m_decays[i]) p.mul_(1.0 - paramLr * m_options.weightDecay);
        m_expAvg[i].lerp_(g, 1.0 - b1);
        m_expAvgSq[i].mul_(b2).addcmul_(g, g, 1.0 - b2);
        const auto denom = (m_expAvgSq[i].sqrt() / biasCorrection2Sqrt).add_(m_options.eps);
        p.addcdiv_(m_expAvg[i], denom, -stepSize);
        if (m_master[i].defined()) param.detach().copy_(m_master[i]);
    }
#endif
}

void AdamW::zeroGrad() {
    for (auto& [name, p] : m_params)
        if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
}

std::vector<std::pair<std::string, torch::Tensor>> AdamW::state() const {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (size_t i = 0; i < m_params.size(); ++i) {
        out.emplace_back("exp_avg." + m_params[i].first, m_expAvg[i]);
        out.emplace_back("exp_avg_sq." + m_params[i].first, m_expAvgSq[i]);
        if (m_master[i].defined()) out.emplace_back("master." + m_params[i].first, m_master[i]);
    }
    out.emplace_back("step", torch::tensor({m_steps}, torch::kInt64));
    return out;
}

void AdamW::loadState(const std::vector<std::pair<std::string, torch::Tensor>>& tensors, const std::string& source) {
    std::map<std::string, torch::Tensor> byName(tensors.begin(), tensors.end());
    auto take = [&](const std::string& name, torch::Tensor& into) {
        const auto it = byName.find(name);
        if (it == byName.end()) throw Error(source + ": missing optimizer tensor \"" + name + "\"");
        if (it->second.sizes() != into.sizes()) throw Error(source + ": optimizer tensor \"" + name + "\" has the wrong shape");
        torch::NoGradGuard noGrad;
        into.copy_(it->second);
    };
    for (size_t i = 0; i < m_params.size(); ++i) {
        take("exp_avg." + m_params[i].first, m_expAvg[i]);
        take("exp_avg_sq." + m_params[i].first, m_expAvgSq[i]);
        if (m_master[i].defined()) {
            take("master." + m_params[i].first, m_master[i]);
            torch::NoGradGuard noGrad;
            m_params[i].second.copy_(m_master[i]);
        }
    }
    const auto it = byName.find("step");
    if (it == byName.end()) throw Error(source + ": missing optimizer tensor \"step\"");
    m_steps = it->second.to(torch::kInt64).item<int64_t>();
    for (auto& t : m_stepTensors) t.fill_(double(m_steps));
}

namespace {
std::vector<torch::Tensor> definedGrads(const std::vector<std::pair<std::string, torch::Tensor>>& params) {
    std::vector<torch::Tensor> grads;
    for (const auto& [name, p] : params)
        if (p.grad().defined()) grads.push_back(p.grad());
    return grads;
}
} // namespace

torch::Tensor gradNorm(const std::vector<std::pair<std::string, torch::Tensor>>& params) {
    const auto grads = definedGrads(params);
    if (grads.empty()) return torch::zeros({}, torch::kFloat32);
#if FT_HAS_FUSED_OPTIMIZER
    // Per-tensor norms in one multi-tensor kernel, then the norm of those (clip_grad_norm_'s way).
    return at::linalg_vector_norm(at::stack(at::_foreach_norm(grads, 2)).to(torch::kFloat32), 2);
#else
    torch::Tensor total;
    for (const auto& g : grads) {
        const auto sq = g.to(torch::kFloat32).pow(2).sum();
        total = total.defined() ? total + sq : sq;
    }
    return total.sqrt();
#endif
}

void clipGradients(const std::vector<std::pair<std::string, torch::Tensor>>& params, const torch::Tensor& norm, double maxNorm) {
    if (maxNorm <= 0) return;
    torch::NoGradGuard noGrad;
    auto grads = definedGrads(params);
    if (grads.empty()) return;
    const auto coefficient = (maxNorm / (norm + 1e-6)).clamp_max(1.0); // exactly 1 under the limit
#if FT_HAS_FUSED_OPTIMIZER
    at::_foreach_mul_(grads, coefficient.to(grads.front().scalar_type()));
#else
    for (auto& g : grads) g.mul_(coefficient);
#endif
}

torch::Tensor nonFinite(const torch::Tensor& values) {
    return values.isfinite().logical_not().any().to(torch::kFloat32);
}

} // namespace ft
