// Loading and saving Llama-family models in Hugging Face folder layout.
#include "model/model_loader.h"

#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/model_weights.h"
#include "util/device_info.h"
#include "util/error.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>
#include "torch_pch.h"

namespace ft {

namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// Tensors some checkpoints carry that the model does not use and that are safe to skip.
bool isIgnorable(const std::string& name, const LlamaConfig& c) {
    if (name.find("rotary_emb.inv_freq") != std::string::npos) return true;
    return c.tieWordEmbeddings && name == "lm_head.weight"; // transformers ties and ignores it too
}

} // namespace

torch::Device parseDevice(const std::string& text) {
    if (text == "auto") return torch::Device(autoDeviceId());
    if (text == "cpu") return torch::kCPU;
    if (text.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available())
            throw Error("device \"" + text + "\" was asked for, but this build or machine has no CUDA",
                        "use --device cpu, or a libtorch built with CUDA on a machine with an NVIDIA GPU");
        try {
            return torch::Device(text);
        } catch (const std::exception&) {
            throw Error("device \"" + text + "\" is not a valid device (use cpu, cuda or cuda:N)");
        }
    }
    throw Error("device \"" + text + "\" is not one of auto, cpu, cuda, cuda:N");
}

torch::ScalarType parseDtype(const std::string& t) {
    if (t == "fp32" || t == "float32" || t == "f32") return torch::kFloat32;
    if (t == "bf16" || t == "bfloat16") return torch::kBFloat16;
    if (t == "fp16" || t == "float16" || t == "f16" || t == "half") return torch::kFloat16;
    throw Error("dtype \"" + t + "\" is not one of fp32, bf16, fp16");
}

torch::ScalarType resolveDtype(const std::string& setting, const torch::Device& device) {
    if (setting == "auto") return device.is_cuda() ? torch::kBFloat16 : torch::kFloat32;
    return parseDtype(setting);
}

std::string dtypeName(torch::ScalarType type) {
    switch (type) {
    case torch::kFloat32: return "fp32";
    case torch::kBFloat16: return "bf16";
    case torch::kFloat16: return "fp16";
    default: return c10::toString(type);
    }
}

std::vector<std::pair<std::string, std::vector<int64_t>>> expectedTensors(const LlamaConfig& config) {
    // Built on the meta device: shapes only, no memory.
    CausalLM meta(config, torch::TensorOptions().device(torch::kMeta).dtype(torch::kFloat32));
    std::vector<std::pair<std::string, std::vector<int64_t>>> out;
    for (const auto& p : meta->named_parameters()) out.emplace_back(p.key(), p.value().sizes().vec());
    return out;
}

void checkWeights(const LlamaConfig& config, const ModelWeights& weights, const std::string& dir) {
    std::set<std::string> expectedNames;
    for (const auto& [name, shape] : expectedTensors(config)) {
        expectedNames.insert(name);
        if (!weights.contains(name))
            throw Error(format("%s: the weights lack tensor \"%s\" (shape %s), which %s needs", dir.c_str(), name.c_str(),
                               shapeText(shape).c_str(), config.architecture.c_str()),
                        "the folder's weights do not match its config.json");
        const auto& e = weights.entry(name);
        if (e.shape != shape)
            throw Error(format("%s: tensor \"%s\" has shape %s but config.json implies %s", dir.c_str(), name.c_str(),
                               shapeText(e.shape).c_str(), shapeText(shape).c_str()));
        if (e.dtype != "F32" && e.dtype != "F16" && e.dtype != "BF16")
            throw Error(format("%s: tensor \"%s\" has dtype %s; model weights must be F32, F16 or BF16", dir.c_str(), name.c_str(),
                               e.dtype.c_str()));
    }
    for (const auto& name : weights.names())
        if (!expectedNames.count(name) && !isIgnorable(name, config))
            throw Error(
                format("%s: tensor \"%s\" is not part of a %s with this config", dir.c_str(), name.c_str(), config.architecture.c_str()),
                "the weights belong to another architecture or config.json is wrong");
}

