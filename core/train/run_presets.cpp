// The run presets' values (see run_presets.h).
#include "train/run_presets.h"

#include "lora/lora_config.h"

#include <nlohmann/json.hpp>

namespace ft {

using json = nlohmann::json;

const std::vector<RunPreset>& runPresets() {
    static const std::vector<RunPreset> all{RunPreset::QuickTest, RunPreset::Balanced, RunPreset::Thorough};
    return all;
}

const char* runPresetName(RunPreset preset) {
    switch (preset) {
    case RunPreset::QuickTest: return "quick-test";
    case RunPreset::Balanced: return "balanced";
    case RunPreset::Thorough: return "thorough";
    }
    return "balanced";
}

std::optional<RunPreset> runPresetFromName(const std::string& name) {
    for (RunPreset p : runPresets())
        if (name == runPresetName(p)) return p;
    return std::nullopt;
}

void applyRunPreset(json& config, RunPreset preset) {
    json& t = config["train"];
    json& l = config["lora"];
    switch (preset) {
    case RunPreset::QuickTest:
        l["r"] = 8, l["alpha"] = 16.0, l["dropout"] = 0.0, l["targets"] = {"q_proj", "v_proj"};
        t["lr"] = 3e-4, t["max_steps"] = 30, t["batch_size"] = 2, t["grad_accum"] = 1, t["max_seq_len"] = 512;
        t["warmup_steps"] = 3, t["eval_every"] = 10, t["save_every"] = 0, t["early_stopping_patience"] = 0;
        t["gradient_checkpointing"] = false, t["schedule"] = "constant";
        break;
    case RunPreset::Balanced:
        l["r"] = 16, l["alpha"] = 32.0, l["dropout"] = 0.05, l["targets"] = loraTargetNames();
        t["lr"] = 2e-4, t["max_steps"] = 0, t["epochs"] = 3.0, t["batch_size"] = 4, t["grad_accum"] = 1, t["max_seq_len"] = 1024;
        t["warmup_steps"] = 10, t["eval_every"] = 50, t["save_every"] = 100, t["early_stopping_patience"] = 0;
        t["gradient_checkpointing"] = false, t["schedule"] = "cosine";
        break;
    case RunPreset::Thorough:
        l["r"] = 32, l["alpha"] = 64.0, l["dropout"] = 0.1, l["targets"] = loraTargetNames();
        t["lr"] = 1e-4, t["max_steps"] = 0, t["epochs"] = 5.0, t["batch_size"] = 8, t["grad_accum"] = 2, t["max_seq_len"] = 2048;
        t["warmup_steps"] = 30, t["eval_every"] = 25, t["save_every"] = 50, t["early_stopping_patience"] = 3;
        t["gradient_checkpointing"] = true, t["schedule"] = "cosine";
        break;
    }
}

} // namespace ft
