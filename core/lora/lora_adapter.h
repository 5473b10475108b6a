// LoRA adapters on a CausalLM: attach (PEFT's initialisation), save and load in PEFT's layout
// (adapter_config.json + adapter_model.safetensors, tensors named
// "base_model.model.<module>.lora_A.weight"), switch on and off, and merge into the base weights.
#pragma once
#include "lora/lora_config.h"
#include "model/llama_model.h"

#include <string>
#include <utility>
#include <vector>

namespace ft {

// The projections the config targets, by module path ("model.layers.0.self_attn.q_proj").
std::vector<std::pair<std::string, Linear>> loraTargets(CausalLM& model, const LoraConfig& config);

// Attaches fresh adapters (A uniform within 1/sqrt(in), B zero: the model's output is unchanged).
// Adapter weights are float32 on the model's device; throws if nothing matches.
void applyLora(CausalLM& model, const LoraConfig& config, uint64_t seed);

// Adapter tensors under PEFT's names.
std::vector<std::pair<std::string, torch::Tensor>> adapterTensors(CausalLM& model);
// Whether an adapterTensors() name is a B (up-projection) matrix; LoRA+ gives those a larger lr.
bool isLoraB(const std::string& adapterTensorName);

// Writes adapter_config.json and adapter_model.safetensors into `dir` (atomically, file by file).
void saveAdapter(const std::string& dir, CausalLM& model, const LoraConfig& config, const std::string& baseModel);

// Reads a PEFT adapter folder, attaches its adapters and loads its weights; every missing, extra or
// misshapen tensor is an error naming it. Returns the adapter's config.
LoraConfig loadAdapter(const std::string& dir, CausalLM& model);

void setLoraEnabled(CausalLM& model, bool enabled);
void mergeLora(CausalLM& model); // W += scaling B A for every adapter; the adapters are removed

} // namespace ft
