// An estimate of a LoRA run's peak memory before it starts, from the model's shapes and the run's
// settings alone: frozen weights, adapters with their gradients and AdamW state, the activations
// kept for the backward pass (all of them, or one per layer with gradient checkpointing), and the
// logits. It errs on the generous side; `finetune bench --train` (the studio's Measure button)
// gives the real figure. Plain types only.
#pragma once
#include "model/model_summary.h"
#include "train/run_config.h"

#include <cstdint>

namespace ft {

struct MemoryEstimate {
    uint64_t weights = 0;     // frozen base weights in the training dtype
    uint64_t adapters = 0;    // LoRA weights, gradients and the two AdamW moments (fp32)
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

// LoRA parameters the configuration adds to this model.
int64_t loraParameterCount(const ModelSummary& model, const LoraConfig& lora);

} // namespace ft
