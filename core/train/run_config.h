// RunConfig: the complete description of a training run, as the public JSON format that the CLI,
// the studio and users' own files share (docs/run-config.md). Unknown keys are errors, every key
// has a default (defaultsJson), and validate() names the offending field. Plain types only.
#pragma once
#include "lora/lora_config.h"
#include "train/train_method.h"
#include "util/config_problem.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft {

// Where the examples come from: a dataset of a workspace (its train / validation splits), or files
// in any format the importer reads.
struct DataSource {
    std::string workspace, dataset;
    std::string trainFile, validationFile, testFile;
    bool fromWorkspace() const { return !workspace.empty(); }
};

enum class LossOn { Assistant, All, Text }; // reply tokens only, every token, raw text (continued pre-training)
const char* lossOnName(LossOn l);
LossOn lossOnFromName(const std::string& name); // throws naming the value

enum class Schedule { Constant, Linear, Cosine };
const char* scheduleName(Schedule s);
Schedule scheduleFromName(const std::string& name);

struct TrainSettings {
    double lr = 2e-4;
    Schedule schedule = Schedule::Cosine;
    int64_t warmupSteps = 10;
    double minLrRatio = 0.0; // linear/cosine decay down to lr * minLrRatio
    int64_t maxSteps = 0;    // 0: run `epochs` epochs
    double epochs = 3;
    int64_t batchSize = 4;
    int64_t gradAccum = 1;
    int64_t maxSeqLen = 1024;
    int64_t seed = 42;
    int64_t evalEvery = 50;      // 0: evaluate only at the end
    int64_t saveEvery = 100;     // 0: checkpoint only at the end (and on stop)
    int64_t keepCheckpoints = 3; // newest N step checkpoints kept (0: keep all)
    int64_t logEvery = 1;        // step events every N optimiser steps
    double weightDecay = 0.0;
    double adamBeta1 = 0.9, adamBeta2 = 0.999, adamEps = 1e-8;
    double maxGradNorm = 1.0;     // 0: no clipping
    double loraplusLrRatio = 1.0; // LoRA+: the B matrices learn at lr * this (1: as A)
    LossOn lossOn = LossOn::Assistant;
    bool packing = false;
    bool gradientCheckpointing = false;
    int64_t earlyStoppingPatience = 0; // stop after N evaluations without a better validation loss (0: off)
    int64_t evalBatchSize = 0;         // 0: batch_size
    int64_t maxEvalExamples = 0;       // 0: the whole validation split
};

// LoRA defaults for training: every projection, r 16, alpha 32, dropout 0.05.
LoraConfig trainingLoraDefaults();

// {"r", "alpha", "dropout", "targets", "rslora"}: the "lora" section of a run configuration.
nlohmann::json loraJson(const LoraConfig& lora);

struct RunConfig {
    std::string model;        // Hugging Face model folder
    std::string tokenizer;    // "" = the model folder
    std::string chatTemplate; // "" = the tokenizer's; or a family name ("chatml", ...) or a .jinja file
    std::string initAdapter;  // "" = fresh adapters; else a PEFT adapter folder to continue from
    DataSource data;
    std::string outputDir;
    TrainMethod method = TrainMethod::Lora;
    LoraConfig lora = trainingLoraDefaults(); // lora, qlora and dora (whose use_dora the method sets)
    QloraSettings qlora;
    FullSettings full;
    TrainSettings train;
    std::string device = "auto"; // auto | cpu | cuda | cuda:N
    std::string dtype = "auto";  // auto (bf16 on CUDA, fp32 on CPU) | fp32 | bf16

    // Throws ft::Error naming the field ("train.lr: ...") for unknown keys, wrong types and bad values.
    // Relative paths are resolved against `baseDir` (the config file's folder).
    static RunConfig fromJson(const nlohmann::json& j, const std::string& baseDir = {});
    // `underlay` (a preset's keys, say) lies under the file's own: a key the file sets wins.
    static RunConfig fromFile(const std::string& path, const nlohmann::json& underlay = nlohmann::json::object());
    nlohmann::json toJson() const;
    static nlohmann::json defaultsJson();
    // The adapter this run trains (lora with use_dora set for the dora method).
    LoraConfig adapterConfig() const;

    // Value ranges and combinations: every bad field at once (a form marks each), or thrown as one
    // ft::Error listing them (validate).
    std::vector<ConfigProblem> problems() const;
    void validate() const;
};

// QLoRA: whether the projection at a module path ("model.layers.0.mlp.up_proj") is stored in NF4
// under this configuration (the adapted ones, or with qlora.quantize_all every projection).
std::function<bool(const std::string& modulePath)> qloraQuantizes(const RunConfig& config);

} // namespace ft
