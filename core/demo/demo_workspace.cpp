// The demo workspace: found resources, the run configuration, and the atomic making of the folder.
#include "demo/demo_workspace.h"

#include "data/dataset_store.h"
#include "data/importer.h"
#include "io/atomic_file.h"
#include "util/error.h"
#include "util/program_paths.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace ft {

const char* const kDemoVersion =
    "orders-4: the shipped starter; 2,000 training messages, quantities 1 to 9; lr 5e-4 after "
    "300 warm-up steps";

namespace {

const char* const kSplits[] = {"train", "validation", "test"};
const char* const kDatasetName = "orders";
const char* const kConfigName = "orders-run.json";

// resources/demo/orders-SPLIT.jsonl
fs::path demoFile(const fs::path& dataDir, const char* split) {
    return dataDir / (std::string("orders-") + split + ".jsonl");
}

bool holdsDemo(const fs::path& dir) {
    if (!fs::is_regular_file(dir / "starter" / "config.json")) return false;
    for (const char* split : kSplits)
        if (!fs::is_regular_file(demoFile(dir / "demo", split))) return false;
    return true;
}

// The run configuration in `folder`, naming `dir` (where the workspace is, or will be).
void writeDemoConfig(const DemoResources& resources, const fs::path& folder, const fs::path& dir) {
    writeFileAtomic((folder / kConfigName).string(), demoRunConfig(resources, dir.string()).toJson().dump(2) + "\n");
}

std::string versionOf(const fs::path& dir) {
    try {
        std::string v = readFile((dir / ".demo-version").string());
        while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
        return v;
    } catch (const Error&) {
        return {};
    }
}

std::string timestamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

// The whole demo written into `building`, naming `dir` (where it will be) in its configuration.
void buildDemo(const DemoResources& resources, const fs::path& building, const fs::path& dir) {
    {
        DatasetStore store(building.string());
        const int64_t dataset = store.ensureDataset(kDatasetName);
        for (const char* split : kSplits) {
            ImportOptions o;
            o.split = splitFromName(split);
            o.batchSize = size_t(1) << 30; // one transaction per file
            const std::string file = demoFile(resources.dataDir, split).string();
            const ImportReport r = importFile(store, dataset, file, o);
            if (!r.errors.empty())
                throw Error(format("%s, line %lld: %s", file.c_str(), (long long)r.errors.front().line, r.errors.front().reason.c_str()));
        }
    }
    writeDemoConfig(resources, building, dir);
    writeFileAtomic((building / ".demo-version").string(), std::string(kDemoVersion) + "\n");
}

} // namespace

DemoResources findDemoResources() {
    std::vector<fs::path> places;
    if (const char* env = std::getenv("FT_RESOURCES_DIR"); env && *env) places.emplace_back(env);
    places.push_back(fs::path(executableDir()) / ".." / "share" / "finetune-studio");
#ifdef FT_SOURCE_RESOURCES
    places.emplace_back(FT_SOURCE_RESOURCES);
#endif
    std::string looked;
    for (const fs::path& p : places) {
        if (holdsDemo(p)) {
            return {fs::weakly_canonical(p / "starter").string(), fs::weakly_canonical(p / "demo").string()};
        }
        looked += (looked.empty() ? "" : ", ") + p.lexically_normal().string();
    }
    throw Error("the demo's starter model and data were not found (looked in " + looked + ")",
                "set FT_RESOURCES_DIR to a folder holding starter/ and demo/ (the repository's resources/)");
}

std::string defaultDemoDir() {
    if (const char* env = std::getenv("FT_DEMO_DIR"); env && *env) return env;
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / "FinetuneStudio" / "demo").string();
}

RunConfig demoRunConfig(const DemoResources& resources, const std::string& dir) {
    RunConfig c;
    c.model = resources.starterDir;
    c.data.workspace = dir;
    c.data.dataset = kDatasetName;
    c.outputDir = (fs::path(dir) / "runs" / "orders-lora").string();
    c.lora.r = 16;
    c.lora.alpha = 32;
    c.lora.dropout = 0.0;
    // LoRA+ (B at 8x the lr of A) and a long warm-up: with 10 warm-up steps more runs stopped on a
    // plateau where a field is guessed; some still do (docs/evaluation.md, "On the demo task").
    TrainSettings& t = c.train;
    t.lr = 5e-4;
    t.loraplusLrRatio = 8;
    t.schedule = Schedule::Cosine;
    t.warmupSteps = 300;
    t.epochs = 2.6;
    t.batchSize = 2;
    t.maxSeqLen = 128;
    t.evalEvery = 250;
    t.saveEvery = 1000;
    t.seed = 42;
    return c;
}

DemoWorkspace makeDemoWorkspace(const DemoResources& resources, const std::string& dirName) {
    const fs::path dir = fs::absolute(dirName).lexically_normal();
    DemoWorkspace w;
    w.dir = dir.string();
    w.configPath = (dir / kConfigName).string();
    std::error_code ec;
    if (fs::exists(dir / "workspace.db")) {
        if (versionOf(dir) == kDemoVersion) {
            // This version's workspace; a configuration the user deleted is written again.
            if (!fs::exists(w.configPath)) writeDemoConfig(resources, dir, dir);
            return w;
        }
        w.movedAside = dir.string() + ".earlier-" + timestamp();
        fs::rename(dir, w.movedAside, ec);
        if (ec) throw Error("cannot move the earlier demo " + dir.string() + " aside: " + ec.message());
    } else if (fs::exists(dir) && !fs::is_empty(dir, ec)) {
        throw Error(dir.string() + " holds files but no demo workspace; the demo is not made there",
                    "remove the folder, or choose another one for the demo");
    }
    const fs::path building = dir.string() + ".partial";
    fs::remove_all(building, ec);
    try {
        buildDemo(resources, building, dir);
        fs::remove(dir, ec); // an empty folder, if any
        fs::rename(building, dir, ec);
        if (ec) throw Error("cannot move " + building.string() + " to " + dir.string() + ": " + ec.message());
    } catch (...) {
        fs::remove_all(building, ec);
        throw;
    }
    w.created = true;
    return w;
}

} // namespace ft
