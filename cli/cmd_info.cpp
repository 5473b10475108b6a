// finetune info --model DIR: what a model folder holds, read from config.json and the safetensors
// headers (no weights are loaded).
#include "args.h"
#include "commands.h"
#include "io/model_weights.h"
#include "model/model_loader.h"
#include "util/error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

namespace {
std::string hfDtypeName(const std::string& safetensorsDtype) {
    if (safetensorsDtype == "BF16") return "bfloat16";
    if (safetensorsDtype == "F16") return "float16";
    if (safetensorsDtype == "F32") return "float32";
    return safetensorsDtype;
}

const char* ropeScalingName(RopeScaling s) {
    return s == RopeScaling::Linear ? "linear" : s == RopeScaling::Llama3 ? "llama3" : "none";
}
} // namespace

int runInfo(const Argv& argv) {
    const Args args(argv, {"model"}, {});
    const std::string dir = args.required("model");
    try {
        const LlamaConfig c = LlamaConfig::fromFile(dir + "/config.json");
        const ModelWeights weights(dir);
        checkWeights(c, weights, dir);
        int64_t params = 0;
        for (const auto& [name, shape] : expectedTensors(c)) {
            int64_t n = 1;
            for (int64_t d : shape) n *= d;
            params += n;
        }
        nlohmann::json out = {
            {"architecture", c.architecture},
            {"model_type", c.modelType},
            {"parameters", params},
            {"layers", c.numLayers},
            {"hidden_size", c.hiddenSize},
            {"intermediate_size", c.intermediateSize},
            {"heads", c.numHeads},
            {"kv_heads", c.numKvHeads},
            {"head_dim", c.headDim},
            {"vocab_size", c.vocabSize},
            {"dtype", hfDtypeName(weights.dominantDtype())},
            {"max_positions", c.maxPositions},
            {"tie_word_embeddings", c.tieWordEmbeddings},
            {"rope_theta", c.ropeTheta},
            {"rope_scaling", ropeScalingName(c.ropeScaling)},
            {"sliding_window", c.slidingWindow},
            {"bos_token_id", c.bosTokenId >= 0 ? nlohmann::json(c.bosTokenId) : nlohmann::json(nullptr)},
            {"eos_token_ids", readEosTokenIds(dir, c)},
            {"weights_bytes", weights.totalBytes()},
            {"weight_files", weights.files().size()},
        };
        std::cout << out.dump(2) << std::endl;
    } catch (...) {
        rethrowWithContext("reading model " + dir);
    }
    return 0;
}

} // namespace ft::cli
