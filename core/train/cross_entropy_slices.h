// How many rows the sliced LM-head loss (linear_cross_entropy.h) takes at a time; torch-free, so
// the memory estimate shown before a run uses the same rule as the trainer.
#pragma once
#include <algorithm>
#include <cstdint>

namespace ft {

// Rows per slice so that one slice's float32 logits hold about `budgetElements` values (128 MB by
// default): 1,024 rows at a 32k vocabulary, 220 at Qwen's 152k; the whole batch at small ones.
inline int64_t crossEntropySliceRows(int64_t vocabSize, int64_t budgetElements = int64_t(1) << 25) {
    return std::max<int64_t>(1, budgetElements / std::max<int64_t>(1, vocabSize));
}

} // namespace ft
