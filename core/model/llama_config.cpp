// LlamaConfig: a model's config.json read and checked, for the Llama, Mistral and Qwen2 families.
#include "model/llama_config.h"

#include "io/atomic_file.h"
#include "io/json_file.h"
#include "util/error.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ft {

namespace {

using json = nlohmann::json;

// Reads an integer field (absent or null keeps the default); names the field when it is the wrong type.
void readInt(const json& j, const char* key, int64_t& out, const std::string& src) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_number_integer()) throw Error(format("%s: field \"%s\" must be an integer", src.c_str(), key));
    out = j[key].get<int64_t>();
}

void readDouble(const json& j, const char* key, double& out, const std::string& src) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_number()) throw Error(format("%s: field \"%s\" must be a number", src.c_str(), key));
    out = j[key].get<double>();
}

void readBool(const json& j, const char* key, bool& out, const std::string& src) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_boolean()) throw Error(format("%s: field \"%s\" must be true or false", src.c_str(), key));
    out = j[key].get<bool>();
}

void readRopeScaling(const json& rs, LlamaConfig& c, const std::string& src) {
    if (rs.is_null()) return;
    if (!rs.is_object()) throw Error(src + ": field \"rope_scaling\" must be an object or null");
    std::string type;
    if (rs.contains("rope_type") && rs["rope_type"].is_string()) type = rs["rope_type"].get<std::string>();
    else if (rs.contains("type") && rs["type"].is_string()) type = rs["type"].get<std::string>();
    if (type.empty() || type == "default") return;
    readDouble(rs, "factor", c.ropeFactor, src + " rope_scaling");
    if (type == "linear") {
        c.ropeScaling = RopeScaling::Linear;
    } else if (type == "llama3") {
        c.ropeScaling = RopeScaling::Llama3;
        readDouble(rs, "low_freq_factor", c.ropeLowFreqFactor, src + " rope_scaling");
        readDouble(rs, "high_freq_factor", c.ropeHighFreqFactor, src + " rope_scaling");
        readInt(rs, "original_max_position_embeddings", c.ropeOriginalMaxPositions, src + " rope_scaling");
    } else {
        throw Error(format("%s: rope_scaling type \"%s\" is not supported", src.c_str(), type.c_str()),
                    "supported rope scaling types are \"linear\" and \"llama3\"");
    }
    if (!(c.ropeFactor > 0)) throw Error(src + ": rope_scaling.factor must be positive");
}

std::vector<int64_t> readIdList(const json& j, const char* key, const std::string& src) {
    std::vector<int64_t> ids;
    if (!j.contains(key) || j[key].is_null()) return ids;
    const json& v = j[key];
    if (v.is_number_integer()) return {v.get<int64_t>()};
    if (v.is_array()) {
        for (const auto& x : v) {
            if (!x.is_number_integer()) throw Error(format("%s: field \"%s\" must hold integers", src.c_str(), key));
            ids.push_back(x.get<int64_t>());
        }
        return ids;
    }
    throw Error(format("%s: field \"%s\" must be an integer or a list of integers", src.c_str(), key));
}

} // namespace

