// LoRA adapters on a CausalLM: applying, loading and saving in PEFT's layout, merging.
#include "lora/lora_adapter.h"

#include "io/atomic_file.h"
#include "io/safetensors.h"
#include "util/error.h"

#include "torch_pch.h"

#include <filesystem>
#include <map>

namespace ft {

namespace {
const std::string kPeftPrefix = "base_model.model.";

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string out = "[";
    for (size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

// Every Linear projection of the decoder layers, by module path.
std::vector<std::pair<std::string, Linear>> allProjections(CausalLM& model) {
    std::vector<std::pair<std::string, Linear>> out;
    for (size_t i = 0; i < model->model->layers->size(); ++i) {
        auto* layer = model->model->layers[i]->as<DecoderLayerImpl>();
        const std::string p = "model.layers." + std::to_string(i) + ".";
        auto& a = layer->self_attn;
        auto& m = layer->mlp;
        out.emplace_back(p + "self_attn.q_proj", a->q_proj);
        out.emplace_back(p + "self_attn.k_proj", a->k_proj);
        out.emplace_back(p + "self_attn.v_proj", a->v_proj);
        out.emplace_back(p + "self_attn.o_proj", a->o_proj);
        out.emplace_back(p + "mlp.gate_proj", m->gate_proj);
        out.emplace_back(p + "mlp.up_proj", m->up_proj);
        out.emplace_back(p + "mlp.down_proj", m->down_proj);
    }
    return out;
}
} // namespace

std::vector<std::pair<std::string, Linear>> loraTargets(CausalLM& model, const LoraConfig& config) {
    std::vector<std::pair<std::string, Linear>> out;
    for (auto& [path, linear] : allProjections(model))
        if (config.targets_(path)) out.emplace_back(path, linear);
    return out;
}

void applyLora(CausalLM& model, const LoraConfig& config, uint64_t seed) {
    if (config.targetsRegex.empty()) config.validate();
    const auto targets = loraTargets(model, config);
    if (targets.empty()) throw Error("the LoRA targets match no module of the model");
    auto gen = at::detail::createCPUGenerator(seed);
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(model->device());
    for (auto [path, linear] : targets) linear->attachLora(config.r, config.scaling(), config.dropout, options, gen, config.dora);
}

std::vector<std::pair<std::string, torch::Tensor>> adapterTensors(CausalLM& model) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto& [path, linear] : allProjections(model))
        if (linear->hasLora()) {
            out.emplace_back(kPeftPrefix + path + ".lora_A.weight", linear->lora_A->weight);
            out.emplace_back(kPeftPrefix + path + ".lora_B.weight", linear->lora_B->weight);
            if (linear->hasDora()) out.emplace_back(kPeftPrefix + path + ".lora_magnitude_vector", linear->loraMagnitude);
        }
    return out;
}

void saveAdapter(const std::string& dir, CausalLM& model, const LoraConfig& config, const std::string& baseModel) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error("cannot create the adapter folder " + dir + ": " + ec.message());
    const auto tensors = adapterTensors(model);
    if (tensors.empty()) throw Error("the model has no LoRA adapter to save");
    writeSafetensors(dir + "/adapter_model.safetensors", tensors);
    writeFileAtomic(dir + "/adapter_config.json", config.toPeftJson(baseModel));
}

bool isLoraB(const std::string& adapterTensorName) {
    return adapterTensorName.find(".lora_B.") != std::string::npos;
}

LoraConfig loadAdapter(const std::string& dir, CausalLM& model) {
    try {
        const std::string configPath = dir + "/adapter_config.json", weightsPath = dir + "/adapter_model.safetensors";
        if (!fileExists(configPath)) throw Error(dir + " holds no adapter_config.json", "give the folder of a PEFT LoRA adapter");
        if (!fileExists(weightsPath))
            throw Error(dir + " holds no adapter_model.safetensors",
                        "only safetensors adapters are read; re-save with safe_serialization=True");
        const LoraConfig config = LoraConfig::fromPeftJson(readFile(configPath), configPath);
        const SafetensorsFile file(weightsPath);
        // PEFT writes no adapter name; some tools keep ".default" in the names: accept both.
        std::map<std::string, std::string> names;
        for (const auto& e : file.entries()) {
            std::string n = e.name;
            for (const char* suffix : {".lora_A.default.weight", ".lora_B.default.weight"}) {
                const auto at = n.find(suffix);
                if (at != std::string::npos) n = n.substr(0, at) + std::string(suffix).substr(0, 7) + ".weight";
            }
            const std::string magnitude = ".lora_magnitude_vector.default.weight";
            if (n.size() > magnitude.size() && n.compare(n.size() - magnitude.size(), magnitude.size(), magnitude) == 0)
                n = n.substr(0, n.size() - magnitude.size()) + ".lora_magnitude_vector";
            names[n] = e.name;
        }
        applyLora(model, config, /*seed=*/0);
        torch::NoGradGuard noGrad;
        size_t used = 0;
        for (auto& [name, tensor] : adapterTensors(model)) {
            const auto it = names.find(name);
            if (it == names.end()) throw Error(weightsPath + ": missing tensor \"" + name + "\" that the config's target_modules imply");
            const auto& entry = file.entry(it->second);
            if (entry.shape != tensor.sizes().vec())
                throw Error(weightsPath + ": tensor \"" + name + "\" has shape " + shapeText(entry.shape) + ", the model needs " +
                                shapeText(tensor.sizes().vec()),
                            "the adapter was trained on a model of another shape");
            tensor.copy_(file.tensor(it->second));
            ++used;
        }
        if (used != names.size())
            for (const auto& [name, original] : names) {
                bool known = false;
                for (auto& [n, t] : adapterTensors(model)) known |= n == name;
                if (!known) throw Error(weightsPath + ": tensor \"" + original + "\" does not belong to a LoRA of this model");
            }
        return config;
    } catch (...) {
        rethrowWithContext("loading adapter " + dir);
    }
}

void setLoraEnabled(CausalLM& model, bool enabled) {
    for (auto& [path, linear] : allProjections(model)) linear->loraEnabled = enabled;
}

void mergeLora(CausalLM& model) {
    for (auto& [path, linear] : allProjections(model)) linear->mergeLora();
}

} // namespace ft
