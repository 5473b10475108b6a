// Rotary position embeddings in Hugging Face's rotate-half convention: dimension i pairs with i + hd/2.
// Frequencies honour rope_theta and rope_scaling ("linear", "llama3").
#pragma once
#include "model/llama_config.h"

#include <torch/types.h>
#include <utility>

namespace ft {

// inv_freq [hd/2] in float32, with the config's scaling applied.
torch::Tensor ropeInverseFrequencies(const LlamaConfig& config);

// positions [B, T] int64 -> (cos, sin), each [B, T, hd] in `dtype`, computed in float32 then cast.
std::pair<torch::Tensor, torch::Tensor> ropeCosSin(const torch::Tensor& invFreq, const torch::Tensor& positions, torch::ScalarType dtype);

// x [B, heads, T, hd]; cos/sin [B, T, hd] -> rotated x.
torch::Tensor applyRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

} // namespace ft
