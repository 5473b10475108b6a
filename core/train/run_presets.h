// Run presets: named starting points for a run's LoRA and training settings, the same in the
// studio's Setup view and in `finetune train --preset`. Plain types only.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ft {

enum class RunPreset {
    QuickTest, // minutes: does the pipeline work, does the loss move?
    Balanced,  // the everyday choice: r 16 on every projection, 3 epochs
    Thorough,  // r 32, 5 epochs, early stopping, gradient checkpointing for longer sequences
};

const std::vector<RunPreset>& runPresets();
const char* runPresetName(RunPreset preset); // "quick-test", "balanced", "thorough"
std::optional<RunPreset> runPresetFromName(const std::string& name);

// Sets the preset's "lora" and "train" keys in a run configuration's JSON; other keys stay.
void applyRunPreset(nlohmann::json& config, RunPreset preset);

} // namespace ft
