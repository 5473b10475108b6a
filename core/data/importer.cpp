// Importing files into a dataset: format detection, JSONL / JSON / CSV / TSV / text readers,
// duplicates left out, rejected rows reported with their line (see importer.h).
#include "data/importer.h"

#include "data/dataset_store.h"
#include "data/import_rows.h"
#include "tokenizer/unicode.h"
#include "util/error.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>

namespace ft {

using namespace import_detail;

namespace {

using json = nlohmann::json;

std::string lower(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Collects rows, drops duplicates, commits in batches, and writes rejects.
class Sink {
public:
    Sink(DatasetStore& store, int64_t datasetId, const std::string& path, const ImportOptions& o, ImportReport& r)
        : m_store(store), m_dataset(datasetId), m_path(path), m_options(o), m_report(r) {
        if (!o.rejectsPath.empty()) {
            m_rejects.open(o.rejectsPath, std::ios::trunc);
            if (!m_rejects) throw Error("cannot write the rejects file " + o.rejectsPath);
        }
    }

    void take(std::vector<Message> messages, int64_t line) {
        Example e;
        e.messages = std::move(messages);
        e.split = m_options.split;
        e.sourceFile = m_path;
        e.sourceLine = line;
        const std::string hash = contentHash(e.messages);
        if (!m_options.keepDuplicates && (m_seen.count(hash) || m_store.containsHash(m_dataset, hash))) {
            ++m_report.duplicates;
            return;
        }
        m_seen.insert(hash);
        m_batch.push_back(std::move(e));
        if (m_batch.size() >= m_options.batchSize) flush();
    }

    void reject(int64_t line, const std::string& reason, const std::string& raw) {
        ++m_report.skipped;
        m_report.errors.push_back({line, reason});
        if (m_rejects)
            m_rejects << json{{"line", line}, {"reason", reason}, {"raw", raw}}.dump(-1, ' ', false, json::error_handler_t::replace)
                      << "\n";
    }

    void flush() {
        if (m_batch.empty()) return;
        const int64_t first = m_batch.front().sourceLine, last = m_batch.back().sourceLine;
        m_store.addBatch(m_dataset, std::move(m_batch),
                         format("import %s (lines %lld-%lld)", m_path.c_str(), (long long)first, (long long)last));
        m_batch.clear();
        m_seen.clear(); // committed rows are found through the database's hash index: memory stays O(batch)
    }

private:
    DatasetStore& m_store;
    int64_t m_dataset;
    std::string m_path;
    const ImportOptions& m_options;
    ImportReport& m_report;
    std::vector<Example> m_batch;
    std::set<std::string> m_seen; // hashes of the rows in the current, uncommitted batch
    std::ofstream m_rejects;
};

uint64_t fileSize(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? uint64_t(st.st_size) : 0;
}

// CSV/TSV: RFC 4180 quoting (fields may hold separators, quotes and newlines).
bool readCsvRecord(std::istream& in, char sep, std::vector<std::string>& fields, int64_t& line, std::string& raw) {
    fields.clear();
    raw.clear();
    std::string field;
    bool inQuotes = false, any = false;
    for (int c; (c = in.get()) != EOF;) {
        any = true;
        raw += char(c);
        if (inQuotes) {
            if (c == '"') {
                if (in.peek() == '"') {
                    field += '"';
                    raw += char(in.get());
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += char(c);
            }
        } else if (c == '"' && field.empty()) {
            inQuotes = true;
        } else if (c == sep) {
            fields.push_back(field);
            field.clear();
        } else if (c == '\n') {
            if (!field.empty() && field.back() == '\r') field.pop_back();
            fields.push_back(field);
            return true;
        } else {
            field += char(c);
        }
    }
    if (!any) return false;
    if (!field.empty() && field.back() == '\r') field.pop_back();
    fields.push_back(field);
    return true;
}

} // namespace

const char* importFormatName(ImportFormat f) {
    switch (f) {
    case ImportFormat::Auto: return "auto";
    case ImportFormat::Messages: return "messages";
    case ImportFormat::Alpaca: return "alpaca";
    case ImportFormat::ShareGpt: return "sharegpt";
    case ImportFormat::PromptCompletion: return "prompt_completion";
    case ImportFormat::Csv: return "csv";
    case ImportFormat::Tsv: return "tsv";
    case ImportFormat::Text: return "text";
    }
    return "auto";
}

ImportFormat importFormatFromName(const std::string& n) {
    for (auto f : {ImportFormat::Auto, ImportFormat::Messages, ImportFormat::Alpaca, ImportFormat::ShareGpt, ImportFormat::PromptCompletion,
                   ImportFormat::Csv, ImportFormat::Tsv, ImportFormat::Text})
        if (n == importFormatName(f)) return f;
    throw Error("format \"" + n + "\" is not one of auto, messages, alpaca, sharegpt, prompt_completion, csv, tsv, text");
}

ImportFormat detectFormat(const std::string& path) {
    const std::string l = lower(path);
    if (endsWith(l, ".csv")) return ImportFormat::Csv;
    if (endsWith(l, ".tsv")) return ImportFormat::Tsv;
    if (endsWith(l, ".txt") || endsWith(l, ".md")) return ImportFormat::Text;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path);
    // The first non-blank line decides; a file opening with '[' is a JSON array (its first element decides).
    std::string line;
    while (std::getline(in, line) && isBlank(line)) {}
    const size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) throw Error(path + " is empty");
    if (line[start] == '[') {
        in.clear();
        in.seekg(0);
        ImportFormat found = ImportFormat::Auto;
        try {
            const json unused = json::parse(in, [&](int depth, json::parse_event_t event, json& parsed) {
                if (found == ImportFormat::Auto && depth == 1 && event == json::parse_event_t::object_end) {
                    found = formatOfObject(parsed);
                    throw found; // stop after the first element
                }
                return true;
            });
        } catch (ImportFormat) {
        } catch (const json::exception& e) {
            throw Error(path + ": not valid JSON: " + e.what());
        }
        if (found == ImportFormat::Auto) throw Error(path + ": cannot tell the format of the array's elements");
        return found;
    }
    if (line[start] == '{') {
        try {
            const ImportFormat f = formatOfObject(json::parse(line));
            if (f != ImportFormat::Auto) return f;
        } catch (const json::exception&) {}
        throw Error(path + ": line 1 is not a record of a known format",
                    "expected \"messages\", \"conversations\", \"instruction\"/\"output\" or \"prompt\"/\"completion\"");
    }
    return ImportFormat::Text;
}

std::string ImportReport::toJson() const {
    json errs = json::array();
    for (const auto& e : errors) errs.push_back({{"line", e.line}, {"reason", e.reason}});
    return json{
        {"format", importFormatName(format)}, {"imported", imported}, {"skipped", skipped}, {"duplicates", duplicates}, {"errors", errs}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

ImportReport importFile(DatasetStore& store, int64_t datasetId, const std::string& path, const ImportOptions& o) {
    ImportReport report;
    report.format = o.format == ImportFormat::Auto ? detectFormat(path) : o.format;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path);
    const uint64_t total = fileSize(path);
    Sink sink(store, datasetId, path, o, report);
    const int64_t before = store.count(datasetId);
    auto progress = [&] {
        if (o.progress) o.progress(uint64_t(std::max<std::streamoff>(0, in.tellg())), total);
    };

    if (report.format == ImportFormat::Csv || report.format == ImportFormat::Tsv) {
        const char sep = report.format == ImportFormat::Csv ? ',' : '\t';
        std::vector<std::string> header, fields;
        std::string raw;
        int64_t line = 1;
        if (!readCsvRecord(in, sep, header, line, raw)) throw Error(path + " is empty");
        std::map<std::string, int> col;
        for (size_t i = 0; i < header.size(); ++i) col[lower(header[i])] = int(i);
        auto pick = [&](const std::string& role, std::initializer_list<const char*> names) -> int {
            if (o.columns.count(role)) {
                const auto it = col.find(lower(o.columns.at(role)));
                if (it == col.end()) throw Error(path + ": no column named \"" + o.columns.at(role) + "\" (for " + role + ")");
                return it->second;
            }
            for (const char* n : names)
                if (col.count(n)) return col[n];
            return -1;
        };
        const int system = pick("system", {"system", "system_prompt"});
        const int user = pick("user", {"prompt", "question", "instruction", "input", "user", "query"});
        int input = -1;
        if (!o.columns.count("user") && col.count("instruction") && col.count("input")) input = col["input"];
        const int assistant = pick("assistant", {"response", "answer", "output", "completion", "assistant", "reply"});
        if (user < 0 || assistant < 0)
            throw Error(path + ": cannot tell which columns hold the prompt and the reply (header: " + raw.substr(0, 200) + ")",
                        "name them with --columns user=COLUMN,assistant=COLUMN");
        for (int64_t start = ++line; readCsvRecord(in, sep, fields, line, raw); start = ++line) {
            if (isBlank(raw)) continue;
            try {
                if (!unicode::isValidUtf8(raw)) throw RowError{"invalid UTF-8"};
                if (int(fields.size()) != int(header.size()))
                    throw RowError{format("%zu fields, the header has %zu", fields.size(), header.size())};
                std::vector<Message> m;
                if (system >= 0 && !isBlank(fields[size_t(system)])) m.push_back({"system", fields[size_t(system)]});
                std::string u = fields[size_t(user)];
                if (input >= 0 && !fields[size_t(input)].empty()) u += "\n" + fields[size_t(input)];
                if (isBlank(u)) throw RowError{"empty prompt"};
                m.push_back({"user", u});
                m.push_back({"assistant", fields[size_t(assistant)]});
                requireReply(m);
                sink.take(std::move(m), start);
            } catch (const RowError& e) {
                sink.reject(start, e.reason, raw);
            }
            if ((start & 1023) == 0) progress();
        }
    } else if (report.format == ImportFormat::Text) {
        std::string doc, lineText;
        int64_t line = 0, docStart = 1;
        auto emit = [&] {
            if (!isBlank(doc)) {
                while (!doc.empty() && (doc.back() == '\n' || doc.back() == '\r')) doc.pop_back();
                if (!unicode::isValidUtf8(doc)) sink.reject(docStart, "invalid UTF-8", doc.substr(0, 200));
                else sink.take({{"text", doc}}, docStart);
            }
            doc.clear();
        };
        while (std::getline(in, lineText)) {
            ++line;
            if (!o.textPerFile && isBlank(lineText)) {
                emit();
                docStart = line + 1;
                continue;
            }
            if (doc.empty()) docStart = line;
            doc += lineText + "\n";
        }
        emit();
    } else {
        // JSON Lines, or one JSON array of records (read element by element).
        int c;
        while ((c = in.peek()) != EOF && std::isspace(c)) in.get();
        if (c == '[') {
            int64_t element = 0;
            try {
                const json unused = json::parse(in, [&](int depth, json::parse_event_t event, json& parsed) {
                    if (depth == 1 && (event == json::parse_event_t::object_end || event == json::parse_event_t::value)) {
                        ++element;
                        try {
                            sink.take(convert(report.format, parsed), element);
                        } catch (const RowError& e) {
                            sink.reject(element, e.reason, parsed.dump(-1, ' ', false, json::error_handler_t::replace));
                        }
                        return false; // do not keep the element: constant memory
                    }
                    return true;
                });
            } catch (const json::exception& e) {
                sink.flush();
                throw Error(format("%s: not valid JSON after array element %lld: %s", path.c_str(), (long long)element, e.what()));
            }
        } else {
            std::string lineText;
            for (int64_t line = 1; std::getline(in, lineText); ++line) {
                if (isBlank(lineText)) continue;
                try {
                    if (!unicode::isValidUtf8(lineText)) throw RowError{"invalid UTF-8"};
                    json j;
                    try {
                        j = json::parse(lineText);
                    } catch (const json::exception& e) {
                        throw RowError{std::string("bad JSON: ") + e.what()};
                    }
                    sink.take(convert(report.format, j), line);
                } catch (const RowError& e) {
                    sink.reject(line, e.reason, lineText);
                }
                if ((line & 1023) == 0) progress();
            }
        }
    }
    sink.flush();
    report.imported = store.count(datasetId) - before;
    if (o.progress) o.progress(total, total);
    return report;
}

} // namespace ft
