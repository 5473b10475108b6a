// CausalLM: the Llama-family decoder (Llama, Mistral, Qwen2) with its LM head. Submodule names are
// Hugging Face's, so named_parameters() equals the safetensors key set ("model.layers.0...").
#pragma once
#include "model/decoder_layer.h"
#include "model/llama_config.h"

#include <torch/nn/modules/container/modulelist.h>

namespace ft {

class KvCache;

class BackboneImpl : public torch::nn::Module {
public:
    BackboneImpl(const LlamaConfig& config, const torch::TensorOptions& options);

    Embedding embed_tokens{nullptr};
    torch::nn::ModuleList layers{nullptr};
    RmsNorm norm{nullptr};
};
TORCH_MODULE(Backbone);

struct ForwardOptions {
    torch::Tensor positions;       // [B, T] int64; default: cache length + 0..T-1 for every row
    KvCache* cache = nullptr;      // incremental decoding; its keyValid marks padding slots
    torch::Tensor mask;            // [B, 1, T, T] bool (true = may attend): replaces the causal mask (packed rows)
    bool checkpointLayers = false; // training: keep only layer inputs, recompute the rest in backward
};

class CausalLMImpl : public torch::nn::Module {
public:
    CausalLMImpl(const LlamaConfig& config, const torch::TensorOptions& options);

    // ids [B, T] int64 -> final hidden states [B, T, H] (after the last RMSNorm).
    torch::Tensor hidden(const torch::Tensor& ids, const ForwardOptions& options = {});
    // hidden [..., H] -> logits [..., V] in the model dtype.
    torch::Tensor logits(const torch::Tensor& hidden);
    // ids [B, T] -> logits [B, T, V].
    torch::Tensor forward(const torch::Tensor& ids, const ForwardOptions& options = {});

    const LlamaConfig& config() const { return m_config; }
    torch::Tensor lmHeadWeight() const; // [V, H]; the embedding matrix when tied
    torch::Device device() const;
    torch::ScalarType dtype() const;
    // Moves the rotary frequencies to `device` (a loader that placed the parameters one by one).
    void placeRotaryOn(const torch::Device& device) { m_invFreq = m_invFreq.to(device); }

    Backbone model{nullptr};
    Linear lm_head{nullptr}; // null when tie_word_embeddings

private:
    LlamaConfig m_config;
    torch::Tensor m_invFreq; // [hd/2] float32, on the model's device
};
TORCH_MODULE(CausalLM);

// Fills every parameter with N(0, std), token embeddings with N(0, embeddingStd) and norm weights
// with 1 + N(0, 0.1): for tests, benchmarks and pre-training from scratch.
void initRandomWeights(CausalLM& model, uint64_t seed, double std = 0.02, double embeddingStd = 0.02);

} // namespace ft
