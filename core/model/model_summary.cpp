// ModelSummary: what a model folder holds, read from its files without loading the weights.
#include "model/model_summary.h"

#include "io/model_weights.h"
#include "model/model_loader.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace ft {

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

ModelSummary summarizeConfig(const LlamaConfig& c) {
    ModelSummary s;
    s.architecture = c.architecture;
    s.modelType = c.modelType;
    for (const auto& [name, shape] : expectedTensors(c)) {
        int64_t n = 1;
        for (int64_t d : shape) n *= d;
        s.parameters += n;
    }
    s.layers = c.numLayers;
    s.hiddenSize = c.hiddenSize;
    s.intermediateSize = c.intermediateSize;
    s.heads = c.numHeads;
    s.kvHeads = c.numKvHeads;
    s.headDim = c.headDim;
    s.vocabSize = c.vocabSize;
    s.maxPositions = c.maxPositions;
    s.tieWordEmbeddings = c.tieWordEmbeddings;
    s.ropeTheta = c.ropeTheta;
    s.ropeScaling = ropeScalingName(c.ropeScaling);
    s.slidingWindow = c.slidingWindow;
    s.bosTokenId = c.bosTokenId;
    return s;
}

ModelSummary describeModel(const std::string& dir) {
    try {
        const LlamaConfig c = LlamaConfig::fromFile(dir + "/config.json");
        const ModelWeights weights(dir);
        checkWeights(c, weights, dir);
        ModelSummary s = summarizeConfig(c);
        s.dir = dir;
        s.dtype = hfDtypeName(weights.dominantDtype());
        s.eosTokenIds = readEosTokenIds(dir, c);
        s.weightsBytes = weights.totalBytes();
        s.weightFiles = weights.files().size();
        return s;
    } catch (...) {
        rethrowWithContext("reading model " + dir);
    }
}

std::string ModelSummary::toJson(int indent) const {
    const nlohmann::json j = {
        {"architecture", architecture},
        {"model_type", modelType},
        {"parameters", parameters},
        {"layers", layers},
        {"hidden_size", hiddenSize},
        {"intermediate_size", intermediateSize},
        {"heads", heads},
        {"kv_heads", kvHeads},
        {"head_dim", headDim},
        {"vocab_size", vocabSize},
        {"dtype", dtype},
        {"max_positions", maxPositions},
        {"tie_word_embeddings", tieWordEmbeddings},
        {"rope_theta", ropeTheta},
        {"rope_scaling", ropeScaling},
        {"sliding_window", slidingWindow},
        {"bos_token_id", bosTokenId >= 0 ? nlohmann::json(bosTokenId) : nlohmann::json(nullptr)},
        {"eos_token_ids", eosTokenIds},
        {"weights_bytes", weightsBytes},
        {"weight_files", weightFiles},
    };
    return j.dump(indent);
}

} // namespace ft
