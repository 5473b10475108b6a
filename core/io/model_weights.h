// ModelWeights: the tensors of a Hugging Face model folder, from model.safetensors or from shards
// listed in model.safetensors.index.json. Files are memory-mapped; nothing is copied until asked.
#pragma once
#include "io/safetensors.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ft {

class ModelWeights {
public:
    // Opens and validates every weight file of the folder; throws ft::Error naming the file.
    explicit ModelWeights(const std::string& modelDir);

    bool contains(const std::string& name) const { return m_where.count(name) != 0; }
    const SafetensorsEntry& entry(const std::string& name) const;
    torch::Tensor tensor(const std::string& name) const; // a read-only CPU view of the mapped bytes
    std::vector<std::string> names() const;
    const std::vector<std::string>& files() const { return m_files; }
    uint64_t totalBytes() const;
    std::string dominantDtype() const; // the dtype holding the most bytes ("BF16", ...)

private:
    std::vector<std::string> m_files;
    std::vector<std::unique_ptr<SafetensorsFile>> m_shards;
    std::map<std::string, size_t> m_where; // tensor name -> shard index
};

// Writes `tensors` as a Hugging Face model's weights into `dir`: one model.safetensors when the total
// is under `maxShardBytes`, otherwise model-0000i-of-0000n.safetensors plus the index JSON.
void saveModelWeights(const std::string& dir, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      uint64_t maxShardBytes = 5'000'000'000ull);

} // namespace ft
