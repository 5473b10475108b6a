// Loading and saving Llama-family models in Hugging Face folder layout.
// Every check (config, missing/unexpected tensors, shapes, dtypes) runs before any memory for the
// model is allocated, and each failure names the file and the tensor.
#pragma once
#include "model/llama_model.h"

#include <functional>
#include <string>
#include <vector>

namespace ft {

class ModelWeights;

struct LoadOptions {
    LoadOptions() = default;
    LoadOptions(torch::Device d, torch::ScalarType t) : device(d), dtype(t) {}
    torch::Device device = torch::kCPU;
    torch::ScalarType dtype = torch::kFloat32;
    // QLoRA: the projections (by module path, "model.layers.0.self_attn.q_proj") whose weights are
    // stored in NF4, quantized on the device one at a time as they are read: the dense model is never
    // held whole. Empty: none.
    std::function<bool(const std::string& modulePath)> quantizeNf4;
    int64_t nf4BlockSize = 64;
};

struct LoadedModel {
    std::string dir;
    LlamaConfig config;
    CausalLM model{nullptr};
    std::vector<int64_t> eosTokenIds; // config.json and generation_config.json together
};

// "auto" picks CUDA when available. Throws ft::Error naming the bad value.
torch::Device parseDevice(const std::string& text);
torch::ScalarType parseDtype(const std::string& text); // "fp32" | "bf16" | "fp16" (also "float32", ...)
std::string dtypeName(torch::ScalarType type);         // "fp32" | "bf16" | "fp16"
// A run's dtype setting on `device`: "auto" is bf16 on CUDA and fp32 elsewhere; else parseDtype.
torch::ScalarType resolveDtype(const std::string& setting, const torch::Device& device);

// The parameter names and shapes a model of this config must have, without allocating it.
std::vector<std::pair<std::string, std::vector<int64_t>>> expectedTensors(const LlamaConfig& config);

// Throws ft::Error if `weights` lacks a tensor, has one of the wrong shape or dtype, or has one
// the architecture does not use. `dir` names the folder in messages.
void checkWeights(const LlamaConfig& config, const ModelWeights& weights, const std::string& dir);

// EOS ids from config.json plus generation_config.json (if present), de-duplicated.
std::vector<int64_t> readEosTokenIds(const std::string& dir, const LlamaConfig& config);

LoadedModel loadModel(const std::string& dir, const LoadOptions& options = {});

// Writes config.json, generation_config.json and the weights (in the model's dtype, or `dtype`).
void saveModel(const std::string& dir, CausalLM& model, const std::vector<int64_t>& eosTokenIds = {},
               uint64_t maxShardBytes = 5'000'000'000ull);

} // namespace ft