std::vector<int64_t> readEosTokenIds(const std::string& dir, const LlamaConfig& config) {
    std::vector<int64_t> ids = config.eosTokenIds;
    const std::string path = dir + "/generation_config.json";
    if (fileExists(path)) {
        nlohmann::json j = readJsonFile(path);
        if (j.contains("eos_token_id")) {
            const auto& v = j["eos_token_id"];
            if (v.is_number_integer()) ids.push_back(v.get<int64_t>());
            else if (v.is_array())
                for (const auto& x : v)
                    if (x.is_number_integer()) ids.push_back(x.get<int64_t>());
        }
    }
    std::vector<int64_t> unique;
    for (int64_t id : ids)
        if (id >= 0 && id < config.vocabSize && std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
    return unique;
}

LoadedModel loadModel(const std::string& dir, const LoadOptions& options) {
    try {
        if (!isDirectory(dir)) throw Error(dir + " is not a folder", "give the folder that holds config.json");
        if (options.dtype == torch::kFloat16 && options.device.is_cpu())
            throw Error("fp16 is not supported on the CPU (libtorch has no CPU half-precision matmul)",
                        "use --dtype fp32 or bf16 on the CPU; fp16 works on CUDA");
        LoadedModel out;
        out.dir = dir;
        out.config = LlamaConfig::fromFile(dir + "/config.json");
        ModelWeights weights(dir);
        checkWeights(out.config, weights, dir);
        out.eosTokenIds = readEosTokenIds(dir, out.config);

        torch::NoGradGuard noGrad;
        if (!options.quantizeNf4) {
            out.model = CausalLM(out.config, torch::TensorOptions().device(options.device).dtype(options.dtype));
            for (auto& p : out.model->named_parameters()) p.value().copy_(weights.tensor(p.key()));
            out.model->eval();
            return out;
        }
        // Built in host memory that is reserved, never written (so never resident), then filled one
        // tensor at a time on the device: a dense copy of each projection exists only while it is
        // quantized.
        out.model = CausalLM(out.config, torch::TensorOptions().device(torch::kCPU).dtype(options.dtype));
        std::map<std::string, LinearImpl*> projections;
        for (const auto& m : out.model->named_modules())
            if (auto* linear = dynamic_cast<LinearImpl*>(m.value().get()); linear && options.quantizeNf4(m.key()))
                projections[m.key() + ".weight"] = linear;
        for (auto& p : out.model->named_parameters()) {
            const auto it = projections.find(p.key());
            if (it != projections.end())
                it->second->setQuantizedWeight(
                    quantizeNf4(weights.tensor(p.key()).to(options.device, options.dtype), options.nf4BlockSize));
            else // a copy of its own: the file's mapping goes away
                p.value().set_data(weights.tensor(p.key()).to(options.device, options.dtype, /*non_blocking=*/false, /*copy=*/true));
        }
        out.model->placeRotaryOn(options.device);
        out.model->eval();
        return out;
    } catch (...) {
        rethrowWithContext("loading model " + dir);
    }
}

void saveModel(const std::string& dir, CausalLM& model, const std::vector<int64_t>& eos, uint64_t maxShardBytes) {
    ::mkdir(dir.c_str(), 0755);
    if (!isDirectory(dir)) throw Error("cannot create the folder " + dir);
    LlamaConfig config = model->config();
    const auto dt = model->dtype();
    config.torchDtype = dt == torch::kBFloat16 ? "bfloat16" : dt == torch::kFloat16 ? "float16" : "float32";
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& p : model->named_parameters()) tensors.emplace_back(p.key(), p.value());
    saveModelWeights(dir, tensors, maxShardBytes);
    writeFileAtomic(dir + "/config.json", config.toJson());
    nlohmann::json gen = {{"_from_model_config", true}};
    if (config.bosTokenId >= 0) gen["bos_token_id"] = config.bosTokenId;
    const auto& ids = eos.empty() ? config.eosTokenIds : eos;
    if (ids.size() == 1) gen["eos_token_id"] = ids[0];
    else if (!ids.empty()) gen["eos_token_id"] = ids;
    writeFileAtomic(dir + "/generation_config.json", gen.dump(2) + "\n");
}

} // namespace ft
