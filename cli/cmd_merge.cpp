// finetune merge --model DIR --adapter DIR --out DIR [--dtype fp32|bf16]: base + LoRA merged into a
// complete Hugging Face model folder (config, weights, generation config, tokenizer files).
#include "args.h"
#include "commands.h"
#include "io/atomic_file.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "util/error.h"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runMerge(const Argv& argv) {
    const Args args(argv, {"model", "adapter", "out", "dtype"}, {});
    const std::string base = args.required("model"), adapter = args.required("adapter"), out = args.required("out");
    if (std::filesystem::exists(out + "/config.json"))
        throw Error(out + " already holds a model", "choose an empty folder; nothing was overwritten");
    // Merge in float32 (as PEFT does for low-precision weights), then store in the requested dtype.
    LoadedModel m = loadModel(base, {torch::kCPU, torch::kFloat32});
    const LoraConfig config = loadAdapter(adapter, m.model);
    mergeLora(m.model);
    const auto dtype = parseDtype(args.value("dtype", "fp32"));
    if (dtype != torch::kFloat32) m.model->to(dtype);
    saveModel(out, m.model, m.eosTokenIds);
    for (const char* f : {"tokenizer.json", "tokenizer.model", "tokenizer_config.json", "special_tokens_map.json",
                          "chat_template.jinja", "generation_config.json"})
        if (fileExists(base + "/" + f)) writeFileAtomic(out + "/" + f, readFile(base + "/" + f));
    std::cout << nlohmann::json{{"model", out}, {"base", base}, {"adapter", adapter}, {"r", config.r},
                                {"scaling", config.scaling()}}.dump()
              << std::endl;
    return 0;
}

} // namespace ft::cli
