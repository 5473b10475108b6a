// LoraConfig: which projections get a LoRA adapter and how it is scaled, with the PEFT
// adapter_config.json it reads and writes. Plain types only.
#pragma once
#include "util/config_problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ft {

struct LoraConfig {
    int64_t r = 8;
    double alpha = 16;
    double dropout = 0;
    std::vector<std::string> targets = {"q_proj", "v_proj"}; // module names; or one regex in targetsRegex
    std::string targetsRegex;                                // PEFT's string form: re.fullmatch on the module path
    bool rslora = false;                                     // scaling alpha / sqrt(r) instead of alpha / r
    bool dora = false; // DoRA (PEFT's use_dora): a trained magnitude per output row over the direction W + scaling B A

    double scaling() const;
    std::vector<ConfigProblem> problems() const; // every bad field, named ("lora.r")
    void validate() const;                       // throws ft::Error listing them

    // Does the module at `path` (e.g. "model.layers.3.self_attn.q_proj") get an adapter?
    bool targets_(const std::string& path) const;

    // PEFT's adapter_config.json (the keys every PEFT version reads).
    std::string toPeftJson(const std::string& baseModel) const;
    static LoraConfig fromPeftJson(const std::string& text, const std::string& source);
};

// The seven projections LoRA can adapt in a Llama-family decoder.
const std::vector<std::string>& loraTargetNames();

} // namespace ft
