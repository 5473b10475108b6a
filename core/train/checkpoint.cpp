// Checkpoints: the adapter, optimiser state, RNG state and trainer state, saved and loaded
// atomically.
#include "train/checkpoint.h"

#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "train/adamw.h"
#include "util/error.h"

#include "torch_pch.h"

#include <ATen/Context.h>
#include <ATen/core/Generator.h>
#include <filesystem>

namespace ft {

namespace fs = std::filesystem;

nlohmann::json TrainerState::toJson() const {
    return {{"format_version", kCheckpointFormatVersion},
            {"step", step},
            {"epoch", epoch},
            {"micro_index", microIndex},
            {"total_steps", totalSteps},
            {"tokens_seen", tokensSeen},
            {"elapsed_s", elapsedSeconds},
            {"best_eval_loss", bestEvalLoss < 0 ? nlohmann::json(nullptr) : nlohmann::json(bestEvalLoss)},
            {"best_step", bestStep},
            {"evals_without_improvement", evalsWithoutImprovement},
            {"last_train_loss", lastTrainLoss < 0 ? nlohmann::json(nullptr) : nlohmann::json(lastTrainLoss)}};
}

TrainerState TrainerState::fromJson(const nlohmann::json& j, const std::string& source) {
    const int version =
        j.is_object() && j.contains("format_version") && j["format_version"].is_number_integer() ? j["format_version"].get<int>() : 1;
    if (version > kCheckpointFormatVersion)
        throw Error(format("%s: checkpoint format %d is newer than this Finetune Studio reads (up to %d)", source.c_str(), version,
                           kCheckpointFormatVersion),
                    "update Finetune Studio to resume this run");
    try {
        TrainerState s;
        s.step = j.at("step").get<int64_t>();
        s.epoch = j.at("epoch").get<int64_t>();
        s.microIndex = j.at("micro_index").get<int64_t>();
        s.totalSteps = j.value("total_steps", int64_t(0));
        s.tokensSeen = j.value("tokens_seen", int64_t(0));
        s.elapsedSeconds = j.value("elapsed_s", 0.0);
        s.bestEvalLoss = j.contains("best_eval_loss") && j["best_eval_loss"].is_number() ? j["best_eval_loss"].get<double>() : -1;
        s.bestStep = j.value("best_step", int64_t(0));
        s.evalsWithoutImprovement = j.value("evals_without_improvement", int64_t(0));
        s.lastTrainLoss = j.contains("last_train_loss") && j["last_train_loss"].is_number() ? j["last_train_loss"].get<double>() : -1;
        return s;
    } catch (const nlohmann::json::exception& e) {
        throw Error(source + ": " + e.what());
    }
}

namespace {

std::vector<std::pair<std::string, torch::Tensor>> rngStates(const torch::Device& device) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        out.emplace_back("cpu", gen.get_state());
    }
    if (device.is_cuda()) {
        auto gen = at::globalContext().defaultGenerator(device);
        std::lock_guard<std::mutex> lock(gen.mutex());
        out.emplace_back("cuda", gen.get_state());
    }
    return out;
}

void setRngState(at::Generator gen, const torch::Tensor& state) {
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

// Renames `tmp` to `dir`, replacing an existing `dir` only once the new one is complete.
void swapInto(const std::string& tmp, const std::string& dir) {
    std::error_code ec;
    const std::string old = dir + ".old";
    fs::remove_all(old, ec);
    if (fs::exists(dir)) fs::rename(dir, old, ec);
    if (ec) throw Error("cannot replace " + dir + ": " + ec.message());
    fs::rename(tmp, dir, ec);
    if (ec) {
        std::error_code ignored;
        fs::rename(old, dir, ignored);
        throw Error("cannot rename " + tmp + " to " + dir + ": " + ec.message());
    }
    fs::remove_all(old, ec);
}

} // namespace

void saveCheckpoint(const std::string& dir, const SaveWeights& saveWeights, const AdamW& optimizer, const TrainerState& state,
                    const torch::Device& device) {
    const std::string tmp = dir + ".partial";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        fs::create_directories(tmp, ec);
        if (ec) throw Error("cannot create " + tmp + ": " + ec.message());
        saveWeights(tmp);
        auto optimizerState = optimizer.state();
        for (auto& [name, t] : optimizerState) t = t.to(torch::kCPU);
        writeSafetensors(tmp + "/optimizer.safetensors", optimizerState);
        writeSafetensors(tmp + "/rng.safetensors", rngStates(device));
        writeFileAtomic(tmp + "/trainer_state.json", state.toJson().dump(2) + "\n");
        fs::rename(tmp, dir, ec);
        if (ec) throw Error("cannot rename " + tmp + " to " + dir + ": " + ec.message());
    } catch (...) {
        fs::remove_all(tmp, ec);
        rethrowWithContext("saving checkpoint " + dir);
    }
}

TrainerState loadCheckpointState(const std::string& dir, AdamW& optimizer, const torch::Device& device) {
    try {
        const std::string statePath = dir + "/trainer_state.json";
        const TrainerState state = TrainerState::fromJson(readJsonFile(statePath), statePath);
        const std::string optimizerPath = dir + "/optimizer.safetensors";
        const SafetensorsFile optimizerFile(optimizerPath);
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (const auto& e : optimizerFile.entries()) tensors.emplace_back(e.name, optimizerFile.tensor(e.name).to(device));
        optimizer.loadState(tensors, optimizerPath);
        const SafetensorsFile rng(dir + "/rng.safetensors");
        setRngState(at::detail::getDefaultCPUGenerator(), rng.tensor("cpu").clone());
        if (device.is_cuda()) {
            bool hasCuda = false;
            for (const auto& e : rng.entries()) hasCuda |= e.name == "cuda";
            if (hasCuda) setRngState(at::globalContext().defaultGenerator(device), rng.tensor("cuda").clone());
        }
        return state;
    } catch (...) {
        rethrowWithContext("loading checkpoint " + dir);
    }
}

void saveWeightsAtomically(const std::string& dir, const SaveWeights& saveWeights) {
    const std::string tmp = dir + ".partial";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        fs::create_directories(tmp, ec);
        if (ec) throw Error("cannot create " + tmp + ": " + ec.message());
        saveWeights(tmp);
        swapInto(tmp, dir);
    } catch (...) {
        fs::remove_all(tmp, ec);
        rethrowWithContext("saving " + dir);
    }
}

} // namespace ft
