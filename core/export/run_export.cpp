// Exporting what a run made: the PEFT adapter, or the adapter merged into its base, with the run's
// tokenizer and chat template.
#include "export/run_export.h"

#include "chat/chat_template.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "tokenizer/tokenizer.h"
#include "train/run_config.h"
#include "train/run_folder.h"
#include "util/error.h"

#include "torch_pch.h"

#include <filesystem>

namespace ft {

namespace fs = std::filesystem;

std::string runResultDir(const std::string& runDir, const std::string& which) {
    std::string dir;
    if (which.empty() || which == "final") dir = holdsModel(runfiles::model(runDir)) ? runfiles::model(runDir) : runfiles::adapter(runDir);
    else if (which == "best") dir = holdsModel(runfiles::bestModel(runDir)) ? runfiles::bestModel(runDir) : runfiles::bestAdapter(runDir);
    else if (isDirectory(which)) dir = which;
    else dir = runfiles::checkpoints(runDir) + "/" + which;
    if (!fileExists(dir + "/adapter_model.safetensors") && !holdsModel(dir)) {
        std::string hint = "the run has:";
        if (holdsAdapter(runfiles::adapter(runDir)) || holdsModel(runfiles::model(runDir))) hint += " final";
        if (holdsAdapter(runfiles::bestAdapter(runDir)) || holdsModel(runfiles::bestModel(runDir))) hint += " best";
        for (const auto& c : listCheckpoints(runDir)) hint += " " + runfiles::checkpointName(c.step);
        if (hint == "the run has:") hint = "the run has saved no weights yet";
        throw Error("no trained weights at " + dir, hint);
    }
    return dir;
}

ExportSource exportSourceOfRun(const std::string& runDir, const std::string& which) {
    RunConfig config;
    try {
        config = RunConfig::fromJson(readJsonFile(runfiles::runJson(runDir)).at("config"));
    } catch (...) {
        rethrowWithContext(runfiles::runJson(runDir));
    }
    ExportSource source;
    source.modelDir = config.model;
    source.tokenizerDir = config.tokenizer;
    source.chatTemplate = config.chatTemplate;
    const std::string dir = runResultDir(runDir, which);
    if (holdsModel(dir)) {
        source.modelDir = source.tokenizerDir = dir; // its tokenizer files carry the run's chat template
        source.tunedModel = true;
    } else {
        source.adapterDir = dir;
    }
    return source;
}

void exportPeftAdapter(const ExportSource& s, const std::string& outDir) {
    try {
        if (fileExists(outDir + "/adapter_model.safetensors"))
            throw Error(outDir + " already holds an adapter", "choose an empty folder; nothing was overwritten");
        if (s.adapterDir.empty())
            throw Error("full fine-tuning made a whole model, not an adapter", "export it as merged (a Hugging Face folder) or gguf");
        std::error_code ec;
        fs::create_directories(outDir, ec);
        if (ec) throw Error("cannot create " + outDir + ": " + ec.message());
        for (const char* f : {"adapter_config.json", "adapter_model.safetensors"})
            writeFileAtomic(outDir + "/" + f, readFile(s.adapterDir + "/" + f));
        copyTokenizerFiles(s.tokenizerDir.empty() ? s.modelDir : s.tokenizerDir, s.chatTemplate, outDir);
    } catch (...) {
        rethrowWithContext("exporting the adapter to " + outDir);
    }
}

void exportMergedModel(const ExportSource& s, const std::string& outDir, const std::string& dtype) {
    try {
        if (fileExists(outDir + "/config.json"))
            throw Error(outDir + " already holds a model", "choose an empty folder; nothing was overwritten");
        const auto type = parseDtype(dtype);
        // Merge in float32 (as PEFT does for low-precision weights), then store in the requested dtype.
        LoadedModel m = loadModel(s.modelDir, {torch::kCPU, torch::kFloat32});
        if (!s.adapterDir.empty()) {
            loadAdapter(s.adapterDir, m.model);
            mergeLora(m.model);
        }
        if (type != torch::kFloat32) m.model->to(type);
        saveModel(outDir, m.model, m.eosTokenIds);
        if (fileExists(s.modelDir + "/generation_config.json"))
            writeFileAtomic(outDir + "/generation_config.json", readFile(s.modelDir + "/generation_config.json"));
        const std::string tokenizerDir = s.tokenizerDir.empty() ? s.modelDir : s.tokenizerDir;
        if (fileExists(tokenizerDir + "/tokenizer.json") || fileExists(tokenizerDir + "/tokenizer.model"))
            copyTokenizerFiles(tokenizerDir, s.chatTemplate, outDir);
    } catch (...) {
        rethrowWithContext("exporting the merged model to " + outDir);
    }
}

} // namespace ft
