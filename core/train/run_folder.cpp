// A run's folder: its files, summaries for the Runs view, checkpoints, renaming, metrics.jsonl.
#include "train/run_folder.h"

#include "data/example.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "util/error.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace ft {

namespace fs = std::filesystem;

namespace runfiles {
std::string runJson(const std::string& d) {
    return d + "/run.json";
}
std::string metrics(const std::string& d) {
    return d + "/metrics.jsonl";
}
std::string log(const std::string& d) {
    return d + "/logs/train.log";
}
std::string checkpoints(const std::string& d) {
    return d + "/checkpoints";
}
std::string adapter(const std::string& d) {
    return d + "/adapter";
}
std::string bestAdapter(const std::string& d) {
    return d + "/best_adapter";
}
std::string model(const std::string& d) {
    return d + "/model";
}
std::string bestModel(const std::string& d) {
    return d + "/best_model";
}
std::string checkpointName(int64_t step) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "step-%08lld", (long long)step);
    return buf;
}
} // namespace runfiles

bool holdsAdapter(const std::string& dir) {
    return fs::exists(dir + "/adapter_config.json");
}

bool holdsModel(const std::string& dir) {
    return fs::exists(dir + "/config.json") && !holdsAdapter(dir);
}

RunSummary summarizeRun(const std::string& runDir) {
    RunSummary r;
    r.dir = runDir;
    r.name = fs::path(runDir).filename().string();
    r.hasResult = holdsAdapter(runfiles::adapter(runDir)) || holdsModel(runfiles::model(runDir));
    r.hasBestResult = holdsAdapter(runfiles::bestAdapter(runDir)) || holdsModel(runfiles::bestModel(runDir));
    r.checkpoints = int64_t(listCheckpoints(runDir).size());
    try {
        std::ifstream in(runfiles::runJson(runDir));
        if (!in) throw Error("no run.json");
        const nlohmann::json j = nlohmann::json::parse(in);
        r.status = j.value("status", "");
        r.created = j.value("created", 0.0);
        r.updated = j.value("updated", r.created);
        r.step = j.value("step", int64_t(0));
        r.lastTrainLoss = j.value("last_train_loss", -1.0);
        if (j.contains("best_eval") && j["best_eval"].is_object()) {
            r.bestEvalLoss = j["best_eval"].value("loss", -1.0);
            r.bestEvalStep = j["best_eval"].value("step", int64_t(0));
        }
        if (j.contains("config")) {
            r.model = j["config"].value("model", "");
            r.method = j["config"].value("method", "lora");
            const auto& data = j["config"].value("data", nlohmann::json::object());
            r.dataset = data.value("dataset", "");
            if (r.dataset.empty()) r.dataset = fs::path(data.value("train", "")).filename().string();
        }
        if (j.contains("resolved")) {
            r.device = j["resolved"].value("device", "");
            r.dtype = j["resolved"].value("dtype", "");
            r.totalSteps = j["resolved"].value("total_steps", int64_t(0));
        }
        if (j.contains("dataset")) r.trainExamples = j["dataset"].value("train_examples", int64_t(0));
    } catch (const std::exception& e) {
        r.error = runfiles::runJson(runDir) + ": " + e.what();
    }
    return r;
}

std::string renameRunFolder(const std::string& runDir, const std::string& newName, std::string* warning) {
    namespace fs = std::filesystem;
    std::string name = newName;
    while (!name.empty() && std::isspace((unsigned char)name.front())) name.erase(name.begin());
    while (!name.empty() && std::isspace((unsigned char)name.back())) name.pop_back();
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
        throw Error("\"" + newName + "\" is not a folder name");
    const fs::path from = fs::absolute(runDir).lexically_normal();
    const fs::path target = (from.has_filename() ? from : from.parent_path()).parent_path() / name;
    if (!fs::exists(from / "run.json")) throw Error(runDir + " is not a run folder (no run.json)");
    if (fs::exists(target)) throw Error(target.string() + " already exists");
    std::error_code ec;
    fs::rename(from, target, ec);
    if (ec) throw Error("cannot rename " + from.string() + " to " + target.string() + ": " + ec.message());
    // run.json keeps the folder it was created in; the new one is what matters from now on.
    try {
        const std::string runJsonPath = runfiles::runJson(target.string());
        nlohmann::json j = readJsonFile(runJsonPath);
        if (j.contains("config")) j["config"]["output_dir"] = target.string();
        writeFileAtomic(runJsonPath, j.dump(2) + "\n");
    } catch (const std::exception& e) {
        if (warning) *warning = std::string("renamed, but run.json was not updated: ") + e.what();
    }
    return target.string();
}

std::vector<std::string> listRunFolders(const std::string& runsDir) {
    std::vector<std::pair<fs::file_time_type, std::string>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(runsDir, ec)) {
        if (!entry.is_directory(ec) || !fs::exists(runfiles::runJson(entry.path().string()), ec)) continue;
        found.emplace_back(fs::last_write_time(entry.path(), ec), fs::absolute(entry.path()).string());
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> dirs;
    for (auto& f : found) dirs.push_back(std::move(f.second));
    return dirs;
}

std::vector<CheckpointEntry> listCheckpoints(const std::string& runDir) {
    std::vector<CheckpointEntry> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(runfiles::checkpoints(runDir), ec)) {
        const std::string name = entry.path().filename().string();
        long long step = 0;
        char tail = 0;
        if (std::sscanf(name.c_str(), "step-%lld%c", &step, &tail) != 1) continue;
        if (!fileExists(entry.path().string() + "/trainer_state.json")) continue;
        out.push_back({int64_t(step), entry.path().string()});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.step < b.step; });
    return out;
}

MetricsWriter::MetricsWriter(const std::string& path) : m_path(path), m_out(path, std::ios::app) {
    if (!m_out) throw Error("cannot open " + path + " for writing: " + std::strerror(errno));
}

void MetricsWriter::append(const TrainEvent& event) {
    const std::string line = toJson(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(m_mutex);
    m_out << line << '\n';
    m_out.flush();
    if (!m_out) throw Error("cannot write " + m_path + " (disk full?)");
}

std::vector<TrainEvent> readMetrics(const std::string& path) {
    std::vector<TrainEvent> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (auto e = trainEventFromJson(j)) out.push_back(std::move(*e));
    }
    return out;
}

void truncateMetrics(const std::string& path, int64_t step) {
    if (!fileExists(path)) return;
    std::string kept;
    for (const auto& e : readMetrics(path)) {
        if (e.is<RunFinished>() || e.is<RunFailed>() || trainEventStep(e) > step) continue;
        kept += toJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    writeFileAtomic(path, kept);
}

std::string modelFingerprint(const std::string& modelDir) {
    std::string text = fileExists(modelDir + "/config.json") ? readFile(modelDir + "/config.json") : std::string();
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(modelDir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.size() > 12 && name.compare(name.size() - 12, 12, ".safetensors") == 0)
            files.push_back(name + ":" + std::to_string(entry.file_size(ec)));
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) text += "\n" + f;
    return contentHash({{"model", text}});
}

} // namespace ft
