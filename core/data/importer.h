// Importing files into a dataset: the format is detected (or given), the file is read as a stream
// (a 1 GB file never needs 1 GB of memory), every row that cannot be taken is reported with its line
// and reason, exact duplicates are counted (and skipped unless asked), and rows are committed in
// batches, each one transaction and one undoable step.
#pragma once
#include "data/example.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ft {

class DatasetStore;

enum class ImportFormat { Auto, Messages, Alpaca, ShareGpt, PromptCompletion, Csv, Tsv, Text };
const char* importFormatName(ImportFormat format);
ImportFormat importFormatFromName(const std::string& name); // throws naming the value

struct ImportOptions {
    ImportFormat format = ImportFormat::Auto;
    bool keepDuplicates = false;
    Split split = Split::Unassigned;
    std::string rejectsPath;                    // write skipped rows here (JSONL), if set
    std::map<std::string, std::string> columns; // CSV/TSV: "system"/"user"/"assistant" -> column name
    bool textPerFile = false;                   // text: one document per file instead of per blank-line block
    size_t batchSize = 2000;
    std::function<void(uint64_t bytesRead, uint64_t totalBytes)> progress;
};

struct ImportError {
    int64_t line; // 1-based line (array element index for JSON arrays)
    std::string reason;
};

struct ImportReport {
    ImportFormat format = ImportFormat::Auto;
    int64_t imported = 0, skipped = 0, duplicates = 0;
    std::vector<ImportError> errors;
    std::string toJson() const; // {"format", "imported", "skipped", "duplicates", "errors": [{"line", "reason"}]}
};

// Looks at the file's name and first record. Throws ft::Error when it cannot tell.
ImportFormat detectFormat(const std::string& path);

ImportReport importFile(DatasetStore& store, int64_t datasetId, const std::string& path, const ImportOptions& options = {});

} // namespace ft
