// Curation over a dataset: structural validation, token counts (cached per example and tokenizer),
// token-length statistics, reproducible train/validation/test splits, and duplicate groups (exact by
// normalised hash, near by MinHash over word shingles). Nothing here deletes: callers decide.
#pragma once
#include "data/example.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ft {

class DatasetStore;

// Structural problems of a conversation, as short reasons ("empty reply", "turns out of order", ...).
// Raw documents (role "text") are valid when not empty.
std::vector<std::string> validateMessages(const std::vector<Message>& messages);

struct TokenCount {
    int64_t prompt = 0, reply = 0, total = 0;
};
// Counts the tokens of one example (typically: render with the chat template, tokenize, mask).
using TokenCounter = std::function<TokenCount(const std::vector<Message>&)>;

// Computes and caches counts for every example of the dataset that has none under `tokenizerKey`.
// Returns how many were computed. Edits invalidate an example's cached counts.
int64_t updateTokenCounts(DatasetStore& store, int64_t datasetId, const std::string& tokenizerKey, const TokenCounter& count,
                          const std::function<void(int64_t done, int64_t total)>& progress = {});

struct LengthStats {
    std::vector<int64_t> prompt, reply, total; // one value per counted example (histogram input)
    int64_t longestId = 0, shortestId = 0;
    int64_t longest = 0, shortest = 0;
    int64_t overLimit = 0; // examples with total > maxTokens
};
// The cached counts of these examples under `tokenizerKey` (examples without one are absent).
std::map<int64_t, TokenCount> cachedTokenCounts(const DatasetStore& store, const std::vector<int64_t>& ids,
                                                const std::string& tokenizerKey);

LengthStats lengthStats(const DatasetStore& store, int64_t datasetId, const std::string& tokenizerKey, int64_t maxTokens);

// Assigns splits by ratio (train, validation, test; normalised), reproducibly from `seed`. Only
// unassigned examples are assigned unless `reassignAll`. Counts are exact (largest remainders).
// One undoable step. Returns the number of examples assigned.
int64_t assignSplits(DatasetStore& store, int64_t datasetId, double train, double validation, double test, uint64_t seed, bool reassignAll);

// Groups of example ids (each of two or more, smallest id first) that are exact duplicates, or near
// duplicates with estimated Jaccard similarity of word 3-shingles >= threshold.
std::vector<std::vector<int64_t>> exactDuplicateGroups(const DatasetStore& store, int64_t datasetId);
std::vector<std::vector<int64_t>> nearDuplicateGroups(const DatasetStore& store, int64_t datasetId, double threshold = 0.8);

} // namespace ft
