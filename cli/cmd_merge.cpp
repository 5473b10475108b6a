// finetune merge --model DIR --adapter DIR --out DIR [--dtype fp32|bf16] [--template NAME|FILE]:
// base + LoRA merged into a complete Hugging Face model folder (config, weights, generation config,
// tokenizer files with the chat template).
#include "args.h"
#include "commands.h"
#include "export/run_export.h"
#include "lora/lora_config.h"
#include "io/atomic_file.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runMerge(const Argv& argv) {
    const Args args(argv, {"model", "adapter", "out", "dtype", "template"}, {});
    ExportSource source;
    source.modelDir = args.required("model");
    source.adapterDir = args.required("adapter");
    source.chatTemplate = args.value("template");
    const std::string out = args.required("out");
    exportMergedModel(source, out, args.value("dtype", "fp32"));
    const LoraConfig config = LoraConfig::fromPeftJson(readFile(source.adapterDir + "/adapter_config.json"), source.adapterDir);
    std::cout << nlohmann::json{{"model", out},
                                {"base", source.modelDir},
                                {"adapter", source.adapterDir},
                                {"r", config.r},
                                {"scaling", config.scaling()}}
                     .dump()
              << std::endl;
    return 0;
}

} // namespace ft::cli
