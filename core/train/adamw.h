// AdamW (decoupled weight decay, bias-corrected moments: torch.optim.AdamW's update) over named
// parameters, with its state as named tensors so that checkpoints store it in safetensors. The state
// is float32 whatever the parameters' dtype: a bfloat16 parameter (full fine-tuning on CUDA) gets a
// float32 master copy that takes the updates, and is rounded from it after each step (updates far
// smaller than bfloat16's resolution add up in the master instead of vanishing).
#pragma once
#include <torch/types.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ft {

struct AdamWOptions {
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0.0;
    // Which parameters weight decay applies to, by name; empty: all of them.
    std::function<bool(const std::string& name)> decays{};
    // A factor on the learning rate, by name (LoRA+ gives the B matrices a larger one); empty: 1.
    std::function<double(const std::string& name)> lrScale{};
};

class AdamW {
public:
    AdamW(std::vector<std::pair<std::string, torch::Tensor>> params, AdamWOptions options);

    // One update with learning rate `lr` from the parameters' .grad() (parameters without a gradient
    // are skipped, as PyTorch does). `skipIf`, a float tensor on the parameters' device, cancels the
    // update where it is nonzero (a non-finite gradient norm) without the host reading it first.
    void step(double lr, const torch::Tensor& skipIf = {});
    void zeroGrad();

    int64_t steps() const { return m_steps; }
    const std::vector<std::pair<std::string, torch::Tensor>>& params() const { return m_params; }

    // "exp_avg.<name>", "exp_avg_sq.<name>", "master.<name>" (for non-float32 parameters) and "step"
    // (a 1-element int64 tensor).
    std::vector<std::pair<std::string, torch::Tensor>> state() const;
    // Throws ft::Error naming a missing or misshapen tensor.
    void loadState(const std::vector<std::pair<std::string, torch::Tensor>>& tensors, const std::string& source);

private:
    std::vector<std::pair<std::string, torch::Tensor>> m_params;
    std::vector<torch::Tensor> m_expAvg, m_expAvgSq;
    std::vector<torch::Tensor> m_master; // float32 copies of non-float32 parameters (undefined for float32 ones)
    std::vector<bool> m_decays;
    std::vector<double> m_lrScale;
    // Parameters that share a learning-rate factor and weight decay: one fused update each.
    struct Group {
        double lrScale;
        bool decays;
        std::vector<size_t> members;
    };
    std::vector<Group> m_groups;
    std::vector<torch::Tensor> m_stepTensors; // float32 step count per parameter, as the fused kernel reads it
    AdamWOptions m_options;
    int64_t m_steps = 0;
};

// Total L2 norm of the gradients (float32, on the parameters' device; undefined grads count 0).
torch::Tensor gradNorm(const std::vector<std::pair<std::string, torch::Tensor>>& params);
// Scales gradients so that their total norm is at most maxNorm, given the norm already computed as a
// tensor: the factor min(1, maxNorm / (norm + 1e-6)) stays on the device (torch.nn.utils.clip_grad_norm_'s).
void clipGradients(const std::vector<std::pair<std::string, torch::Tensor>>& params, const torch::Tensor& norm, double maxNorm);
// 1 where `values` holds a NaN or an infinity, else 0 (a float32 scalar): AdamW::step's skipIf.
torch::Tensor nonFinite(const torch::Tensor& values);

} // namespace ft
