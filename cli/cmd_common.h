// Helpers shared by the model commands: loading a model from --model/--dtype/--device and reading stdin.
#pragma once
#include "model/model_loader.h"
#include "tokenizer/tokenizer.h"

#include <memory>

#include <string>
#include <vector>

namespace ft::cli {

class Args;

LoadedModel loadModelFromArgs(const Args& args);

// The model of --model DIR, or random weights in the shape of --config config.json (benchmarks:
// any published architecture without downloading it). Sets *source to the path used.
CausalLM benchModelFromArgs(const Args& args, const torch::Device& device, torch::ScalarType dtype, std::string* source);

// The tokenizer of --tokenizer DIR, else of --model DIR.
std::shared_ptr<const Tokenizer> loadTokenizerFromArgs(const Args& args);

// The folder's tokenizer when it has tokenizer files (errors in them are reported), else null.
std::shared_ptr<const Tokenizer> loadTokenizerIfPresent(const std::string& dir);

// All of stdin, split into lines (a trailing '\r' is removed).
std::vector<std::string> readStdinLines();

// Parses "1,2,3" into ids; throws naming the option.
std::vector<int64_t> parseIdList(const std::string& text, const std::string& option);

} // namespace ft::cli
