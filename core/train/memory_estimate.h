// An estimate of a run's peak memory before it starts, from the model's shapes and the run's
// settings alone (its method among them): the weights (QLoRA: NF4 where quantized), what trains with
// its gradients and AdamW state (adapters; or for full fine-tuning the model's own weights), the activations
// kept for the backward pass (all of them, or one per layer with gradient checkpointing), and the
// logits. It errs on the generous side; `finetune bench --train` (the studio's Measure button)
// gives the real figure. Plain types only.
#pragma once
#include "model/model_summary.h"
#include "train/run_config.h"

#include <cstdint>
#include <vector>

namespace ft {

struct MemoryEstimate {
    uint64_t weights = 0;     // base weights in the training dtype (QLoRA: NF4 where quantized)
    uint64_t adapters = 0;    // what trains beyond the weights: LoRA weights, gradients and the two AdamW moments (fp32);
                              // full fine-tuning: gradients, moments and master copies
    uint64_t activations = 0; // saved for backward
    uint64_t logits = 0;      // the LM-head loss: one slice of logits, the target rows' hidden states
    uint64_t overhead = 0;    // the runtime itself (libtorch on the CPU; CUDA context)
    int64_t trainableParams = 0;
    uint64_t total() const { return weights + adapters + activations + logits + overhead; }
};

// `cuda`: where it runs (bf16 weights by default there); `fusedAttention`: whether attention keeps
// no probabilities for backward (scaled_dot_product_attention, or the engine's blockwise attention
// node: model/attention_function.h; only --composed-ops benchmarks without both keep them).
MemoryEstimate estimateTrainingMemory(const ModelSummary& model, const RunConfig& config, bool cuda, bool fusedAttention);

// Whether a run of `estimateBytes` fits a device of `deviceBytes`, 5% of which is kept back for the
// driver, the display and fragmentation.
bool fitsOnDevice(uint64_t estimateBytes, uint64_t deviceBytes);
// The consumer cards the estimate names (GiB): 8, 12, 16 and 24.
const std::vector<int>& commonCardGiB();

// LoRA parameters the configuration adds to this model.
int64_t loraParameterCount(const ModelSummary& model, const LoraConfig& lora);

} // namespace ft
