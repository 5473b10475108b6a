// NF4 weights in bitsandbytes' serialized layout (what a Linear4bit's state dict holds, and what
// Hugging Face's pre-quantized "bnb-4bit" safetensors files store), for a weight named W:
//   W                                  uint8 [n/2, 1], the packed codes
//   W.absmax, W.quant_map              the block scales (8-bit codes with double quantization) and the NF4 levels
//   W.nested_absmax, W.nested_quant_map   double quantization's scales and dynamic map
//   W.quant_state.bitsandbytes__nf4    uint8 bytes of a JSON object: quant_type, blocksize, dtype,
//                                      shape, nested_blocksize, nested_dtype, nested_offset
#pragma once
#include "quant/nf4.h"

#include <string>
#include <utility>
#include <vector>

namespace ft {

std::vector<std::pair<std::string, torch::Tensor>> bitsandbytesTensors(const std::string& name, const Nf4Tensor& q);

} // namespace ft
