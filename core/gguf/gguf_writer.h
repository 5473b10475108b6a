// GgufWriter: collects metadata and tensor descriptions, then streams a GGUF v3 file to disk
// atomically (temp file + rename), asking for each tensor's bytes only when it is written, so a
// model is never held twice in memory.
#pragma once
#include "gguf/gguf_types.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ft::gguf {

class Writer {
public:
    // Fills `out` with exactly tensorBytes(type, ne) bytes of the tensor's data.
    using Producer = std::function<void(std::vector<uint8_t>& out)>;

    // Keys keep their insertion order; setting a key twice replaces its value.
    void set(const std::string& key, Value value);
    // ne is in GGUF order: ne[0] is the innermost (fastest-varying) dimension, the reverse of a
    // PyTorch shape. Throws ft::Error for a duplicate or over-long name or a row that is not whole blocks.
    void addTensor(const std::string& name, std::vector<uint64_t> ne, TensorType type, Producer produce);

    size_t tensorCount() const { return m_tensors.size(); }
    // Writes the file; returns its size in bytes. Throws ft::Error (the old file, if any, stays).
    uint64_t write(const std::string& path) const;

private:
    struct Tensor {
        std::string name;
        std::vector<uint64_t> ne;
        TensorType type;
        uint64_t bytes;
        Producer produce;
    };
    std::vector<std::pair<std::string, Value>> m_metadata;
    std::vector<Tensor> m_tensors;
};

} // namespace ft::gguf
