// finetune data import|export|stats|list|undo|redo --workspace DIR --dataset NAME ...
// The dataset store from the command line, with the same store the studio uses.
#include "args.h"
#include "commands.h"
#include "chat/chat_template.h"
#include "cmd_common.h"
#include "data/curation.h"
#include "data/dataset_store.h"
#include "data/exporter.h"
#include "data/importer.h"
#include "tokenizer/tokenizer.h"
#include "train/training_data.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace ft::cli {

namespace {

std::map<std::string, std::string> parseColumns(const std::string& text) {
    std::map<std::string, std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t comma = text.find(',', pos);
        const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        const size_t eq = item.find('=');
        if (eq == std::string::npos) throw Error("--columns takes role=COLUMN pairs, e.g. user=question,assistant=answer");
        const std::string role = item.substr(0, eq);
        if (role != "system" && role != "user" && role != "assistant")
            throw Error("--columns: role \"" + role + "\" is not one of system, user, assistant");
        out[role] = item.substr(eq + 1);
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return out;
}

nlohmann::json exampleJson(const Example& e) {
    nlohmann::json msgs = nlohmann::json::array();
    for (const auto& m : e.messages) msgs.push_back({{"role", m.role}, {"content", m.content}});
    return {{"id", e.id},       {"split", splitName(e.split)},
            {"tags", e.tags},   {"note", e.note},
            {"messages", msgs}, {"source", e.sourceFile + ":" + std::to_string(e.sourceLine)}};
}

int runImport(const Args& args, DatasetStore& store) {
    if (args.positionals().size() != 1) throw Error("data import needs exactly one FILE");
    const std::string file = args.positionals()[0];
    ImportOptions o;
    o.format = importFormatFromName(args.value("format", "auto"));
    o.keepDuplicates = args.flag("keep-duplicates");
    o.rejectsPath = args.value("rejects");
    o.split = splitFromName(args.value("split", "unassigned"));
    o.textPerFile = args.value("text-mode", "blocks") == "file";
    if (args.has("columns")) o.columns = parseColumns(args.value("columns"));
    const bool tty = ::isatty(2) && !args.flag("json");
    if (tty)
        o.progress = [](uint64_t done, uint64_t total) {
            if (total) std::cerr << "\rimporting " << (100 * done / total) << "%" << std::flush;
        };
    const int64_t dataset = store.ensureDataset(args.required("dataset"));
    const ImportReport r = importFile(store, dataset, file, o);
    if (tty) std::cerr << "\r";
    if (args.flag("json")) {
        std::cout << r.toJson() << std::endl;
    } else {
        std::cout << "format " << importFormatName(r.format) << ": imported " << r.imported << ", skipped " << r.skipped << ", duplicates "
                  << r.duplicates << "\n";
        for (size_t i = 0; i < r.errors.size() && i < 20; ++i)
            std::cout << "  line " << r.errors[i].line << ": " << r.errors[i].reason << "\n";
        if (r.errors.size() > 20) std::cout << "  ... and " << r.errors.size() - 20 << " more (use --json or --rejects FILE)\n";
    }
    return 0;
}

int runStats(const Args& args, DatasetStore& store) {
    const DatasetStats s = store.stats(store.datasetId(args.required("dataset")));
    const nlohmann::json out = {{"examples", s.examples}, {"splits", s.splits}, {"tags", s.tags}};
    std::cout << out.dump(args.flag("json") ? -1 : 2) << std::endl;
    return 0;
}

ExampleFilter filterFromArgs(const Args& args) {
    ExampleFilter f;
    if (args.has("split")) f.split = splitFromName(args.value("split"));
    f.tag = args.value("tag");
    f.search = args.value("search");
    return f;
}

int runList(const Args& args, DatasetStore& store) {
    const int64_t dataset = store.datasetId(args.required("dataset"));
    const ExampleFilter f = filterFromArgs(args);
    for (const Example& e : store.page(dataset, f, args.integer("offset", 0), args.integer("limit", 20)))
        std::cout << exampleJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int runExport(const Args& args, DatasetStore& store) {
    const int64_t dataset = store.datasetId(args.required("dataset"));
    std::optional<Split> split;
    if (args.has("split")) split = splitFromName(args.value("split"));
    int64_t skipped = 0;
    const int64_t n =
        exportDataset(store, dataset, split, exportFormatFromName(args.value("format", "messages")), args.required("out"), &skipped);
    std::cout << nlohmann::json{{"exported", n}, {"skipped_multi_turn", skipped}}.dump() << std::endl;
    return 0;
}

int runValidate(const Args& args, DatasetStore& store) {
    const int64_t dataset = store.datasetId(args.required("dataset"));
    const int64_t maxLen = args.integer("max-len", 2048);
    nlohmann::json out;
    ExampleFilter invalid;
    invalid.status = "invalid";
    out["examples"] = store.count(dataset);
    out["invalid"] = store.count(dataset, invalid);
    nlohmann::json problems = nlohmann::json::object();
    store.forEach(dataset, [&](const Example& e) {
        if (!e.problems.empty()) problems[e.problems] = problems.value(e.problems, 0) + 1;
    });
    out["problems"] = problems;
    if (args.has("tokenizer") || args.has("model")) {
        std::shared_ptr<const Tokenizer> tokenizer = loadTokenizerFromArgs(args);
        auto tmpl = std::make_shared<ChatTemplate>(ChatTemplate::forTokenizer(*tokenizer, args.value("template")));
        const std::string key = tokenCountKey(*tokenizer, *tmpl);
        const bool tty = ::isatty(2) && !args.flag("json");
        const int64_t counted =
            updateTokenCounts(store, dataset, key, exampleTokenCounter(tokenizer, tmpl), [&](int64_t done, int64_t total) {
                if (tty) std::cerr << "\rcounting tokens " << done << "/" << total << std::flush;
            });
        if (tty) std::cerr << "\r";
        const LengthStats s = lengthStats(store, dataset, key, maxLen);
        out["tokens"] = {{"counted_now", counted},
                         {"max_len", maxLen},
                         {"over_max_len", s.overLimit},
                         {"longest", {{"id", s.longestId}, {"tokens", s.longest}}},
                         {"shortest", {{"id", s.shortestId}, {"tokens", s.shortest}}},
                         {"total", s.total},
                         {"prompt", s.prompt},
                         {"reply", s.reply}};
        if (!args.flag("json")) out["tokens"].erase("total"), out["tokens"].erase("prompt"), out["tokens"].erase("reply");
    }
    std::cout << out.dump(args.flag("json") ? -1 : 2) << std::endl;
    return 0;
}

int runSplit(const Args& args, DatasetStore& store) {
    const int64_t dataset = store.datasetId(args.required("dataset"));
    const int64_t n = assignSplits(store, dataset, args.number("train", 0.8), args.number("validation", 0.1), args.number("test", 0.1),
                                   uint64_t(args.integer("seed", 0)), args.flag("reassign"));
    const DatasetStats s = store.stats(dataset);
    std::cout << nlohmann::json{{"assigned", n}, {"splits", s.splits}}.dump() << std::endl;
    return 0;
}

int runDedup(const Args& args, DatasetStore& store) {
    const int64_t dataset = store.datasetId(args.required("dataset"));
    const bool near = args.has("threshold");
    const auto groups = near ? nearDuplicateGroups(store, dataset, args.number("threshold", 0.8)) : exactDuplicateGroups(store, dataset);
    int64_t removable = 0;
    std::vector<int64_t> extra;
    for (const auto& g : groups) {
        removable += int64_t(g.size()) - 1;
        extra.insert(extra.end(), g.begin() + 1, g.end());
    }
    if (args.flag("delete") && !extra.empty()) store.remove(extra, "dedup-delete"); // keeps the first of each group; undoable
    std::cout << nlohmann::json{{"kind", near ? "near" : "exact"},
                                {"groups", groups},
                                {"duplicates", removable},
                                {"deleted", args.flag("delete") ? removable : 0}}
                     .dump()
              << std::endl;
    return 0;
}

// Page-load latency of the table view: a count, then pages of --limit rows at random offsets (the
// first and last pages included), with and without a text filter.
int runBenchPages(const Args& args, DatasetStore& store) {
    using Clock = std::chrono::steady_clock;
    const int64_t dataset = store.datasetId(args.required("dataset"));
    const int64_t limit = args.integer("limit", 100), pages = args.integer("repeat", 50);
    auto ms = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    auto t0 = Clock::now();
    const int64_t total = store.count(dataset);
    const double countMs = ms(t0);
    std::vector<double> times;
    uint64_t seed = 12345;
    for (int64_t i = 0; i < pages; ++i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int64_t offset = i == 0   ? 0
                         : i == 1 ? std::max<int64_t>(0, total - limit)
                                  : int64_t((seed >> 33) % uint64_t(std::max<int64_t>(1, total)));
        const auto t = Clock::now();
        const auto rows = store.page(dataset, {}, offset, limit);
        times.push_back(ms(t));
    }
    std::sort(times.begin(), times.end());
    ExampleFilter search;
    search.search = args.value("search", "apples");
    t0 = Clock::now();
    const int64_t hits = store.count(dataset, search);
    const auto firstPage = store.page(dataset, search, 0, limit);
    const double searchMs = ms(t0);
    const nlohmann::json out = {{"examples", total},
                                {"count_ms", countMs},
                                {"page_rows", limit},
                                {"page_ms_median", times[times.size() / 2]},
                                {"page_ms_max", times.back()},
                                {"search_hits", hits},
                                {"search_count_and_first_page_ms", searchMs}};
    std::cout << out.dump() << std::endl;
    return 0;
}

} // namespace

int runData(const Argv& argv) {
    if (argv.empty())
        throw Error(
            "usage: finetune data import|export|stats|list|validate|split|dedup|undo|redo|bench --workspace DIR --dataset NAME ...");
    const std::string sub = argv[0];
    const Args args(
        Argv(argv.begin() + 1, argv.end()),
        {"workspace", "dataset", "format",    "rejects", "split",    "columns", "text-mode", "tag",        "search", "offset", "limit",
         "out",       "repeat",  "tokenizer", "model",   "template", "max-len", "train",     "validation", "test",   "seed",   "threshold"},
        {"json", "keep-duplicates", "reassign", "delete"});
    DatasetStore store(args.required("workspace"));
    if (sub == "import") return runImport(args, store);
    if (sub == "stats") return runStats(args, store);
    if (sub == "list") return runList(args, store);
    if (sub == "export") return runExport(args, store);
    if (sub == "bench") return runBenchPages(args, store);
    if (sub == "validate") return runValidate(args, store);
    if (sub == "split") return runSplit(args, store);
    if (sub == "dedup") return runDedup(args, store);
    if (sub == "undo" || sub == "redo") {
        const std::string label = sub == "undo" ? store.undoLabel() : store.redoLabel();
        const bool done = sub == "undo" ? store.undo() : store.redo();
        std::cout << nlohmann::json{{sub, done ? label : ""}}.dump() << std::endl;
        return done ? 0 : 1;
    }
    throw Error("unknown data command \"" + sub + "\" (import, export, stats, list, validate, split, dedup, undo, redo, bench)");
}

} // namespace ft::cli
