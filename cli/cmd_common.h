// Helpers shared by the model commands: loading a model from --model/--dtype/--device and reading stdin.
#pragma once
#include "model/model_loader.h"

#include <string>
#include <vector>

namespace ft::cli {

class Args;

// Options every model command accepts.
extern const char* const kModelOptions[3];   // "model", "dtype", "device"

LoadedModel loadModelFromArgs(const Args& args);

// All of stdin, split into lines (a trailing '\r' is removed).
std::vector<std::string> readStdinLines();

// Parses "1,2,3" into ids; throws naming the option.
std::vector<int64_t> parseIdList(const std::string& text, const std::string& option);

} // namespace ft::cli
