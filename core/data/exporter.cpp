// Exporting a dataset or one split as messages JSONL or an Alpaca JSON array.
#include "data/exporter.h"

#include "data/dataset_store.h"
#include "io/atomic_file.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace ft {

ExportFormat exportFormatFromName(const std::string& name) {
    if (name == "messages") return ExportFormat::Messages;
    if (name == "alpaca") return ExportFormat::Alpaca;
    throw Error("export format \"" + name + "\" is not one of messages, alpaca");
}

int64_t exportDataset(const DatasetStore& store, int64_t datasetId, std::optional<Split> split, ExportFormat format,
                      const std::string& path, int64_t* skipped) {
    using json = nlohmann::json;
    AtomicFileWriter out(path);
    ExampleFilter filter;
    filter.split = split;
    int64_t written = 0, left = 0;
    const int64_t total = store.count(datasetId, filter);
    if (format == ExportFormat::Alpaca) out.write("[\n");
    constexpr int64_t kPage = 1000;
    for (int64_t offset = 0; offset < total; offset += kPage) {
        for (const Example& e : store.page(datasetId, filter, offset, kPage)) {
            if (format == ExportFormat::Messages) {
                json msgs = json::array();
                for (const auto& m : e.messages) msgs.push_back({{"role", m.role}, {"content", m.content}});
                out.write(json{{"messages", msgs}}.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
                ++written;
                continue;
            }
            std::string system, user, reply;
            int users = 0, replies = 0;
            for (const auto& m : e.messages) {
                if (m.role == "system") system = m.content;
                else if (m.role == "user") user = m.content, ++users;
                else if (m.role == "assistant") reply = m.content, ++replies;
            }
            if (users != 1 || replies != 1) {
                ++left;
                continue;
            }
            json row = {{"instruction", user}, {"input", ""}, {"output", reply}};
            if (!system.empty()) row["system"] = system;
            out.write(std::string(written ? ",\n" : "") + "  " + row.dump(-1, ' ', false, json::error_handler_t::replace));
            ++written;
        }
    }
    if (format == ExportFormat::Alpaca) out.write("\n]\n");
    out.commit();
    if (skipped) *skipped = left;
    return written;
}

} // namespace ft
