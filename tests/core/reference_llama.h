// An independent, deliberately naive float64 implementation of the Hugging Face Llama/Qwen2/Mistral
// forward pass, written from the published formulas (per head, per position, explicit rotation
// pairs), to check the engine against something that shares none of its code.
#pragma once
#include "model/llama_config.h"
#include "torch_pch.h"

#include <map>
#include <string>
#include <vector>

namespace ft::test {

// weights: HF tensor names -> tensors (any float dtype). Returns logits [T, V] in float64.
torch::Tensor referenceLogits(const LlamaConfig& config, const std::map<std::string, torch::Tensor>& weights,
                              const std::vector<int64_t>& ids);

} // namespace ft::test
