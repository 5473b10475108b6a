// KvCache: the keys and values of past positions, per layer, for generation.
#include "model/kv_cache.h"

#include "model/llama_config.h"
#include "util/error.h"

#include "torch_pch.h"

namespace ft {

KvCache::KvCache(const LlamaConfig& c, int64_t batch, int64_t capacity, const torch::TensorOptions& options)
    : m_batch(batch), m_capacity(capacity) {
    for (int64_t i = 0; i < c.numLayers; ++i) {
        m_keys.push_back(torch::zeros({batch, c.numKvHeads, capacity, c.headDim}, options));
        m_values.push_back(torch::zeros({batch, c.numKvHeads, capacity, c.headDim}, options));
    }
    m_keyValid = torch::ones({batch, capacity}, options.dtype(torch::kBool));
}

std::pair<torch::Tensor, torch::Tensor> KvCache::append(int64_t layer, const torch::Tensor& k, const torch::Tensor& v) {
    const int64_t t = k.size(2);
    if (m_length + t > m_capacity)
        throw Error(format("KV cache overflow: %lld cached + %lld new tokens > capacity %lld", (long long)m_length, (long long)t,
                           (long long)m_capacity));
    m_keys[layer].narrow(2, m_length, t).copy_(k);
    m_values[layer].narrow(2, m_length, t).copy_(v);
    return {m_keys[layer].narrow(2, 0, m_length + t), m_values[layer].narrow(2, 0, m_length + t)};
}

void KvCache::advance(int64_t tokens) {
    m_length += tokens;
}

} // namespace ft
