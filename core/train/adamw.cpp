#include "train/adamw.h"

#include "util/error.h"

#include "torch_pch.h"

#include <cmath>
#include <map>

namespace ft {

AdamW::AdamW(std::vector<std::pair<std::string, torch::Tensor>> params, AdamWOptions options)
    : m_params(std::move(params)), m_options(options) {
    for (auto& [name, p] : m_params) {
        m_expAvg.push_back(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
        m_expAvgSq.push_back(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
        m_decays.push_back(!m_options.decays || m_options.decays(name));
        m_lrScale.push_back(m_options.lrScale ? m_options.lrScale(name) : 1.0);
    }
}

void AdamW::step(double lr) {
    torch::NoGradGuard noGrad;
    ++m_steps;
    const double b1 = m_options.beta1, b2 = m_options.beta2;
    const double biasCorrection1 = 1.0 - std::pow(b1, double(m_steps));
    const double biasCorrection2Sqrt = std::sqrt(1.0 - std::pow(b2, double(m_steps)));
    for (size_t i = 0; i < m_params.size(); ++i) {
        auto& p = m_params[i].second;
        const auto& g = p.grad();
        if (!g.defined()) continue;
        const double paramLr = lr * m_lrScale[i];
        const double stepSize = paramLr / biasCorrection1;
        if (m_options.weightDecay != 0 && m_decays[i]) p.mul_(1.0 - paramLr * m_options.weightDecay);
        m_expAvg[i].lerp_(g, 1.0 - b1);
        m_expAvgSq[i].mul_(b2).addcmul_(g, g, 1.0 - b2);
        const auto denom = (m_expAvgSq[i].sqrt() / biasCorrection2Sqrt).add_(m_options.eps);
        p.addcdiv_(m_expAvg[i], denom, -stepSize);
    }
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
    }
    const auto it = byName.find("step");
    if (it == byName.end()) throw Error(source + ": missing optimizer tensor \"step\"");
    m_steps = it->second.to(torch::kInt64).item<int64_t>();
}

torch::Tensor gradNorm(const std::vector<std::pair<std::string, torch::Tensor>>& params) {
    torch::Tensor total;
    for (const auto& [name, p] : params) {
        if (!p.grad().defined()) continue;
        const auto sq = p.grad().to(torch::kFloat32).pow(2).sum();
        total = total.defined() ? total + sq : sq;
    }
    return total.defined() ? total.sqrt() : torch::zeros({}, torch::kFloat32);
}

void clipGradients(const std::vector<std::pair<std::string, torch::Tensor>>& params, double norm, double maxNorm) {
    if (maxNorm <= 0 || !(norm > maxNorm)) return;
    const double coefficient = maxNorm / (norm + 1e-6);   // as torch.nn.utils.clip_grad_norm_
    torch::NoGradGuard noGrad;
    for (const auto& [name, p] : params)
        if (p.grad().defined()) p.mutable_grad().mul_(coefficient);
}

} // namespace ft
