// Test support: a tiny random model with LoRA on all seven projections and random B matrices
// (PEFT's zero B would leave A without gradients), for tests of training and its gradients.
#pragma once
#include "model/llama_model.h"

#include <string>

namespace ft::test {

// tinyConfig(variant) in `dtype`, weights N(0, 0.2) from `weightSeed`, adapters (r 8 by LoraConfig's
// default, seed 1) with `dropout`, B ~ N(0, 0.1) from torch's global generator seeded with 9.
CausalLM tinyLoraModel(const std::string& variant, torch::ScalarType dtype, double dropout, uint64_t weightSeed = 5);

} // namespace ft::test
