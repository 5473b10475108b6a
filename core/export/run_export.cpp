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

std::string runAdapterDir(const std::string& runDir, const std::string& which) {
    std::string dir;
    if (which.empty() || which == "final") dir = runfiles::adapter(runDir);
    else if (which == "best") dir = runfiles::bestAdapter(runDir);
    else if (isDirectory(which)) dir = which;
    else dir = runfiles::checkpoints(runDir) + "/" + which;
    if (!fileExists(dir + "/adapter_model.safetensors")) {
        std::string hint = "the run has: final";
        if (isDirectory(runfiles::bestAdapter(runDir))) hint += ", best";
        for (const auto& c : listCheckpoints(runDir)) hint += ", " + runfiles::checkpointName(c.step);
        throw Error("no adapter at " + dir, hint);
    }
    return dir;
}

void copyTokenizerFiles(const std::string& tokenizerDir, const std::string& chatTemplate, const std::string& outDir) {
    const auto tokenizer = Tokenizer::load(tokenizerDir);
    const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer, chatTemplate);
    for (const char* f : {"tokenizer.json", "tokenizer.model", "special_tokens_map.json", "added_tokens.json", "vocab.json", "merges.txt"})
        if (fileExists(tokenizerDir + "/" + f)) writeFileAtomic(outDir + "/" + f, readFile(tokenizerDir + "/" + f));
    const std::string configPath = tokenizerDir + "/tokenizer_config.json";
    nlohmann::json config = fileExists(configPath) ? readJsonFile(configPath) : nlohmann::json::object();
    config["chat_template"] = tmpl.source();
    writeFileAtomic(outDir + "/tokenizer_config.json", config.dump(2) + "\n");
    if (fileExists(tokenizerDir + "/chat_template.jinja")) writeFileAtomic(outDir + "/chat_template.jinja", tmpl.source());
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
    source.adapterDir = runAdapterDir(runDir, which);
    return source;
}

void exportPeftAdapter(const ExportSource& s, const std::string& outDir) {
    try {
        if (fileExists(outDir + "/adapter_model.safetensors"))
            throw Error(outDir + " already holds an adapter", "choose an empty folder; nothing was overwritten");
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
        loadAdapter(s.adapterDir, m.model);
        mergeLora(m.model);
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
