// The order in which a run sees its examples: per epoch, a seeded shuffle, then batches of similar
// length (less padding), or packed rows that hold several examples each (which never attend to each
// other). Deterministic for (lengths, settings, seed, epoch) on every platform. Plain types only.
#pragma once
#include <cstdint>
#include <vector>

namespace ft {

// One micro-batch: each row lists the sequences laid side by side in it (one without packing).
struct MicroBatch {
    std::vector<std::vector<int32_t>> rows;
};

struct BatchPlanOptions {
    int64_t batchSize = 4;
    int64_t maxSeqLen = 1024; // packing: the capacity of a row
    bool packing = false;
    uint64_t seed = 42;
    bool shuffle = true; // false: sequences in order of length (evaluation)
};

std::vector<MicroBatch> planEpoch(const std::vector<int64_t>& lengths, const BatchPlanOptions& options, int64_t epoch);

} // namespace ft
