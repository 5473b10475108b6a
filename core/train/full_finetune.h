// Full fine-tuning: which of the model's own weights train, and which of them weight decay applies to.
#pragma once
#include "model/llama_model.h"
#include "train/train_method.h"

#include <string>
#include <utility>
#include <vector>

namespace ft {

// The parameters that train under `settings`, by their Hugging Face names, with requires_grad set
// (the others cleared). Throws ft::Error naming full.layers when an index is not a layer of the model.
std::vector<std::pair<std::string, torch::Tensor>> selectFullTrainable(CausalLM& model, const FullSettings& settings);

// As transformers' Trainer: no weight decay on biases and normalisation gains.
bool fullFineTuneDecays(const std::string& parameterName);

} // namespace ft
