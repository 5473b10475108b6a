// finetune estimate (RUN.json | --model DIR | --config config.json) [--method lora|qlora|dora|full]
// [--batch N] [--seq N] [--r N] [--targets all|q_proj,...] [--gradient-checkpointing] [--device cpu|cuda]
// [--dtype fp32|bf16] [--json]: the peak memory a training run will need, from the model's shapes
// and the settings alone (train/memory_estimate.h, the Setup view's estimate), with the cards of
// 8, 12, 16 and 24 GB it fits. A run configuration's own settings are used; the flags override them.
#include "args.h"
#include "commands.h"
#include "model/llama_config.h"
#include "model/model_summary.h"
#include "model/training_nodes.h"
#include "train/memory_estimate.h"
#include "train/run_config.h"
#include "util/device_info.h"
#include "util/error.h"
#include "util/memory_stats.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ft::cli {

int runEstimate(const Argv& argv) {
    const Args args(argv, {"model", "config", "method", "batch", "seq", "r", "targets", "device", "dtype"},
                    {"gradient-checkpointing", "json"});
    RunConfig c;
    ModelSummary model;
    std::string source;
    if (!args.positionals().empty()) {
        source = args.positionals().front();
        c = RunConfig::fromFile(source);
        model = describeModel(c.model);
    } else if (args.has("model") != args.has("config")) {
        source = args.has("model") ? args.value("model") : args.value("config");
        model = args.has("model") ? describeModel(source) : summarizeConfig(LlamaConfig::fromFile(source));
        c.train.batchSize = 1;
        c.train.maxSeqLen = 2048;
    } else {
        throw Error("give a run configuration (RUN.json), or exactly one of --model DIR or --config config.json");
    }
    if (args.has("method")) c.method = trainMethodFromName(args.value("method"));
    c.train.batchSize = args.integer("batch", c.train.batchSize);
    c.train.maxSeqLen = args.integer("seq", c.train.maxSeqLen);
    c.lora.r = args.integer("r", c.lora.r);
    if (args.has("targets")) {
        c.lora.targets.clear();
        if (args.value("targets") == "all") c.lora.targets = loraTargetNames();
        std::stringstream in(args.value("targets"));
        for (std::string t; args.value("targets") != "all" && std::getline(in, t, ',');) c.lora.targets.push_back(t);
    }
    if (args.flag("gradient-checkpointing")) c.train.gradientCheckpointing = true;
    if (args.has("device")) c.device = args.value("device");
    if (args.has("dtype")) c.dtype = args.value("dtype");
    const bool cuda = c.device.rfind("cuda", 0) == 0 || (c.device == "auto" && autoDeviceId() != "cpu");
    const MemoryEstimate e = estimateTrainingMemory(model, c, cuda, trainingAttentionIsFused(cuda));
    nlohmann::json fits = nlohmann::json::object();
    for (int gib : commonCardGiB()) fits[std::to_string(gib) + " GB"] = fitsOnDevice(e.total(), uint64_t(gib) << 30);
    const nlohmann::json out = {{"source", source},
                                {"method", trainMethodName(c.method)},
                                {"device", cuda ? "cuda" : "cpu"},
                                {"batch", c.train.batchSize},
                                {"seq", c.train.maxSeqLen},
                                {"gradient_checkpointing", c.train.gradientCheckpointing},
                                {"parameters", model.parameters},
                                {"trainable_parameters", e.trainableParams},
                                {"bytes",
                                 {{"total", e.total()},
                                  {"weights", e.weights},
                                  {"training_state", e.adapters},
                                  {"activations", e.activations},
                                  {"logits", e.logits},
                                  {"runtime", e.overhead}}},
                                {"fits", fits}};
    if (args.flag("json")) {
        std::cout << out.dump() << std::endl;
        return 0;
    }
    std::cout << "peak memory ≈ " << formatBytes(e.total()) << " on " << (cuda ? "a GPU" : "the CPU") << " (" << trainMethodName(c.method)
              << ", batch " << c.train.batchSize << " x " << c.train.maxSeqLen << " tokens"
              << (c.train.gradientCheckpointing ? ", gradient checkpointing" : "") << ")\n"
              << "  weights " << formatBytes(e.weights) << ", training state " << formatBytes(e.adapters) << ", activations "
              << formatBytes(e.activations) << ", logits " << formatBytes(e.logits) << ", runtime " << formatBytes(e.overhead) << "\n"
              << "  fits:";
    for (int gib : commonCardGiB()) std::cout << " " << gib << " GB " << (fitsOnDevice(e.total(), uint64_t(gib) << 30) ? "yes" : "no");
    std::cout << "\n";
    return 0;
}

} // namespace ft::cli
