// ModelSummary: what a model folder holds, from config.json and the safetensors headers alone (no
// weights are loaded). Plain types only, so the studio can include this without libtorch.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft {

struct ModelSummary {
    std::string dir;
    std::string architecture; // "LlamaForCausalLM", ...
    std::string modelType;    // "llama", ...
    int64_t parameters = 0;
    int64_t layers = 0, hiddenSize = 0, intermediateSize = 0;
    int64_t heads = 0, kvHeads = 0, headDim = 0, vocabSize = 0, maxPositions = 0;
    std::string dtype; // of the stored weights: "bfloat16", "float16", "float32"
    bool tieWordEmbeddings = false;
    double ropeTheta = 0;
    std::string ropeScaling; // "none", "linear", "llama3"
    int64_t slidingWindow = 0;
    int64_t bosTokenId = -1;
    std::vector<int64_t> eosTokenIds;
    uint64_t weightsBytes = 0;
    size_t weightFiles = 0;

    std::string toJson(int indent = 2) const;
};

struct LlamaConfig;

// The shape-only part of a summary (no folder, dtype or EOS ids), e.g. for a bare config.json.
ModelSummary summarizeConfig(const LlamaConfig& config);

// Reads and validates the folder (config, every weight header, tensor names and shapes); throws
// ft::Error naming the file and the problem when the model cannot be used.
ModelSummary describeModel(const std::string& dir);

} // namespace ft