LlamaConfig LlamaConfig::fromJson(const std::string& text, const std::string& src) {
    json j = parseJson(text, src);
    if (!j.is_object()) throw Error(src + ": not a JSON object");

    LlamaConfig c;
    if (j.contains("architectures") && j["architectures"].is_array() && !j["architectures"].empty() && j["architectures"][0].is_string())
        c.architecture = j["architectures"][0].get<std::string>();
    if (j.contains("model_type") && j["model_type"].is_string()) c.modelType = j["model_type"].get<std::string>();
    if (c.architecture.empty()) {
        if (c.modelType == "llama") c.architecture = "LlamaForCausalLM";
        else if (c.modelType == "mistral") c.architecture = "MistralForCausalLM";
        else if (c.modelType == "qwen2") c.architecture = "Qwen2ForCausalLM";
    }
    const bool isLlama = c.architecture == "LlamaForCausalLM";
    const bool isMistral = c.architecture == "MistralForCausalLM";
    const bool isQwen2 = c.architecture == "Qwen2ForCausalLM";
    if (!isLlama && !isMistral && !isQwen2)
        throw Error(format("%s: architecture \"%s\" is not supported", src.c_str(),
                           c.architecture.empty() ? "(none given)" : c.architecture.c_str()),
                    "supported architectures are LlamaForCausalLM, MistralForCausalLM and Qwen2ForCausalLM");
    if (c.modelType.empty()) c.modelType = isLlama ? "llama" : isMistral ? "mistral" : "qwen2";

    // Family defaults, as transformers' configuration classes have them.
    if (isMistral) {
        c.vocabSize = 32000;
        c.intermediateSize = 14336;
        c.numKvHeads = 8;
        c.maxPositions = 131072;
        c.rmsNormEps = 1e-6;
        c.slidingWindow = 4096;
    } else if (isQwen2) {
        c.vocabSize = 151936;
        c.intermediateSize = 22016;
        c.maxPositions = 32768;
        c.numKvHeads = 32;
        c.qkvBias = true;
    }
    readInt(j, "vocab_size", c.vocabSize, src);
    readInt(j, "hidden_size", c.hiddenSize, src);
    readInt(j, "intermediate_size", c.intermediateSize, src);
    readInt(j, "num_hidden_layers", c.numLayers, src);
    readInt(j, "num_attention_heads", c.numHeads, src);
    c.numKvHeads = isMistral ? 8 : c.numHeads;
    readInt(j, "num_key_value_heads", c.numKvHeads, src);
    c.headDim = c.numHeads > 0 ? c.hiddenSize / c.numHeads : 0;
    readInt(j, "head_dim", c.headDim, src);
    readInt(j, "max_position_embeddings", c.maxPositions, src);
    readDouble(j, "rms_norm_eps", c.rmsNormEps, src);
    readBool(j, "tie_word_embeddings", c.tieWordEmbeddings, src);

    // RoPE: transformers 4.x top-level rope_theta/rope_scaling, or 5.x rope_parameters.
    readDouble(j, "rope_theta", c.ropeTheta, src);
    if (j.contains("rope_scaling")) readRopeScaling(j["rope_scaling"], c, src);
    if (j.contains("rope_parameters") && j["rope_parameters"].is_object()) {
        readDouble(j["rope_parameters"], "rope_theta", c.ropeTheta, src + " rope_parameters");
        readRopeScaling(j["rope_parameters"], c, src + " rope_parameters");
    }
    if (j.contains("partial_rotary_factor") && j["partial_rotary_factor"].is_number() && j["partial_rotary_factor"].get<double>() != 1.0)
        throw Error(src + ": partial_rotary_factor other than 1 is not supported");

    if (j.contains("hidden_act") && j["hidden_act"].is_string() && j["hidden_act"] != "silu")
        throw Error(
            format("%s: hidden_act \"%s\" is not supported (only \"silu\")", src.c_str(), j["hidden_act"].get<std::string>().c_str()));
    if (j.contains("pretraining_tp") && j["pretraining_tp"].is_number_integer() && j["pretraining_tp"].get<int>() != 1)
        throw Error(src + ": pretraining_tp other than 1 is not supported");

    if (isLlama) { // MistralForCausalLM has no biases at all
        bool attentionBias = false, mlpBias = false;
        readBool(j, "attention_bias", attentionBias, src);
        readBool(j, "mlp_bias", mlpBias, src);
        c.qkvBias = c.oBias = attentionBias;
        c.mlpBias = mlpBias;
    }
    if (isMistral) {
        if (j.contains("sliding_window")) {
            c.slidingWindow = 0;
            readInt(j, "sliding_window", c.slidingWindow, src);
        }
    } else if (isQwen2) {
        bool useSliding = false;
        readBool(j, "use_sliding_window", useSliding, src);
        if (useSliding) throw Error(src + ": use_sliding_window=true is not supported for Qwen2 models");
    }

    std::vector<int64_t> bos = readIdList(j, "bos_token_id", src);
    if (!bos.empty()) c.bosTokenId = bos.front();
    c.eosTokenIds = readIdList(j, "eos_token_id", src);
    std::vector<int64_t> pad = readIdList(j, "pad_token_id", src);
    if (!pad.empty()) c.padTokenId = pad.front();
    if (j.contains("torch_dtype") && j["torch_dtype"].is_string()) c.torchDtype = j["torch_dtype"].get<std::string>();
    else if (j.contains("dtype") && j["dtype"].is_string()) c.torchDtype = j["dtype"].get<std::string>();

    c.validate(src);
    return c;
}

LlamaConfig LlamaConfig::fromFile(const std::string& path) {
    return fromJson(readFile(path), path);
}

