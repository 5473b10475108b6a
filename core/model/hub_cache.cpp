// Reads the Hub cache's folder layout; no network, no locking (we only read).
#include "model/hub_cache.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace ft {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : std::string();
}

// "models--org--name" -> "org/name"; "" for folders that are not model repos (datasets--, spaces--).
std::string repoIdFromFolder(const std::string& folder) {
    const std::string prefix = "models--";
    if (folder.rfind(prefix, 0) != 0) return {};
    std::string id = folder.substr(prefix.size());
    const auto sep = id.find("--");
    if (sep != std::string::npos) id.replace(sep, 2, "/");
    return id;
}

bool hasWeightFiles(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string ext = entry.path().extension().string();
        if (ext == ".safetensors" || ext == ".bin") return true;
    }
    return false;
}

} // namespace

std::string huggingFaceHubCacheDir() {
    if (std::string d = env("HF_HUB_CACHE"); !d.empty()) return d;
    if (std::string d = env("HF_HOME"); !d.empty()) return (fs::path(d) / "hub").string();
    if (std::string d = env("XDG_CACHE_HOME"); !d.empty()) return (fs::path(d) / "huggingface" / "hub").string();
    return (fs::path(env("HOME")) / ".cache" / "huggingface" / "hub").string();
}

std::vector<CachedModel> listCachedModels(const std::string& cacheDir) {
    std::vector<CachedModel> out;
    std::error_code ec;
    for (const auto& repo : fs::directory_iterator(cacheDir, ec)) {
        const std::string id = repoIdFromFolder(repo.path().filename().string());
        if (id.empty()) continue;
        const fs::path snapshots = repo.path() / "snapshots";
        std::string revision;
        std::ifstream ref(repo.path() / "refs" / "main");
        if (ref) std::getline(ref, revision);
        if (revision.empty() || !fs::is_regular_file(snapshots / revision / "config.json", ec)) {
            revision.clear(); // no usable refs/main: the most recently written snapshot with a config
            fs::file_time_type newest{};
            for (const auto& snap : fs::directory_iterator(snapshots, ec)) {
                if (!fs::is_regular_file(snap.path() / "config.json", ec)) continue;
                const auto when = fs::last_write_time(snap.path(), ec);
                if (revision.empty() || when > newest) revision = snap.path().filename().string(), newest = when;
            }
        }
        if (revision.empty()) continue;
        CachedModel m;
        m.repoId = id;
        m.revision = revision;
        m.snapshotDir = (snapshots / revision).string();
        m.hasWeights = hasWeightFiles(snapshots / revision);
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const CachedModel& a, const CachedModel& b) { return a.repoId < b.repoId; });
    return out;
}

} // namespace ft
