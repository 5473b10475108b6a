// KvCache: per-layer keys and values for incremental decoding, preallocated to a capacity so that a
// decode step writes one slot instead of re-concatenating the past.
#pragma once
#include <torch/types.h>
#include <vector>

namespace ft {

struct LlamaConfig;

class KvCache {
public:
    // Room for `capacity` tokens per row, for `batch` rows.
    KvCache(const LlamaConfig& config, int64_t batch, int64_t capacity, const torch::TensorOptions& options);

    int64_t length() const { return m_length; } // tokens already cached (per row; rows are aligned)
    int64_t capacity() const { return m_capacity; }
    int64_t batch() const { return m_batch; }

    // Writes k/v [B, nkv, T, hd] of `layer` at [length, length+T) and returns views over [0, length+T).
    std::pair<torch::Tensor, torch::Tensor> append(int64_t layer, const torch::Tensor& k, const torch::Tensor& v);
    // Called once per forward, after every layer appended T tokens.
    void advance(int64_t tokens);

    // keyValid [B, capacity] bool: false for padding slots (left padding of shorter prompts).
    torch::Tensor& keyValid() { return m_keyValid; }

private:
    std::vector<torch::Tensor> m_keys; // per layer [B, nkv, capacity, hd]
    std::vector<torch::Tensor> m_values;
    torch::Tensor m_keyValid;
    int64_t m_batch = 0;
    int64_t m_capacity = 0;
    int64_t m_length = 0;
};

} // namespace ft
