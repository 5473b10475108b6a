// LoraConfig: its checks and PEFT's adapter_config.json, both ways.
#include "lora/lora_config.h"

#include "io/json_file.h"
#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <regex>

namespace ft {

const std::vector<std::string>& loraTargetNames() {
    static const std::vector<std::string> names = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
    return names;
}

double LoraConfig::scaling() const {
    return rslora ? alpha / std::sqrt(double(r)) : alpha / double(r);
}

std::vector<ConfigProblem> LoraConfig::problems() const {
    std::vector<ConfigProblem> out;
    auto need = [&](bool ok, const char* field, const std::string& message) {
        if (!ok) out.push_back({field, message, {}});
    };
    need(r >= 1, "lora.r", format("lora.r must be at least 1 (got %lld)", (long long)r));
    need(alpha > 0, "lora.alpha", format("lora.alpha must be positive (got %g)", alpha));
    need(dropout >= 0 && dropout < 1, "lora.dropout", format("lora.dropout must be in [0, 1) (got %g)", dropout));
    need(!targets.empty() || !targetsRegex.empty(), "lora.targets", "lora.targets must name at least one projection");
    for (const auto& t : targets)
        need(std::find(loraTargetNames().begin(), loraTargetNames().end(), t) != loraTargetNames().end(), "lora.targets",
             "lora.targets: \"" + t + "\" is not one of q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj");
    return out;
}

void LoraConfig::validate() const {
    throwIfAny(problems());
}

bool LoraConfig::targets_(const std::string& path) const {
    if (!targetsRegex.empty()) return std::regex_match(path, std::regex(targetsRegex));
    for (const auto& t : targets)
        if (path == t || (path.size() > t.size() && path.compare(path.size() - t.size() - 1, t.size() + 1, "." + t) == 0)) return true;
    return false;
}

std::string LoraConfig::toPeftJson(const std::string& baseModel) const {
    std::vector<std::string> sorted = targets;
    std::sort(sorted.begin(), sorted.end());
    nlohmann::json j = {
        {"peft_type", "LORA"},
        {"task_type", "CAUSAL_LM"},
        {"base_model_name_or_path", baseModel},
        {"r", r},
        {"lora_alpha", alpha},
        {"lora_dropout", dropout},
        {"use_rslora", rslora},
        {"bias", "none"},
        {"fan_in_fan_out", false},
        {"inference_mode", true},
        {"init_lora_weights", true},
        {"modules_to_save", nullptr},
        {"layers_to_transform", nullptr},
        {"layers_pattern", nullptr},
        {"rank_pattern", nlohmann::json::object()},
        {"alpha_pattern", nlohmann::json::object()},
        {"use_dora", dora},
        {"revision", nullptr},
    };
    j["target_modules"] = targetsRegex.empty() ? nlohmann::json(sorted) : nlohmann::json(targetsRegex);
    return j.dump(2) + "\n";
}

LoraConfig LoraConfig::fromPeftJson(const std::string& text, const std::string& src) {
    nlohmann::json j = parseJson(text, src);
    if (j.value("peft_type", "") != "LORA") throw Error(src + ": peft_type is not \"LORA\"", "only LoRA adapters are supported");
    auto unsupported = [&](const char* key, bool condition, const char* what) {
        if (condition) throw Error(src + ": " + key + " is set; " + what + " adapters are not supported");
    };
    unsupported("lora_bias", j.value("lora_bias", false), "LoRA-bias");
    unsupported("modules_to_save", j.contains("modules_to_save") && !j["modules_to_save"].is_null() && !j["modules_to_save"].empty(),
                "modules_to_save");
    unsupported("rank_pattern", j.contains("rank_pattern") && j["rank_pattern"].is_object() && !j["rank_pattern"].empty(),
                "per-module rank");
    unsupported("alpha_pattern", j.contains("alpha_pattern") && j["alpha_pattern"].is_object() && !j["alpha_pattern"].empty(),
                "per-module alpha");
    unsupported("layers_to_transform", j.contains("layers_to_transform") && !j["layers_to_transform"].is_null(), "layer-subset");
    if (j.contains("bias") && j["bias"].is_string() && j["bias"] != "none")
        throw Error(src + ": bias \"" + j["bias"].get<std::string>() + "\" is not supported");
    LoraConfig c;
    try {
        c.r = j.at("r").get<int64_t>();
        c.alpha = j.value("lora_alpha", double(c.r));
        c.dropout = j.value("lora_dropout", 0.0);
        c.rslora = j.value("use_rslora", false);
        c.dora = j.value("use_dora", false);
        const auto& t = j.at("target_modules");
        c.targets.clear();
        if (t.is_string()) {
            if (t == "all-linear") c.targets = loraTargetNames();
            else c.targetsRegex = t.get<std::string>();
        } else {
            for (const auto& x : t) c.targets.push_back(x.get<std::string>());
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(format("%s: unexpected value: %s", src.c_str(), e.what()));
    }
    if (c.targetsRegex.empty()) c.validate();
    return c;
}

} // namespace ft