void LlamaConfig::validate(const std::string& src) const {
    auto positive = [&](int64_t v, const char* field) {
        if (v <= 0) throw Error(format("%s: field \"%s\" must be positive (got %lld)", src.c_str(), field, (long long)v));
    };
    positive(vocabSize, "vocab_size");
    positive(hiddenSize, "hidden_size");
    positive(intermediateSize, "intermediate_size");
    positive(numLayers, "num_hidden_layers");
    positive(numHeads, "num_attention_heads");
    positive(numKvHeads, "num_key_value_heads");
    positive(headDim, "head_dim");
    positive(maxPositions, "max_position_embeddings");
    if (numHeads % numKvHeads != 0)
        throw Error(format("%s: num_attention_heads (%lld) must be a multiple of num_key_value_heads (%lld)", src.c_str(),
                           (long long)numHeads, (long long)numKvHeads));
    if (headDim % 2 != 0) throw Error(format("%s: head_dim (%lld) must be even for rotary embeddings", src.c_str(), (long long)headDim));
    if (!(rmsNormEps > 0)) throw Error(src + ": field \"rms_norm_eps\" must be positive");
    if (!(ropeTheta > 0)) throw Error(src + ": field \"rope_theta\" must be positive");
    if (slidingWindow < 0) throw Error(src + ": field \"sliding_window\" must not be negative");
    if (ropeScaling == RopeScaling::Llama3 && !(ropeHighFreqFactor > ropeLowFreqFactor))
        throw Error(src + ": rope_scaling.high_freq_factor must be larger than low_freq_factor");
    for (int64_t id : eosTokenIds)
        if (id < 0 || id >= vocabSize) throw Error(format("%s: eos_token_id %lld is outside the vocabulary", src.c_str(), (long long)id));
    if (bosTokenId >= vocabSize) throw Error(format("%s: bos_token_id %lld is outside the vocabulary", src.c_str(), (long long)bosTokenId));
}

int64_t LlamaConfig::parameterCount() const {
    const int64_t H = hiddenSize, I = intermediateSize, hd = headDim;
    int64_t attn = H * numHeads * hd * 2 + H * numKvHeads * hd * 2;
    if (qkvBias) attn += numHeads * hd + 2 * numKvHeads * hd;
    if (oBias) attn += H;
    int64_t mlp = 3 * H * I;
    if (mlpBias) mlp += 2 * I + H;
    const int64_t layer = attn + mlp + 2 * H;
    return vocabSize * H * (tieWordEmbeddings ? 1 : 2) + numLayers * layer + H;
}

std::string LlamaConfig::toJson() const {
    json j;
    j["architectures"] = {architecture};
    j["model_type"] = modelType;
    j["vocab_size"] = vocabSize;
    j["hidden_size"] = hiddenSize;
    j["intermediate_size"] = intermediateSize;
    j["num_hidden_layers"] = numLayers;
    j["num_attention_heads"] = numHeads;
    j["num_key_value_heads"] = numKvHeads;
    j["head_dim"] = headDim;
    j["hidden_act"] = "silu";
    j["max_position_embeddings"] = maxPositions;
    j["rms_norm_eps"] = rmsNormEps;
    j["rope_theta"] = ropeTheta;
    if (ropeScaling == RopeScaling::None) {
        j["rope_scaling"] = nullptr;
    } else if (ropeScaling == RopeScaling::Linear) {
        j["rope_scaling"] = {{"rope_type", "linear"}, {"factor", ropeFactor}};
    } else {
        j["rope_scaling"] = {{"rope_type", "llama3"},
                             {"factor", ropeFactor},
                             {"low_freq_factor", ropeLowFreqFactor},
                             {"high_freq_factor", ropeHighFreqFactor},
                             {"original_max_position_embeddings", ropeOriginalMaxPositions}};
    }
    j["tie_word_embeddings"] = tieWordEmbeddings;
    if (modelType != "qwen2") {
        j["attention_bias"] = qkvBias;
        j["mlp_bias"] = mlpBias;
    } else {
        j["use_sliding_window"] = false;
    }
    if (modelType == "mistral") j["sliding_window"] = slidingWindow > 0 ? json(slidingWindow) : json(nullptr);
    j["bos_token_id"] = bosTokenId >= 0 ? json(bosTokenId) : json(nullptr);
    if (eosTokenIds.size() == 1) j["eos_token_id"] = eosTokenIds[0];
    else if (eosTokenIds.empty()) j["eos_token_id"] = nullptr;
    else j["eos_token_id"] = eosTokenIds;
    if (padTokenId >= 0) j["pad_token_id"] = padTokenId;
    j["torch_dtype"] = torchDtype.empty() ? "float32" : torchDtype;
    return j.dump(2) + "\n";
}

} // namespace ft
