// Full fine-tuning's trainable parameters.
#include "train/full_finetune.h"

#include "util/error.h"

#include "torch_pch.h"

#include <algorithm>

namespace ft {

namespace {
// The decoder layer a parameter belongs to ("model.layers.3.mlp.up_proj.weight" -> 3), or -1.
int64_t layerOf(const std::string& name) {
    const std::string prefix = "model.layers.";
    if (name.rfind(prefix, 0) != 0) return -1;
    return std::stoll(name.substr(prefix.size()));
}
} // namespace

std::vector<std::pair<std::string, torch::Tensor>> selectFullTrainable(CausalLM& model, const FullSettings& settings) {
    const int64_t layers = model->config().numLayers;
    for (int64_t l : settings.layers)
        if (l < 0 || l >= layers)
            throw Error(format("full.layers: the model has layers 0 to %lld, not %lld", (long long)(layers - 1), (long long)l));
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto& p : model->named_parameters()) {
        const int64_t layer = layerOf(p.key());
        const bool trains = layer < 0 ? settings.embeddings
                                      : settings.layers.empty() ||
                                            std::find(settings.layers.begin(), settings.layers.end(), layer) != settings.layers.end();
        p.value().set_requires_grad(trains);
        if (trains) out.emplace_back(p.key(), p.value());
    }
    if (out.empty()) throw Error("full: nothing to train", "list layers in full.layers, or set full.embeddings");
    return out;
}

bool fullFineTuneDecays(const std::string& name) {
    auto endsWith = [&](const std::string& s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
    return !endsWith(".bias") && !endsWith("norm.weight");
}

} // namespace ft
