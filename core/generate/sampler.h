// Token selection from next-token logits, in Hugging Face's order: repetition penalty, temperature,
// top-k, top-p, then a draw (or argmax when temperature is 0).
#pragma once
#include <cstdint>
#include <vector>

#include <ATen/core/Generator.h>
#include <torch/types.h>

namespace ft {

struct SamplingOptions {
    double temperature = 0.0;       // 0 = greedy
    int64_t topK = 0;               // 0 = off
    double topP = 1.0;              // 1 = off
    double repetitionPenalty = 1.0; // 1 = off; >1 discourages tokens already in the sequence
    uint64_t seed = 0;

    // Throws ft::Error naming the first impossible value.
    void validate() const;
};

// logits [V] float32 on CPU (modified in place); history: the row's tokens so far (prompt included).
int64_t sampleToken(torch::Tensor logits, const std::vector<int64_t>& history, const SamplingOptions& options, at::Generator& generator);

} // namespace ft
