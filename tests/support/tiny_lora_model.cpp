// Test support: tiny models with LoRA adapters for the engine's tests.
#include "tiny_lora_model.h"

#include "lora/lora_adapter.h"
#include "tiny_model.h"

#include "torch_pch.h"

namespace ft::test {

CausalLM tinyLoraModel(const std::string& variant, torch::ScalarType dtype, double dropout, uint64_t weightSeed) {
    CausalLM model(tinyConfig(variant), torch::TensorOptions().dtype(dtype));
    initRandomWeights(model, weightSeed, 0.2);
    LoraConfig lora;
    lora.targets = loraTargetNames();
    lora.dropout = dropout;
    applyLora(model, lora, 1);
    torch::manual_seed(9);
    torch::NoGradGuard noGrad;
    for (auto& [name, t] : adapterTensors(model))
        if (name.find("lora_B") != std::string::npos) t.normal_(0, 0.1);
    return model;
}

} // namespace ft::test
