// LlamaConfig: the hyper-parameters of a Llama-family decoder, parsed from Hugging Face config.json
// and validated. Family quirks (tied embeddings, q/k/v bias, rope scaling, sliding window) are
// fields here, never `if (arch == ...)` in the model code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft {

enum class RopeScaling { None, Linear, Llama3 };

struct LlamaConfig {
    std::string architecture; // "LlamaForCausalLM", "MistralForCausalLM", "Qwen2ForCausalLM"
    std::string modelType;    // "llama", "mistral", "qwen2"
    int64_t vocabSize = 32000;
    int64_t hiddenSize = 4096;        // H
    int64_t intermediateSize = 11008; // I
    int64_t numLayers = 32;
    int64_t numHeads = 32;   // nh
    int64_t numKvHeads = 32; // nkv (GQA when < nh, MQA when 1)
    int64_t headDim = 128;   // hd, = H / nh unless config.json gives head_dim
    int64_t maxPositions = 2048;
    double rmsNormEps = 1e-6;
    double ropeTheta = 10000.0;
    RopeScaling ropeScaling = RopeScaling::None;
    double ropeFactor = 1.0;                 // linear and llama3
    double ropeLowFreqFactor = 1.0;          // llama3
    double ropeHighFreqFactor = 4.0;         // llama3
    int64_t ropeOriginalMaxPositions = 8192; // llama3
    bool tieWordEmbeddings = false;
    bool qkvBias = false;             // bias on q/k/v projections (Qwen2 always; Llama with attention_bias)
    bool oBias = false;               // bias on o_proj (Llama with attention_bias)
    bool mlpBias = false;             // bias on gate/up/down (Llama mlp_bias)
    int64_t slidingWindow = 0;        // 0 = full causal attention (Mistral v0.1 uses 4096)
    int64_t bosTokenId = -1;          // -1 = none
    std::vector<int64_t> eosTokenIds; // config.json allows an int or a list
    int64_t padTokenId = -1;
    std::string torchDtype; // as written in the file ("bfloat16", ...), informational

    // Parses the text of a config.json; `source` names the file in error messages.
    static LlamaConfig fromJson(const std::string& jsonText, const std::string& source);
    static LlamaConfig fromFile(const std::string& path);
    std::string toJson() const; // a config.json that transformers loads

    // Number of parameters implied by the shapes (counts lm_head once when tied).
    int64_t parameterCount() const;
    // Throws ft::Error naming the field when the numbers are inconsistent.
    void validate(const std::string& source) const;
};

} // namespace ft
