// Exporting a dataset (all of it or one split) to OpenAI-style messages JSONL or an Alpaca JSON
// array. Written atomically: the file appears complete or not at all.
#pragma once
#include "data/example.h"

#include <optional>
#include <string>

namespace ft {

class DatasetStore;

enum class ExportFormat { Messages, Alpaca };
ExportFormat exportFormatFromName(const std::string& name); // "messages" | "alpaca"

// Returns the number of examples written. Alpaca keeps single-turn examples (system, one user turn,
// one reply) and reports how many multi-turn ones it had to leave out in `skipped`.
int64_t exportDataset(const DatasetStore& store, int64_t datasetId, std::optional<Split> split, ExportFormat format,
                      const std::string& path, int64_t* skipped = nullptr);

} // namespace ft
