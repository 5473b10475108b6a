// Helpers the model commands share (see cmd_common.h).
#include "cmd_common.h"

#include "args.h"
#include "io/atomic_file.h"
#include "lora/lora_adapter.h"
#include "util/error.h"

#include <fstream>
#include <iostream>

namespace ft::cli {

LoadedModel loadModelFromArgs(const Args& args) {
    LoadOptions options;
    options.device = parseDevice(args.value("device", "cpu"));
    options.dtype = parseDtype(args.value("dtype", "fp32"));
    LoadedModel m = loadModel(args.required("model"), options);
    if (args.has("adapter")) loadAdapter(args.value("adapter"), m.model); // PEFT LoRA adapter on top of the base
    return m;
}

CausalLM benchModelFromArgs(const Args& args, const torch::Device& device, torch::ScalarType dtype, std::string* source) {
    if (args.has("model") == args.has("config"))
        throw Error("give exactly one of --model DIR or --config config.json (random weights in that shape)");
    if (args.has("model")) {
        *source = args.value("model");
        return loadModel(*source, {device, dtype}).model;
    }
    *source = args.value("config");
    CausalLM model(LlamaConfig::fromFile(*source), torch::TensorOptions().device(device).dtype(dtype));
    initRandomWeights(model, 1);
    return model;
}

std::shared_ptr<const Tokenizer> loadTokenizerFromArgs(const Args& args) {
    if (args.has("tokenizer")) return Tokenizer::load(args.value("tokenizer"));
    if (args.has("model")) return Tokenizer::load(args.value("model"));
    throw Error("give --tokenizer DIR or --model DIR");
}

std::shared_ptr<const Tokenizer> loadTokenizerIfPresent(const std::string& dir) {
    for (const char* file : {"/tokenizer.json", "/tokenizer.model"})
        if (fileExists(dir + file)) return Tokenizer::load(dir);
    return nullptr;
}

std::vector<std::string> readStdinLines() {
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::vector<int64_t> parseIdList(const std::string& text, const std::string& option) {
    std::vector<int64_t> ids;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t comma = text.find(',', pos);
        const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        char* end = nullptr;
        const long long v = std::strtoll(item.c_str(), &end, 10);
        if (item.empty() || *end != '\0')
            throw Error("option --" + option + " needs comma-separated token ids (bad item \"" + item + "\")");
        ids.push_back(v);
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return ids;
}

} // namespace ft::cli
