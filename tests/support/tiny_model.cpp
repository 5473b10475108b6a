// Test support: tiny random models in Hugging Face layout, and temporary folders.
#include "tiny_model.h"
#include "tiny_tokenizer.h"

#include "model/model_loader.h"
#include "torch_pch.h"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace ft::test {

std::string makeTempDir(const std::string& tag) {
    const char* base = std::getenv("FT_TEST_TMP");
    std::filesystem::path root = base && *base ? base : "/tmp/ft-tests";
    std::filesystem::create_directories(root);
    std::string pattern = (root / (tag + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    return pattern;
}

LlamaConfig tinyConfig(const std::string& variant) {
    LlamaConfig c;
    c.architecture = "LlamaForCausalLM";
    c.modelType = "llama";
    c.vocabSize = 97;
    c.hiddenSize = 32;
    c.intermediateSize = 48;
    c.numLayers = 2;
    c.numHeads = 4;
    c.numKvHeads = 2;
    c.headDim = 8;
    c.maxPositions = 256;
    c.rmsNormEps = 1e-5;
    c.ropeTheta = 10000.0;
    c.bosTokenId = 1;
    c.eosTokenIds = {2};
    if (variant == "llama-gqa") {
    } else if (variant == "llama-mha") {
        c.numKvHeads = 4;
        c.tieWordEmbeddings = true;
    } else if (variant == "llama3-rope") {
        c.headDim = 16; // != H / nh = 8
        c.ropeTheta = 500000.0;
        c.ropeScaling = RopeScaling::Llama3;
        c.ropeFactor = 8.0;
        c.ropeLowFreqFactor = 1.0;
        c.ropeHighFreqFactor = 4.0;
        c.ropeOriginalMaxPositions = 64;
    } else if (variant == "llama-linear") {
        c.ropeScaling = RopeScaling::Linear;
        c.ropeFactor = 2.0;
        c.qkvBias = c.oBias = c.mlpBias = true;
    } else if (variant == "qwen2") {
        c.architecture = "Qwen2ForCausalLM";
        c.modelType = "qwen2";
        c.qkvBias = true;
        c.tieWordEmbeddings = true;
        c.ropeTheta = 1000000.0;
        c.rmsNormEps = 1e-6;
    } else if (variant == "mistral") {
        c.architecture = "MistralForCausalLM";
        c.modelType = "mistral";
        c.slidingWindow = 5;
    } else if (variant == "mqa") {
        c.numKvHeads = 1;
    } else {
        throw std::runtime_error("unknown tiny model variant " + variant);
    }
    return c;
}

void writeTinyModel(const std::string& dir, const LlamaConfig& config, uint64_t seed, uint64_t shardBytes) {
    std::filesystem::create_directories(dir);
    CausalLM model(config, torch::TensorOptions().dtype(torch::kFloat32));
    initRandomWeights(model, seed, 0.2); // large enough that logits are far from uniform
    saveModel(dir, model, config.eosTokenIds, shardBytes ? shardBytes : 5'000'000'000ull);
}

LlamaConfig writeTinyChatModel(const std::string& dir, uint64_t seed) {
    std::filesystem::create_directories(dir);
    const int vocab = writeTinyTokenizer(dir);
    LlamaConfig c = tinyConfig("llama-gqa");
    c.vocabSize = vocab;
    c.hiddenSize = 48;
    c.intermediateSize = 96;
    c.headDim = 12;
    c.bosTokenId = vocab - 3;    // <|im_start|>
    c.eosTokenIds = {vocab - 2}; // <|im_end|>
    writeTinyModel(dir, c, seed);
    return c;
}

std::string cliPath() {
    const char* p = std::getenv("FT_CLI");
    return p && *p ? p : "finetune";
}

} // namespace ft::test
